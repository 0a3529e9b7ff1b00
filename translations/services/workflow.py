"""The review workflow of a story, one function per move (see product.md).

draft --submit--> in_review --approve--> approved --publish--> published --withdraw--> withdrawn
in_review --request changes--> changes_requested --resubmit--> in_review
"""

from datetime import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.cache import purge_public_pages
from articles.models import PubStatus, Story, StoryStatus
from translations import notifications, permissions
from translations.memory import memory_store_story
from translations.models import EventType
from translations.qa import qa_require_passed

from .audit import audit_record
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
        payload=payload,
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
        transaction.on_commit(partial(notifications.notify_submitted, story))
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
        transaction.on_commit(partial(notifications.notify_submitted, story))
    return story


def story_request_changes(*, story: Story, actor: AbstractBaseUser, comment: str) -> Story:
    """Return a story to its translator; the comment says what to change."""
    comment = comment.strip()
    if not comment:
        raise WorkflowError("Requesting changes needs a comment that says what to change.")
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.IN_REVIEW}, "request changes on")
        _require(permissions.can_review(actor), "Only editors may request changes.")
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.CHANGES_REQUESTED,
            event=EventType.CHANGES_REQUESTED,
            comment=comment,
        )
        transaction.on_commit(partial(notifications.notify_changes_requested, story, comment))
    return story


def _translated_by(story: Story, user: AbstractBaseUser) -> bool:
    if story.assignee_id == user.pk:
        return True
    translation = getattr(story, "translation", None)
    return translation is not None and translation.translators.filter(pk=user.pk).exists()


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
    latest = wire.latest_version()
    if latest.pub_status != PubStatus.USABLE:
        problems.append(
            f"The source is {latest.get_pub_status_display().lower()} by {agency.name} "
            f"(version {latest.version})."
        )
    return problems


def earliest_publish_time(story: Story, chosen: datetime | None = None) -> datetime:
    """The later of the chosen time (default now) and the source's embargo."""
    when = chosen or timezone.now()
    translation = getattr(story, "translation", None)
    embargo = translation.wire_story.latest_version().embargo_until if translation else None
    return max(when, embargo) if embargo else when


def story_publish(
    *, story: Story, actor: AbstractBaseUser, publish_at: datetime | None = None, comment: str = ""
) -> Story:
    """Publish now, or schedule for `publish_at`; the embargo is always respected."""
    with transaction.atomic():
        story = _lock(story)
        _require_state(story, {StoryStatus.APPROVED}, "publish")
        _require(permissions.can_publish(actor), "Only editors may publish stories.")
        problems = publish_blockers(story)
        if problems:
            raise WorkflowError("Cannot publish: " + " ".join(problems))
        when = earliest_publish_time(story, publish_at)
        story = _apply(
            story,
            actor=actor,
            to=StoryStatus.PUBLISHED,
            event=EventType.STORY_PUBLISHED,
            comment=comment,
            publish_at=when,
            payload={"publish_at": when.isoformat(), "requested": (publish_at or when).isoformat()},
        )
        transaction.on_commit(purge_public_pages)
        transaction.on_commit(partial(notifications.notify_published, story))
    return story


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
        transaction.on_commit(purge_public_pages)
    return story
