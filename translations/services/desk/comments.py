"""Resolving a review comment from the desk, once the translator has dealt with it."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from translations import permissions
from translations.models import EventType, ReviewComment

from ..audit import audit_record
from ..errors import WorkflowError


def review_comment_resolve(*, comment: ReviewComment, actor: AbstractBaseUser) -> ReviewComment:
    """Mark a comment resolved. The story's translator (while editing) or an editor may."""
    with transaction.atomic():
        comment = (
            ReviewComment.objects.select_for_update().select_related("story").get(pk=comment.pk)
        )
        if not (permissions.can_edit(actor, comment.story) or permissions.is_editor(actor)):
            raise PermissionDenied("Only the story's translator or an editor may resolve this.")
        if comment.resolved_at is not None:
            raise WorkflowError("This comment is already resolved.")
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
