"""The review workflow of a story, one function per move (see product.md).

draft --submit--> in_review --approve--> approved --publish--> published --withdraw--> withdrawn
in_review --request changes--> changes_requested --resubmit--> in_review
published --correct--> published; a story being worked on can be reassigned to another translator.

Comments and revisions have their own modules (comments.py, revisions.py).
"""

from collections.abc import Sequence
from datetime import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.cache import purge_public_pages
from articles.models import Correction, PubStatus, Story, StoryStatus
from articles.tasks import reindex_stories
from translations import notifications, permissions
from translations.memory import memory_store_story
from translations.models import EventType, ReviewComment
from translations.qa import qa_require_passed

from .audit import audit_record
from .disclosure import story_disclose_provenance
from .editing import ParagraphInput, public_slug, story_write_text
from .errors import WorkflowError


def _lock(story: Story) -> Story:
    """Re-read the story under a row lock, so that two concurrent moves cannot both pass."""
    return Story.objects.select_for_update().get(pk=story.pk)


def _require_state(story: Story, allowed: set[StoryStatus], move: str) -> None:
    if story.status not in allowed:
        raise WorkflowError(
            f"Cannot {move} a story that is {story.display_status.lower()}; it must be "
            + " or ".join(sorted(StoryStatus(s).label.lower() for s in allowed))
            + "."
        )


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _apply(
    story: Story,
    *,
    actor: AbstractBaseUser,
    to: StoryStatus,
    event: EventType,
    comment: str = "",
    payload: dict | None = None,
    **fields: object,
) -> Story:
    from_status = story.status
    story.status = to
    for name, value in fields.items():
        setattr(story, name, value)
    story.save(update_fields=["status", "updated_at", *fields])
    audit_record(
        actor=actor,
        event_type=event,
        story=story,
        from_status=from_status,
        to_status=to,
        comment=comment,
        # The revision moved lets the review page diff against the last submitted text.
        payload={"revision": story.revision, **(payload or {})},
    )
    return story


def story_submit(*, story: Story, actor: AbstractBaseUser, comment: str = "") -> Story:
    """Send a draft to the editors' review queue."""
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.DRAFT}, "submit")
        _require(
            permissions.can_submit(actor, story),
            "Only the assigned translator or an editor may submit this story.",
        )
        qa_require_passed(story)
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.IN_REVIEW,
            event=EventType.STORY_SUBMITTED,
            comment=comment,
        )
        transaction.on_commit(partial(notifications.notify_submitted, story), robust=True)
    return story


def story_resubmit(*, story: Story, actor: AbstractBaseUser, comment: str = "") -> Story:
    """Send a story back to review after the requested changes."""
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.CHANGES_REQUESTED}, "resubmit")
        _require(
            permissions.can_submit(actor, story),
            "Only the assigned translator or an editor may resubmit this story.",
        )
        qa_require_passed(story)
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.IN_REVIEW,
            event=EventType.STORY_RESUBMITTED,
            comment=comment,
        )
        transaction.on_commit(partial(notifications.notify_submitted, story), robust=True)
    return story


def story_request_changes(
    *, story: Story, actor: AbstractBaseUser, comment: str, paragraph_key: str = ""
) -> Story:
    """Return a story to its translator; the comment (kept as a review comment, on the whole
    story or on one paragraph) says what to change."""
    comment = comment.strip()
    if not comment:
        raise WorkflowError("Requesting changes needs a comment that says what to change.")
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.IN_REVIEW}, "request changes on")
        _require(permissions.can_review(actor), "Only editors may request changes.")
        if paragraph_key and not story.paragraphs.filter(key=paragraph_key).exists():
            raise WorkflowError(f"The story has no paragraph {paragraph_key!r} to comment on.")
        review_comment = ReviewComment.objects.create(
            story=story, author=actor, body=comment, paragraph_key=paragraph_key
        )
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.CHANGES_REQUESTED,
            event=EventType.CHANGES_REQUESTED,
            comment=comment,
            payload={"comment": review_comment.pk, "paragraph": paragraph_key},
        )
        transaction.on_commit(
            partial(notifications.notify_changes_requested, story, comment), robust=True
        )
    return story


def _translated_by(story: Story, user: AbstractBaseUser) -> bool:
    return permissions.has_translated(user, story)


def story_approve(*, story: Story, actor: AbstractBaseUser, comment: str = "") -> Story:
    """Accept a story for publication. Four eyes: never one's own translation."""
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.IN_REVIEW}, "approve")
        _require(permissions.can_review(actor), "Only editors may approve stories.")
        if _translated_by(story, actor):
            raise WorkflowError(
                "You translated this story, so you cannot approve it: "
                "another editor must review it (four eyes)."
            )
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.APPROVED,
            event=EventType.STORY_APPROVED,
            comment=comment,
        )
        memory_store_story(story)
    return story


def publish_blockers(story: Story) -> list[str]:
    """What stands between an approved story and publication, in words for the editor."""
    translation = getattr(story, "translation", None)
    if translation is None:
        return []
    wire = translation.wire_story
    agency = wire.agency
    problems = []
    if not agency.allows_republication:
        problems.append(f"{agency.name}'s licence does not allow republication.")
    if agency.requires_credit and not translation.credit_line.strip():
        problems.append(f"{agency.name}'s licence requires a credit line, and it is empty.")
    if agency.requires_link and not wire.source_url:
        problems.append(
            f"{agency.name}'s licence requires a link to the original, and the source has no URL."
        )
    latest = wire.latest_version()
    for version in dict.fromkeys((wire, latest)):
        if version.pub_status != PubStatus.USABLE:
            problems.append(
                f"The source is {version.get_pub_status_display().lower()} by {agency.name} "
                f"(version {version.version})."
            )
    return problems


