"""A published story credits every agency that reported its event, as the editor chooses
(issue 12): "Also reported by" in the provenance box, the JSON-LD and ninjs, audited, and for
editors only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import Attribution, AttributionRole
from tests.articles.conftest import assert_valid
from tests.articles.test_structured_data import news_article
from tests.factories import (
    AgencyFactory,
    AttributionFactory,
    EditorFactory,
    PublishedStoryFactory,
    TranslationFactory,
    TranslatorFactory,
    UserFactory,
    WireStoryFactory,
    event_of,
)
from translations.models import AuditEvent, EventType
from translations.services.errors import WorkflowError
from translations.services.event_credits import event_agencies, story_credit_event_agencies

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies():
    return {
        slug: AgencyFactory(name=name, slug=slug, website=f"https://{slug}.example")
        for slug, name in [("trend", "Trend"), ("kazinform", "Kazinform"), ("akipress", "AKIpress")]
    }


@pytest.fixture
def story(agencies):
    """Published from Trend's report of an event Kazinform and AKIpress reported too."""
    trend_report = WireStoryFactory(agency=agencies["trend"])
    event_of(
        trend_report,
        WireStoryFactory(agency=agencies["kazinform"], language="kk"),
        WireStoryFactory(agency=agencies["akipress"], language="en"),
    )
    story = PublishedStoryFactory(headline="Alat port handles 37% of Trans-Caspian cargo")
    TranslationFactory(story=story, wire_story=trend_report)
    AttributionFactory(story=story, agency=agencies["trend"], role=AttributionRole.TRANSLATED_FROM)
    return story


def page_url(story) -> str:
    return reverse("admin:articles_story_event_agencies", args=[story.pk])


def test_the_event_offers_every_other_agency_that_reported_it(story, agencies):
    assert event_agencies(story) == [agencies["akipress"], agencies["kazinform"]]


def test_an_editor_credits_the_agencies_and_readers_and_machines_see_them(
    client, story, agencies, validators
):
    editor = EditorFactory()
    client.force_login(editor)

    form = client.get(page_url(story)).content.decode()
    response = client.post(
        page_url(story), {"agencies": [agencies["akipress"].pk, agencies["kazinform"].pk]}
    )

    assert f'value="{agencies["kazinform"].pk}"' in form
    assert f'value="{agencies["trend"].pk}"' not in form
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_story_change", args=[story.pk])
    event = AuditEvent.objects.get(event_type=EventType.EVENT_AGENCIES_CREDITED)
    assert (event.actor, event.story) == (editor, story)
    assert event.payload == {
        "added": ["akipress", "kazinform"],
        "removed": [],
        "credited": ["akipress", "kazinform"],
    }

    client.logout()
    page = client.get(story.get_absolute_url()).content.decode()
    box = page.split('<aside class="provenance"')[1].split("</aside>")[0]
    assert box.count("<dt>Also reported by</dt>") == 1
    assert f'<dd><a href="{agencies["akipress"].get_absolute_url()}">AKIpress</a></dd>' in box
    assert f'<dd><a href="{agencies["kazinform"].get_absolute_url()}">Kazinform</a></dd>' in box
    assert news_article(client, story)["contributor"] == [
        {"@type": "Organization", "name": "AKIpress", "url": "https://akipress.example"},
        {"@type": "Organization", "name": "Kazinform", "url": "https://kazinform.example"},
    ]
    for version, key in [("2.2", "infosources"), ("3.1", "infoSources")]:
        url = reverse("articles:api-story", kwargs={"version": version, "slug": story.slug})
        item = client.get(url).json()
        assert_valid(validators[version], item)
        also = [s for s in item[key] if s["role"] == "newsroom:also_reported_by"]
        assert [(s["name"], s["literal"]) for s in also] == [
            ("AKIpress", "akipress"),
            ("Kazinform", "kazinform"),
        ]


def test_unticking_an_agency_removes_its_credit_and_is_audited(client, story, agencies):
    editor = EditorFactory()
    story_credit_event_agencies(
        story=story, actor=editor, agencies=[agencies["akipress"], agencies["kazinform"]]
    )
    client.force_login(editor)

    client.post(page_url(story), {"agencies": [agencies["kazinform"].pk]})
    client.post(page_url(story), {"agencies": [agencies["kazinform"].pk]})

    credited = Attribution.objects.filter(story=story, role=AttributionRole.ALSO_REPORTED_BY)
    assert [a.agency.slug for a in credited] == ["kazinform"]
    latest = AuditEvent.objects.filter(event_type=EventType.EVENT_AGENCIES_CREDITED)
    # The second post changed nothing and wrote nothing.
    assert latest.count() == 2
    assert latest.first().payload == {
        "added": [],
        "removed": ["akipress"],
        "credited": ["kazinform"],
    }
    assert "Also reported by" not in news_article(client, story).get("contributor", "")


def test_an_agency_that_did_not_report_the_event_is_refused_by_name(story):
    stranger = AgencyFactory(name="Anadolu")

    with pytest.raises(WorkflowError, match="Anadolu did not report the event"):
        story_credit_event_agencies(story=story, actor=EditorFactory(), agencies=[stranger])

    assert not AuditEvent.objects.filter(event_type=EventType.EVENT_AGENCIES_CREDITED).exists()


@pytest.mark.parametrize(
    ("make_user", "page_status", "may"),
    [
        (EditorFactory, 200, True),
        (TranslatorFactory, 403, False),
        # A story this user may not see answers 404, so that its existence does not leak.
        (lambda: UserFactory(is_staff=True), 404, False),
    ],
    ids=["editor", "translator", "staff without a role"],
)
def test_only_editors_credit_the_agencies_of_an_event(
    client, story, agencies, make_user, page_status, may
):
    user = make_user()
    story.assignee = user
    story.save(update_fields=["assignee"])
    client.force_login(user)

    page = client.get(page_url(story))
    change = client.get(reverse("admin:articles_story_change", args=[story.pk]))

    assert page.status_code == page_status
    assert (page_url(story) in change.content.decode()) is may
    if may:
        story_credit_event_agencies(story=story, actor=user, agencies=[agencies["akipress"]])
    else:
        with pytest.raises(PermissionDenied):
            story_credit_event_agencies(story=story, actor=user, agencies=[agencies["akipress"]])


def test_crediting_refreshes_the_story_and_leaves_other_stories_cached(
    client, story, agencies, django_assert_num_queries, django_capture_on_commit_callbacks
):
    other = PublishedStoryFactory(headline="Kabar: cotton harvest ends early")
    for url in [story.get_absolute_url(), other.get_absolute_url()]:
        client.get(url)  # both pages now in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        story_credit_event_agencies(
            story=story, actor=EditorFactory(), agencies=[agencies["akipress"]]
        )

    assert "<dt>Also reported by</dt>" in client.get(story.get_absolute_url()).content.decode()
    with django_assert_num_queries(0):
        assert client.get(other.get_absolute_url()).status_code == 200
