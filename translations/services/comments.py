"""Review comments: editors and the translator discuss a story, whole or paragraph by paragraph."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import Story, StoryStatus
from translations import permissions
from translations.models import EventType, ReviewComment

from .audit import audit_record
from .errors import WorkflowError


def comment_add(
    *, story: Story, actor: AbstractBaseUser, body: str, paragraph_key: str = ""
) -> ReviewComment:
    """Comment on the whole story, or on one paragraph by its key."""
    body = body.strip()
    if not body:
        raise WorkflowError("The comment is empty.")
    with transaction.atomic():
        # The lock keeps the paragraph from being deleted between the check and the insert.
        story = Story.objects.select_for_update().get(pk=story.pk)
        if not permissions.can_comment(actor, story):
            raise PermissionDenied("Only the assigned translator and editors may comment.")
        if story.status == StoryStatus.WITHDRAWN:
            raise WorkflowError("A withdrawn story takes no more comments.")
        if paragraph_key and not story.paragraphs.filter(key=paragraph_key).exists():
            raise WorkflowError(f"The story has no paragraph {paragraph_key!r} to comment on.")
        comment = ReviewComment.objects.create(
            story=story, author=actor, body=body, paragraph_key=paragraph_key
        )
        audit_record(
            actor=actor,
            event_type=EventType.COMMENT_ADDED,
            story=story,
            comment=body,
            payload={"comment": comment.pk, "paragraph": paragraph_key},
        )
    return comment


def comment_resolve(*, comment: ReviewComment, actor: AbstractBaseUser) -> ReviewComment:
    """Mark a comment as dealt with; it stays on the record, shown as resolved."""
    with transaction.atomic():
        comment = (
            ReviewComment.objects.select_for_update().select_related("story").get(pk=comment.pk)
        )
        if not permissions.can_comment(actor, comment.story):
            raise PermissionDenied("Only the assigned translator and editors may resolve comments.")
        if not comment.is_open:
            raise WorkflowError(
                f"This comment was already resolved by {comment.resolved_by} "
                f"on {comment.resolved_at:%Y-%m-%d %H:%M} UTC."
            )
        comment.resolved_at, comment.resolved_by = timezone.now(), actor
        comment.save(update_fields=["resolved_at", "resolved_by"])
        audit_record(
            actor=actor,
            event_type=EventType.COMMENT_RESOLVED,
            story=comment.story,
            comment=comment.body,
            payload={"comment": comment.pk, "paragraph": comment.paragraph_key},
        )
    return comment