def earliest_publish_time(story: Story, chosen: datetime | None = None) -> datetime:
    """The latest of the chosen time, now and the source's embargo.

    A chosen time in the past is taken as now: a story is never backdated. The embargo of the
    version translated and of the agency's newest version both hold.
    """
    now = timezone.now()
    times = [now if chosen is None else max(chosen, now)]
    translation = getattr(story, "translation", None)
    if translation is not None:
        wire = translation.wire_story
        times += [v.embargo_until for v in (wire, wire.latest_version()) if v.embargo_until]
    return max(times)


def story_publish(
    *, story: Story, actor: AbstractBaseUser, publish_at: datetime | None = None, comment: str = ""
) -> Story:
    """Publish now, or schedule for `publish_at`; the embargo is always respected.

    A scheduled story (published, its time still ahead) may be published again to move its time.
    """
    with transaction.atomic():
        story = _lock(story)
        if story.status == StoryStatus.PUBLISHED and not story.is_scheduled:
            raise WorkflowError("This story is already public; correct or withdraw it instead.")
        _require_state(story, {StoryStatus.APPROVED, StoryStatus.PUBLISHED}, "publish")
        _require(permissions.can_publish(actor), "Only editors may publish stories.")
        problems = publish_blockers(story)
        if problems:
            raise WorkflowError("Cannot publish: " + " ".join(problems))
        when = earliest_publish_time(story, publish_at)
        previous = story.publish_at
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.PUBLISHED,
            event=EventType.STORY_PUBLISHED,
            comment=comment,
            publish_at=when,
            slug=public_slug(story),
            payload={
                "publish_at": when.isoformat(),
                "requested": (publish_at or when).isoformat(),
                "previous_publish_at": previous.isoformat() if previous else None,
            },
        )
        story_disclose_provenance(story=story)
        transaction.on_commit(partial(reindex_stories.enqueue, [story.pk]), robust=True)
        transaction.on_commit(purge_public_pages, robust=True)
        transaction.on_commit(partial(notifications.notify_published, story), robust=True)
    return story


def story_correct(
    *,
    story: Story,
    actor: AbstractBaseUser,
    note: str,
    headline: str,
    summary: str,
    paragraphs: Sequence[ParagraphInput],
) -> Correction:
    """Change a published story's text with a public, timestamped correction note."""
    note = note.strip()
    if not note:
        raise WorkflowError("A correction needs a note: readers see it under the story.")
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.PUBLISHED}, "correct")
        _require(permissions.can_publish(actor), "Only editors may correct stories.")
        before = _text_of(story)
        story_write_text(
            story=story,
            actor=actor,
            headline=headline,
            summary=summary,
            paragraphs=paragraphs,
            reason="correction",
        )
        if _text_of(story) == before:
            raise WorkflowError("The text is unchanged: a correction must change something.")
        story_disclose_provenance(story=story)
        correction = Correction.objects.create(story=story, note=note, created_by=actor)
        audit_record(
            actor=actor,
            event_type=EventType.STORY_CORRECTED,
            story=story,
            from_status=story.status,
            to_status=story.status,
            comment=note,
            payload={"revision": story.revision, "correction": correction.pk},
        )
        transaction.on_commit(partial(reindex_stories.enqueue, [story.pk]), robust=True)
        transaction.on_commit(purge_public_pages, robust=True)
    return correction


def _text_of(story: Story) -> tuple[str, str, list[str]]:
    texts = list(story.paragraphs.order_by("position").values_list("text", flat=True))
    return story.headline, story.summary, texts


def story_withdraw(*, story: Story, actor: AbstractBaseUser, note: str) -> Story:
    """Take a published story down. Its URL then answers 410 Gone with the note."""
    note = note.strip()
    if not note:
        raise WorkflowError("Withdrawing needs a note: readers see it at the story's URL.")
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.PUBLISHED}, "withdraw")
        _require(permissions.can_publish(actor), "Only editors may withdraw stories.")
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.WITHDRAWN,
            event=EventType.STORY_WITHDRAWN,
            comment=note,
            withdrawn_at=timezone.now(),
            withdrawal_note=note,
        )
        transaction.on_commit(partial(reindex_stories.enqueue, [story.pk]), robust=True)
        transaction.on_commit(purge_public_pages, robust=True)
    return story


REASSIGNABLE_STATES = {StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.CHANGES_REQUESTED}


def story_reassign(
    *, story: Story, actor: AbstractBaseUser, assignee: AbstractBaseUser, comment: str = ""
) -> Story:
    """Give a story still being worked on to another translator of the desk."""
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, REASSIGNABLE_STATES, "reassign")
        _require(permissions.can_reassign(actor), "Only editors may reassign stories.")
        if not permissions.is_desk_member(assignee):
            raise WorkflowError(f"{assignee} is not an active member of the translation desk.")
        if story.assignee_id == assignee.pk:
            raise WorkflowError(f"The story is already assigned to {assignee}.")
        previous = story.assignee
        story = _apply(
            story,
            actor=actor,
            to=story.status,
            event=EventType.STORY_REASSIGNED,
            comment=comment,
            assignee=assignee,
            payload={
                "from": previous.get_username() if previous else None,
                "to": assignee.get_username(),
            },
        )
        # The new translator becomes one of the translation's translators (its provenance).
        translation = getattr(story, "translation", None)
        if translation is not None:
            translation.translators.add(assignee)
        transaction.on_commit(partial(notifications.notify_reassigned, story), robust=True)
    return story
