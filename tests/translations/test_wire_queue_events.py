"""The wire queue lists one row per event (issue 12): its agencies and languages, its first and
most complete reports and why they were grouped; the row claims the most complete report and
the others show what covers them. Filters and search still work, and the page costs the same
number of queries whatever its length."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Story, StoryStatus, WireStory
from tests.factories import AgencyFactory, WireStoryFactory, event_of, story_in_state
from translations.queue import QueueState, queue_state_q, with_queue_state
from translations.services.desk import wire_story_claim, wire_story_discard

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_wirestory_changelist")
WHY = "same numbers 37 %, 2014; same names Alat, Trans-Caspian; 40 min apart"


def claim_url(wire: WireStory) -> str:
    return reverse("admin:articles_wirestory_claim", args=[wire.pk])


def change_url(wire: WireStory) -> str:
    return reverse("admin:articles_wirestory_change", args=[wire.pk])


def translate_url(story: Story) -> str:
    return reverse("admin:articles_story_translate", args=[story.pk])


@pytest.fixture
def event():
    """Trend's short flash first, Kazinform's full report 40 minutes later, and an unrelated
    AKIpress story."""
    sent = timezone.now() - timedelta(hours=2)
    trend = AgencyFactory(name="Trend", slug="trend")
    kazinform = AgencyFactory(name="Kazinform", slug="kazinform")
    flash = WireStoryFactory(
        agency=trend,
        language="ru",
        headline="Алат: 37 % грузов",
        paragraphs=["Через порт Алат прошло 37 % грузов."],
        sent_at=sent,
    )
    full = WireStoryFactory(
        agency=kazinform,
        language="kk",
        headline="Алат порты арқылы жүктің 37 пайызы өтті",
        dateline="БАКУ, 12 наурыз",
        paragraphs=[
            "Алат порты арқылы Транскаспий бағытының жүгінің 37 пайызы өтті.",
            "Бұл көрсеткіш 2014 жылдан бері ең жоғары.",
            "Министрлік келесі жылы өсім күтеді.",
            "Төртінші абзац алдын ала қарауда көрсетілмейді.",
        ],
        sent_at=sent + timedelta(minutes=40),
    )
    alone = WireStoryFactory(agency=AgencyFactory(name="AKIpress"), headline="Другое событие")
    cluster = event_of(flash, full, why=WHY)
    return flash, full, alone, cluster


def rows(response) -> list[int]:
    return [wire.pk for wire in response.context["cl"].result_list]


def test_an_event_is_one_row_with_its_agencies_first_and_most_complete_reports(
    client, translator, event
):
    flash, full, alone, _ = event
    client.force_login(translator)

    response = client.get(QUEUE)
    page = response.content.decode()

    # The event's row is its most complete report: Kazinform's, not Trend's flash.
    assert rows(response) == [alone.pk, full.pk]
    assert "2 reports</a>: Kazinform, Trend · kk, ru" in page
    assert re.search(rf'First</span> <a href="{change_url(flash)}">Trend</a>', page)
    assert re.search(rf'most complete</span> <a href="{change_url(full)}">Kazinform</a> \(', page)
    assert f"Kazinform: {WHY}" in page
    # The row claims the event's best source; the flash has no button of its own.
    assert f'formaction="{claim_url(full)}"' in page
    assert f'formaction="{claim_url(flash)}"' not in page
    # A story on its own reads as before: no event.
    assert f'formaction="{claim_url(alone)}"' in page
    assert page.count("reports</a>:") == 1


def test_the_preview_shows_dateline_agency_and_the_first_paragraphs_without_javascript(
    client, translator, event
):
    _, full, _, _ = event
    client.force_login(translator)

    page = client.get(QUEUE).content.decode()

    preview = page.split(f'<summary><span lang="kk" dir="auto">{full.headline}</span></summary>')[1]
    preview = preview.split("</details>")[0]
    assert "БАКУ, 12 наурыз · Kazinform · " in preview
    assert "Бұл көрсеткіш 2014 жылдан бері ең жоғары." in preview
    assert "Төртінші абзац" not in preview
    assert f'<a href="{change_url(full)}">The whole story</a> (1 more paragraph, ' in preview
    assert "Reports of this event" in preview
    assert "Trend (ru, " in preview


def test_a_claim_from_the_row_covers_the_other_reports(client, translator, other_translator, event):
    flash, full, _, cluster = event
    client.force_login(translator)

    response = client.post(claim_url(full))

    story = Story.objects.get(translation__wire_story=full)
    assert response["Location"] == translate_url(story)
    reports = client.get(QUEUE, {"event_membership__cluster": cluster.pk})
    page = reports.content.decode()
    assert sorted(rows(reports)) == sorted([flash.pk, full.pk])
    assert "Covered by another report" in page
    assert (
        f'covered by <a href="{translate_url(story)}">“{story.headline}”</a> '
        f"({translator.username})"
    ) in page
    # Someone who may not open the translation is led to its source instead of a 404.
    client.force_login(other_translator)
    page = client.get(QUEUE, {"event_membership__cluster": cluster.pk}).content.decode()
    assert translate_url(story) not in page
    assert f'covered by <a href="{change_url(full)}">“{story.headline}”</a>' in page


def test_filters_and_search_choose_the_reports_and_the_event_still_shows(client, translator, event):
    flash, full, alone, _ = event
    wire_story_claim(wire_story=full, actor=translator)
    client.force_login(translator)
    trend = flash.agency

    by_agency = client.get(QUEUE, {"agency__id__exact": trend.pk})
    searched = client.get(QUEUE, {"q": "Другое"})
    new = client.get(QUEUE, {"state": "new"})
    covered = client.get(QUEUE, {"state": "covered"})
    every_version = client.get(QUEUE, {"versions": "all"})

    # Only Trend's report is Trend's: it stands for the event, which still shows in full.
    assert rows(by_agency) == [flash.pk]
    assert "2 reports</a>: Kazinform, Trend" in by_agency.content.decode()
    assert rows(searched) == [alone.pk]
    assert rows(new) == [alone.pk]
    assert rows(covered) == [flash.pk]
    assert sorted(rows(every_version)) == sorted([flash.pk, full.pk, alone.pk])


def test_the_queue_costs_the_same_queries_for_5_and_50_rows(client, translator, editor):
    def add_rows(count: int) -> None:
        for n in range(count):
            if n % 3:
                WireStoryFactory()
                continue
            reports = [WireStoryFactory(), WireStoryFactory(language="kk")]
            event_of(*reports)
            if n % 2:
                wire_story_claim(wire_story=reports[0], actor=translator)

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(QUEUE)
        assert response.status_code == 200
        return len(captured), len(response.context["cl"].result_list)

    client.force_login(editor)
    add_rows(5)
    few, five = queries()
    add_rows(45)
    many, fifty = queries()

    assert (five, fifty) == (5, 50)
    assert few == many


def test_a_wire_story_has_no_save_or_delete(client, editor, event):
    flash, *_ = event
    client.force_login(editor)

    page = client.get(change_url(flash)).content.decode()

    assert 'name="_save"' not in page
    assert "deletelink" not in page
    assert "Start translation" in page


def test_discarding_an_events_row_discards_its_reports(client, translator, event):
    flash, full, alone, cluster = event
    client.force_login(translator)

    response = client.post(QUEUE, {"action": "discard", "_selected_action": [full.pk]}, follow=True)

    assert "2 wire stories discarded." in response.content.decode()
    assert rows(client.get(QUEUE, {"state": "new"})) == [alone.pk]
    assert sorted(rows(client.get(QUEUE, {"event_membership__cluster": cluster.pk}))) == sorted(
        [flash.pk, full.pk]
    )
    assert WireStory.objects.filter(discarded_at__isnull=False).count() == 2


def test_discarding_one_report_of_an_event_keeps_the_others(client, translator, event):
    flash, _, _, cluster = event
    client.force_login(translator)

    client.post(
        QUEUE + f"?event_membership__cluster={cluster.pk}",
        {"action": "discard", "_selected_action": [flash.pk]},
    )

    assert list(WireStory.objects.filter(discarded_at__isnull=False)) == [flash]


def test_the_state_filter_condition_agrees_with_the_state_shown(translator, editor):
    covered, claimed = WireStoryFactory(), WireStoryFactory()
    event_of(covered, claimed)
    wire_story_claim(wire_story=claimed, actor=translator)
    wire_story_discard(wire_story=WireStoryFactory(), actor=translator)
    done = story_in_state(StoryStatus.PUBLISHED, assignee=translator)
    WireStoryFactory()

    stories = with_queue_state(WireStory.objects.all())
    shown = {state: set(stories.filter(queue_state=state)) for state in QueueState}
    filtered = {state: set(stories.filter(queue_state_q(state))) for state in QueueState}

    assert filtered == shown
    assert all(shown.values()), shown
    assert shown[QueueState.COVERED] == {covered}
    assert done.translation.wire_story in shown[QueueState.DONE]


def test_a_covered_report_may_still_be_claimed_from_its_page(client, translator, event):
    flash, full, _, _ = event
    wire_story_claim(wire_story=full, actor=translator)
    client.force_login(translator)

    page = client.get(change_url(flash)).content.decode()

    assert f'action="{claim_url(flash)}"' in page
    assert "Start translation" in page
