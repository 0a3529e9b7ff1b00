"""The wire queue and claiming, driven through the admin as translators and editors."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import AttributionRole, StoryStatus
from tests.factories import (
    AgencyFactory,
    AttributionFactory,
    EditorFactory,
    TranslatorFactory,
    UserFactory,
    WireStoryFactory,
)
from translations.models import AuditEvent, EventType, ParagraphOrigin, Translation
from translations.services.desk import wire_story_claim
from translations.services.workflow import story_reassign

pytestmark = pytest.mark.django_db

QUEUE = "admin:articles_wirestory_changelist"


def claim_url(wire) -> str:
    return reverse("admin:articles_wirestory_claim", args=[wire.pk])


def test_claim_makes_a_draft_pinned_to_the_version_and_opens_the_editor(client, translator):
    agency = AgencyFactory(name="Trend", slug="trend")
    reporter = AgencyFactory(name="Kazinform", slug="kazinform")
    wire = WireStoryFactory(agency=agency, version=1)
    AttributionFactory(wire_story=wire, agency=reporter, role=AttributionRole.ORIGINAL_REPORTER)
    client.force_login(translator)

    response = client.post(claim_url(wire))

    translation = Translation.objects.get(wire_story=wire)
    story = translation.story
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_story_translate", args=[story.pk])
    assert story.status == StoryStatus.DRAFT
    assert story.assignee == translator
    assert story.language == "en"
    assert translation.source_language == "ru"
    assert translation.credit_line == "Translated from Trend"
    assert list(translation.translators.all()) == [translator]
    assert [(a.role, a.credited_name) for a in story.attributions.all()] == [
        (AttributionRole.ORIGINAL_REPORTER, "Kazinform"),
        (AttributionRole.TRANSLATED_FROM, "Trend"),
    ]
    alignments = [p.alignment for p in story.paragraphs.order_by("position")]
    assert [a.source_indexes for a in alignments] == [[0], [1], [2]]
    assert {a.origin for a in alignments} == {ParagraphOrigin.TYPED}
    assert story.revisions.count() == 1
    event = AuditEvent.objects.get(event_type=EventType.WIRE_CLAIMED)
    assert (event.actor, event.story, event.wire_story) == (translator, story, wire)


def test_a_second_translators_claim_is_refused_with_the_claimants_name(client, other_translator):
    translator = TranslatorFactory(first_name="Aigerim", last_name="Sadykova")
    wire = WireStoryFactory()
    client.force_login(translator)
    client.post(claim_url(wire))
    client.force_login(other_translator)

    response = client.post(claim_url(wire), follow=True)

    assert "Aigerim Sadykova has already claimed" in response.content.decode()
    assert Translation.objects.filter(wire_story=wire).count() == 1
    assert Translation.objects.get(wire_story=wire).story.assignee == translator


def test_claiming_ones_own_claim_again_opens_the_same_story(client, translator):
    wire = WireStoryFactory()
    client.force_login(translator)
    first = client.post(claim_url(wire))
    second = client.post(claim_url(wire))
    assert first.url == second.url
    assert Translation.objects.count() == 1


def test_start_translation_admin_action(client, translator):
    wire = WireStoryFactory()
    client.force_login(translator)
    response = client.post(
        reverse(QUEUE), {"action": "start_translation", "_selected_action": [wire.pk]}
    )
    story = Translation.objects.get(wire_story=wire).story
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_story_translate", args=[story.pk])


def test_the_queue_shows_state_and_who_claimed_what(client, translator, editor):
    claimed = WireStoryFactory(headline="Claimed story")
    WireStoryFactory(headline="Fresh story")
    wire_story_claim(wire_story=claimed, actor=translator)
    client.force_login(editor)

    page = client.get(reverse(QUEUE)).content.decode()
    in_translation = client.get(reverse(QUEUE), {"state": "in_translation"}).content.decode()
    new = client.get(reverse(QUEUE), {"state": "new"}).content.decode()

    assert "Claimed story" in page
    assert "Fresh story" in page
    assert translator.username in page
    assert "Claimed story" in in_translation
    assert "Fresh story" not in in_translation
    assert "Fresh story" in new
    assert "Claimed story" not in new


def test_the_queue_searches_and_filters_by_agency(client, translator):
    trend = AgencyFactory(name="Trend", slug="trend")
    WireStoryFactory(agency=trend, headline="Pipeline deal signed")
    WireStoryFactory(headline="Harvest report")
    client.force_login(translator)
    found = client.get(reverse(QUEUE), {"q": "pipeline"}).content.decode()
    by_agency = client.get(reverse(QUEUE), {"agency__id__exact": trend.pk}).content.decode()
    assert "Pipeline deal signed" in found
    assert "Harvest report" not in found
    assert "Pipeline deal signed" in by_agency
    assert "Harvest report" not in by_agency


def test_discarded_stories_leave_the_new_state(client, translator):
    wire = WireStoryFactory(headline="Not for us")
    client.force_login(translator)
    client.post(reverse(QUEUE), {"action": "discard", "_selected_action": [wire.pk]})
    wire.refresh_from_db()
    assert wire.discarded_at is not None
    discarded = client.get(reverse(QUEUE), {"state": "discarded"}).content.decode()
    assert "Not for us" in discarded
    assert AuditEvent.objects.filter(event_type=EventType.WIRE_DISCARDED, wire_story=wire).exists()
    refused = client.post(claim_url(wire), follow=True).content.decode()
    assert "was discarded" in refused


@pytest.mark.parametrize(
    ("who", "claim_status"),
    [("anonymous", 302), ("staff_without_role", 403), ("translator", 302), ("editor", 302)],
)
def test_who_may_claim(client, who, claim_status):
    wire = WireStoryFactory()
    users = {
        "staff_without_role": lambda: UserFactory(),
        "translator": lambda: TranslatorFactory(),
        "editor": lambda: EditorFactory(),
    }
    if who in users:
        client.force_login(users[who]())
    response = client.post(claim_url(wire))
    assert response.status_code == claim_status
    assert Translation.objects.exists() is (who in {"translator", "editor"})


def test_an_editor_reassigns_and_a_translator_may_not(translator, other_translator, editor):
    story = wire_story_claim(wire_story=WireStoryFactory(), actor=translator)
    with pytest.raises(PermissionDenied, match="Only an editor may reassign"):
        story_reassign(story=story, actor=other_translator, assignee=other_translator)
    story_reassign(story=story, actor=editor, assignee=other_translator)
    story.refresh_from_db()
    assert story.assignee == other_translator
    event = AuditEvent.objects.get(event_type=EventType.STORY_REASSIGNED)
    assert event.payload["from"] == translator.username
    assert event.payload["to"] == other_translator.username
