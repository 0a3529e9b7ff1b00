"""Admin change lists and the admin home at archive scale: as many queries for 50 rows as for 5,
no count of the whole table beside the page's, sorting only on indexed columns, and on PostgreSQL
an estimate in place of counting a long list.

bench/bench_read.py times the same pages at 100,000 stories (figures in bench/README.md).
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import StoryStatus, WireStory
from newsroom.changelist import EstimatedCountPaginator, distinct_values, estimated_rows
from tests.factories import (
    GlossaryTermFactory,
    SectionFactory,
    StoryFactory,
    TranslationFactory,
    WireStoryFactory,
)
from translations.models import AuditEvent, EventType, GlossaryTerm

pytestmark = pytest.mark.django_db

LISTS = {
    "stories": "/admin/articles/story/",
    "wire queue": "/admin/articles/wirestory/",
    "audit events": "/admin/translations/auditevent/",
    "glossary": "/admin/translations/glossaryterm/",
}


def add_rows(count: int, *, user) -> None:
    """`count` more of everything the lists and the home page's panels show."""
    section = SectionFactory(name="World", slug="world")
    now = timezone.now()
    for n in range(count):
        wire = WireStoryFactory(language=("ru", "kk", "tr")[n % 3])
        story = StoryFactory(
            section=section,
            assignee=user,
            language=("en", "de")[n % 2],
            status=(StoryStatus.IN_REVIEW, StoryStatus.APPROVED, StoryStatus.DRAFT)[n % 3],
        )
        TranslationFactory(story=story, wire_story=wire, translators=[user])
        # A newer version of the source: the story shows under "Source changed" on the home page.
        WireStoryFactory(agency=wire.agency, guid=wire.guid, version=2, language=wire.language)
        StoryFactory(status=StoryStatus.PUBLISHED, publish_at=now + timezone.timedelta(hours=n + 1))
        AuditEvent.objects.create(
            event_type=EventType.STORY_SUBMITTED, story=story, actor=user, comment=f"Event {n}"
        )
        GlossaryTermFactory(source_language=("ru", "kk")[n % 2])


def queries_for(client, url: str) -> tuple[int, object]:
    client.get(url)  # the session, content types and permissions as a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("role", ["editor", "translator"])
