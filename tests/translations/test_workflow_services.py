"""The workflow services: the rules each move enforces, and what it leaves behind."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Correction, PubStatus, StoryStatus
from tests.factories import (
    AgencyFactory,
    StoryFactory,
    TranslatorFactory,
    WireStoryFactory,
    story_in_state,
)
from translations.models import AuditEvent, EventType, ReviewComment
from translations.services.editing import ParagraphInput, public_slug
from translations.services.errors import WorkflowError
from translations.services.workflow import (
    story_approve,
    story_correct,
    story_publish,
    story_reassign,
    story_request_changes,
)

pytestmark = pytest.mark.django_db


def events(story, event_type) -> int:
    return AuditEvent.objects.filter(story=story, event_type=event_type).count()


# --- four eyes ------------------------------------------------------------------------------


def test_an_editor_cannot_approve_a_story_they_translated(editor, other_editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=editor)

    with pytest.raises(WorkflowError, match="You translated this story"):
        story_approve(story=story, actor=editor)

    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW
    assert events(story, EventType.STORY_APPROVED) == 0
    story_approve(story=story, actor=other_editor)
    story.refresh_from_db()
    assert story.status == StoryStatus.APPROVED


def test_four_eyes_counts_every_translator_not_only_the_assignee(translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    story.translation.translators.add(editor)

    with pytest.raises(WorkflowError, match="another editor must review it"):
        story_approve(story=story, actor=editor)


def test_the_admin_says_why_approval_is_refused(client, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=editor)
    client.force_login(editor)

    change = client.get(f"/admin/articles/story/{story.pk}/change/").content.decode()
    response = client.post(f"/admin/articles/story/{story.pk}/move/approve/", {"comment": ""})

    assert "another editor must approve it" in change
    assert f"/admin/articles/story/{story.pk}/move/approve/" not in change
    assert response.status_code == 409
    assert "You translated this story" in response.content.decode()


# --- request changes ---------------------------------------------------------------------------


def test_requesting_changes_needs_a_comment_and_keeps_it(translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    key = story.paragraphs.order_by("position").last().key

    with pytest.raises(WorkflowError, match="needs a comment"):
        story_request_changes(story=story, actor=editor, comment="  ")
    story_request_changes(story=story, actor=editor, comment="Year?", paragraph_key=key)

    comment = ReviewComment.objects.get(story=story)
    assert (comment.body, comment.paragraph_key, comment.author) == ("Year?", key, editor)
    event = AuditEvent.objects.get(story=story, event_type=EventType.CHANGES_REQUESTED)
    assert event.payload["comment"] == comment.pk


def test_requesting_changes_on_an_unknown_paragraph_is_refused_whole(translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)

    with pytest.raises(WorkflowError, match="no paragraph 'pnope'"):
        story_request_changes(story=story, actor=editor, comment="?", paragraph_key="pnope")

    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW
    assert not ReviewComment.objects.exists()


# --- publishing checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agency", "wire", "message"),
    [
        ({"allows_republication": False}, {}, "does not allow republication"),
        ({"requires_link": True}, {"source_url": ""}, "requires a link"),
        ({}, {"pub_status": PubStatus.WITHHELD}, "The source is withheld"),
        ({}, {"pub_status": PubStatus.CANCELED}, "The source is canceled"),
    ],
    ids=["no-republication", "link-required", "withheld", "canceled"],
)
def test_publishing_is_refused_when_the_licence_or_source_forbids_it(
    translator, editor, agency, wire, message
):
    source = WireStoryFactory(agency=AgencyFactory(**agency), **wire)
    story = story_in_state(StoryStatus.APPROVED, assignee=translator, wire_story=source)

    with pytest.raises(WorkflowError, match=message):
        story_publish(story=story, actor=editor)

    story.refresh_from_db()
    assert (story.status, story.publish_at) == (StoryStatus.APPROVED, None)
    assert events(story, EventType.STORY_PUBLISHED) == 0


def test_publishing_needs_the_credit_line_the_licence_requires(translator, editor):
    story = story_in_state(StoryStatus.APPROVED, assignee=translator)
    story.translation.credit_line = ""
    story.translation.save(update_fields=["credit_line"])

    with pytest.raises(WorkflowError, match="requires a credit line"):
        story_publish(story=story, actor=editor)


def test_a_later_cancellation_of_the_source_blocks_publishing(translator, editor):
    story = story_in_state(StoryStatus.APPROVED, assignee=translator)
    first = story.translation.wire_story
    WireStoryFactory(agency=first.agency, guid=first.guid, version=2, pub_status=PubStatus.CANCELED)

    with pytest.raises(WorkflowError, match=r"canceled by .* \(version 2\)"):
        story_publish(story=story, actor=editor)


def test_publish_time_is_the_later_of_the_chosen_time_and_the_embargo(translator, editor):
    embargo = timezone.now() + timedelta(hours=3)
    source = WireStoryFactory(embargo_until=embargo)
    early = story_in_state(StoryStatus.APPROVED, assignee=translator, wire_story=source)
    late = story_in_state(
        StoryStatus.APPROVED,
        assignee=translator,
        wire_story=WireStoryFactory(embargo_until=embargo),
    )

    story_publish(story=early, actor=editor, publish_at=embargo - timedelta(hours=1))
    story_publish(story=late, actor=editor, publish_at=embargo + timedelta(hours=1))

    early.refresh_from_db()
    late.refresh_from_db()
    assert early.publish_at == embargo
    assert late.publish_at == embargo + timedelta(hours=1)
    assert early.is_scheduled
    assert early.display_status == "Scheduled"


def test_a_chosen_time_in_the_past_publishes_now_never_backdated(translator, editor):
    story = story_in_state(StoryStatus.APPROVED, assignee=translator)
    before = timezone.now()

    story_publish(story=story, actor=editor, publish_at=before - timedelta(days=2))

    story.refresh_from_db()
    assert before <= story.publish_at <= timezone.now()
    assert story.is_live


def test_a_scheduled_story_can_be_rescheduled_but_a_live_one_cannot(translator, editor):
    scheduled = story_in_state(StoryStatus.PUBLISHED, assignee=translator, scheduled=True)
    live = story_in_state(StoryStatus.PUBLISHED, assignee=translator)
    later = timezone.now() + timedelta(days=1)

    story_publish(story=scheduled, actor=editor, publish_at=later)
    with pytest.raises(WorkflowError, match="already public"):
        story_publish(story=live, actor=editor, publish_at=later)

    scheduled.refresh_from_db()
    assert scheduled.publish_at == later
    event = AuditEvent.objects.get(story=scheduled, event_type=EventType.STORY_PUBLISHED)
    assert event.from_status == event.to_status == StoryStatus.PUBLISHED
    assert event.payload["previous_publish_at"]


# --- corrections -------------------------------------------------------------------------------


def _text(story):
    return [ParagraphInput(text=p.text, key=p.key) for p in story.paragraphs.order_by("position")]


def test_a_correction_changes_the_text_and_keeps_a_public_note(translator, editor):
    story = story_in_state(StoryStatus.PUBLISHED, assignee=translator)
    revision = story.revision
    paragraphs = _text(story)
    paragraphs[1] = ParagraphInput(text="The talks took place in 2015.", key=paragraphs[1].key)

    correction = story_correct(
        story=story,
        actor=editor,
        note="An earlier version gave the wrong year.",
        headline=story.headline,
        summary=story.summary,
        paragraphs=paragraphs,
    )

    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    assert story.revision == revision + 1
    assert story.revisions.get(number=story.revision).reason == "correction"
    assert correction.note == "An earlier version gave the wrong year."
    event = AuditEvent.objects.get(story=story, event_type=EventType.STORY_CORRECTED)
    assert event.payload == {"revision": story.revision, "correction": correction.pk}


@pytest.mark.parametrize(
    ("note", "change", "message"),
    [("", True, "needs a note"), ("Fixed.", False, "text is unchanged")],
    ids=["no-note", "no-change"],
)
def test_a_correction_needs_a_note_and_a_change(translator, editor, note, change, message):
    story = story_in_state(StoryStatus.PUBLISHED, assignee=translator)
    revision = story.revision

    with pytest.raises(WorkflowError, match=message):
        story_correct(
            story=story,
            actor=editor,
            note=note,
            headline=story.headline + (" (fixed)" if change else ""),
            summary=story.summary,
            paragraphs=_text(story),
        )

    story.refresh_from_db()
    assert story.revision == revision
    assert not Correction.objects.exists()


# --- reassign ----------------------------------------------------------------------------------


def test_reassigning_gives_the_story_to_another_desk_member(translator, editor):
    story = story_in_state(StoryStatus.CHANGES_REQUESTED, assignee=translator)
    newcomer = TranslatorFactory()

    story_reassign(story=story, actor=editor, assignee=newcomer, comment="Holiday.")

    story.refresh_from_db()
    assert story.assignee == newcomer
    assert story.status == StoryStatus.CHANGES_REQUESTED
    event = AuditEvent.objects.get(story=story, event_type=EventType.STORY_REASSIGNED)
    assert event.payload["from"] == translator.username
    assert event.payload["to"] == newcomer.username


def test_reassigning_to_someone_off_the_desk_is_refused(translator, editor, django_user_model):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    outsider = django_user_model.objects.create_user("reader", is_staff=True)

    with pytest.raises(WorkflowError, match="not an active member of the translation desk"):
        story_reassign(story=story, actor=editor, assignee=outsider)
    with pytest.raises(WorkflowError, match="already assigned"):
        story_reassign(story=story, actor=editor, assignee=translator)


def test_a_translator_cannot_reassign(translator, other_translator):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)

    with pytest.raises(PermissionDenied):
        story_reassign(story=story, actor=translator, assignee=other_translator)


def test_publishing_a_claimed_draft_gives_it_a_slug_from_its_headline(editor, translator):
    taken = StoryFactory(slug="nato-envoy-praises-kazakhstan")
    story = story_in_state(
        StoryStatus.APPROVED,
        assignee=translator,
        slug="draft-7-0a1b2c3d",
        headline="NATO envoy praises Kazakhstan",
    )

    story_publish(story=story, actor=editor)

    story.refresh_from_db()
    assert story.slug == "nato-envoy-praises-kazakhstan-2"
    assert taken.slug == "nato-envoy-praises-kazakhstan"
    # Once public, the slug stays, whatever the headline becomes.
    assert public_slug(story) == "nato-envoy-praises-kazakhstan-2"


def test_a_headline_in_another_script_gets_a_working_public_url(client, editor, translator):
    story = story_in_state(
        StoryStatus.APPROVED,
        assignee=translator,
        slug="draft-9-0a1b2c3d",
        headline="Türkiye ve Kazakistan gaz anlaşması imzaladı",
    )

    story_publish(story=story, actor=editor)

    story.refresh_from_db()
    assert story.slug == "türkiye-ve-kazakistan-gaz-anlaşması-imzaladı"
    assert client.get("/").status_code == 200
    page = client.get(story.get_absolute_url())
    assert page.status_code == 200
    assert "Türkiye ve Kazakistan" in page.content.decode()
    assert client.get(f"/api/ninjs/stories/{story.slug}/").status_code == 200
