"""Restoring an old revision of a story's text (comparing revisions: translations.diffing)."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from articles.models import Story
from translations import permissions
from translations.models import EventType, StoryRevision

from .audit import audit_record
from .editing import ParagraphInput, story_write_text
from .errors import WorkflowError


def revision_restore(
    *, story: Story, actor: AbstractBaseUser, revision: StoryRevision
) -> StoryRevision:
    """Make the text of an old revision the story's text again, as a new revision.

    Nothing is destroyed: the revisions in between stay, and the restore can itself be undone
    by restoring the revision before it.
    """
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if revision.story_id != story.pk:
            raise WorkflowError(f"Revision {revision.number} belongs to another story.")
        if not permissions.may_work_on(actor, story):
            raise PermissionDenied("Only the assigned translator or an editor may restore.")
        if not permissions.can_edit(actor, story):
            raise WorkflowError(
                f"Cannot restore a revision of a story that is {story.display_status.lower()}; "
                "only drafts and stories with changes requested are edited."
            )
        if revision.number == story.revision:
            raise WorkflowError(f"Revision {revision.number} is already the current text.")
        # A paragraph deleted since comes back with its words under a new key (story_write_text
        # only keeps keys that still exist).
        current_keys = set(story.paragraphs.values_list("key", flat=True))
        story_write_text(
            story=story,
            actor=actor,
            headline=revision.headline,
            summary=revision.summary,
            paragraphs=[
                ParagraphInput(text=p["text"], key=p["key"] if p["key"] in current_keys else "")
                for p in revision.paragraphs
            ],
            reason=f"restored revision {revision.number}",
        )
        audit_record(
            actor=actor,
            event_type=EventType.REVISION_RESTORED,
            story=story,
            from_status=story.status,
            to_status=story.status,
            payload={"restored": revision.number, "revision": story.revision},
        )
    return story.revisions.get(number=story.revision)