def test_a_change_list_makes_as_many_queries_for_50_rows_as_for_5(client, request, name, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    url = LISTS[name]

    add_rows(5, user=user)
    at_5, response = queries_for(client, url)
    shown_at_5 = len(response.context["cl"].result_list)
    add_rows(45, user=user)
    at_50, response = queries_for(client, url)

    assert at_50 == at_5, f"{name}: {at_5} queries for 5 rows, {at_50} for 50"
    changelist = response.context["cl"]
    assert len(changelist.result_list) >= 50 > shown_at_5
    # No count of the whole table beside the page's own count.
    assert changelist.full_result_count is None
    assert f"{changelist.result_count} " in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_the_admin_home_makes_as_many_queries_for_50_rows_as_for_5(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    add_rows(5, user=user)
    at_5, _ = queries_for(client, "/admin/")
    add_rows(45, user=user)
    at_50, response = queries_for(client, "/admin/")

    assert at_50 == at_5, f"{at_5} queries for 5 rows, {at_50} for 50"
    page = response.content.decode()
    if role == "editor":
        assert "Review queue, waiting longest first" in page
        assert page.count('/review/"') == 17  # every third story of 50 is in review
    else:
        assert "100 new on the wire" not in page
        assert "Your other stories in progress" in page


def test_the_wire_count_on_the_home_page_stops_at_a_hundred(client, translator):
    WireStoryFactory.create_batch(101)
    client.force_login(translator)

    page = client.get("/admin/").content.decode()

    assert "100 or more new on the wire in the last 36 hours" in page


def test_the_home_page_counts_the_new_wire_of_the_event_window_only(client, translator):
    # received_at is set on save: the older story is moved back by an update, as ingest would
    # have stamped it two days ago.
    recent, older = WireStoryFactory.create_batch(2)
    WireStory.objects.filter(pk=older.pk).update(received_at=timezone.now() - timedelta(hours=37))
    client.force_login(translator)

    assert "1 new on the wire in the last 36 hours" in client.get("/admin/").content.decode()

    WireStory.objects.filter(pk=recent.pk).update(received_at=timezone.now() - timedelta(hours=37))
    cache.clear()  # the count may be a minute old (dashboard.PANEL_SECONDS): that minute passes
    page = client.get("/admin/").content.decode()
    assert "Nothing new on the" in page
    assert "in the last 36 hours." in page


def test_the_wire_count_on_the_home_page_may_be_a_minute_old(client, translator):
    WireStoryFactory()
    client.force_login(translator)
    assert "1 new on the wire" in client.get("/admin/").content.decode()

    WireStoryFactory()
    assert "1 new on the wire" in client.get("/admin/").content.decode()
    cache.clear()  # the minute has passed
    assert "2 new on the wire" in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("url", "column"),
    [
        ("/admin/articles/story/", "Section"),
        ("/admin/articles/story/", "Assignee"),
        ("/admin/translations/auditevent/", "Story"),
    ],
)
def test_columns_without_an_index_are_not_sortable(client, editor, url, column):
    client.force_login(editor)
    add_rows(1, user=editor)

    page = client.get(url).content.decode()

    headers = page.split("<thead>")[1].split("</thead>")[0]
    sortable = [part for part in headers.split("<th") if 'class="sortable' in part]
    assert not any(f">{column}<" in part for part in sortable)
    assert any(">Headline<" in part or ">Created at<" in part for part in sortable)


def test_the_language_filter_lists_each_language_once(client, editor):
    client.force_login(editor)
    add_rows(4, user=editor)

    page = client.get("/admin/articles/story/").content.decode()

    assert page.count("?language=de") == 1
    assert page.count("?language=en") == 1
    assert distinct_values(GlossaryTerm.objects.all(), "source_language") == ["kk", "ru"]


def test_a_filtered_list_still_counts_exactly(client, editor):
    client.force_login(editor)
    add_rows(6, user=editor)

    response = client.get("/admin/articles/story/?status=approved")

    assert response.context["cl"].result_count == 2
    assert "2 stories" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's row estimates")
def test_a_long_list_shows_postgresqls_estimate_instead_of_counting(client, editor, monkeypatch):
    client.force_login(editor)
    add_rows(12, user=editor)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_story")
    monkeypatch.setattr(EstimatedCountPaginator, "EXACT_BELOW", 10)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/articles/story/")

    assert response.context["cl"].paginator.estimated
    assert "about 24 stories" in response.content.decode()
    assert not any("COUNT(*)" in query["sql"] for query in queries.captured_queries)
    assert estimated_rows(StoryFactory._meta.model.objects.filter(status="approved")) >= 1


def test_new_wire_stories_are_the_queues_new_state(translator):
    from translations.queue import QueueState, new_wire_stories, with_queue_state
    from translations.services.desk import wire_story_claim, wire_story_discard

    new, claimed, discarded = WireStoryFactory.create_batch(3)
    updated = WireStoryFactory(agency=new.agency, guid="urn:test:updated")
    WireStoryFactory(agency=new.agency, guid="urn:test:updated", version=2)
    wire_story_claim(wire_story=claimed, actor=translator)
    wire_story_discard(wire_story=discarded, actor=translator)

    annotated = with_queue_state(WireStoryFactory._meta.model.objects.latest_versions())
    expected = set(annotated.filter(queue_state=QueueState.NEW).values_list("pk", flat=True))
    assert set(new_wire_stories().values_list("pk", flat=True)) == expected
    assert new.pk in expected
    assert updated.pk not in expected  # version 2 is the one in the queue
    assert claimed.pk not in expected
    assert discarded.pk not in expected
