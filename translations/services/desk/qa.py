"""Acknowledging a QA warning: the translator's explicit, recorded decision to keep the text."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from articles.models import Story
from translations import permissions
from translations.models import EventType, QAAcknowledgement
from translations.qa import qa_run

from ..audit import audit_record
from ..errors import WorkflowError


def qa_acknowledge(
    *, story: Story, actor: AbstractBaseUser, code: str, paragraph_key: str, message: str
) -> QAAcknowledgement:
    """Record that `actor` saw this warning and keeps the text as it is."""
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if not permissions.can_edit(actor, story):
            raise PermissionDenied("Only the assigned translator or an editor may do this.")
        issue = qa_run(story).find((code, paragraph_key, message))
        if issue is None:
            raise WorkflowError("That warning no longer applies to the story as saved.")
        if issue.is_error:
            raise WorkflowError(f"An error cannot be acknowledged, only fixed: {issue.message}")
        acknowledgement, created = QAAcknowledgement.objects.get_or_create(
            story=story,
            check_code=code,
            paragraph_key=paragraph_key,
            message=message,
            defaults={"acknowledged_by": actor, "revision": story.revision},
        )
        if created:
            audit_record(
                actor=actor,
                event_type=EventType.QA_ACKNOWLEDGED,
                story=story,
                comment=message,
                payload={"check": code, "paragraph": paragraph_key, "revision": story.revision},
            )
    return acknowledgement
