"""An editor's small fix while reviewing: one paragraph (or the headline) changed in place,
kept as the editor's own revision, which the translator sees in the revision history and in
the diff since the submission. Larger changes go back to the translator (request changes)."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from articles.models import Story, StoryStatus
from translations import permissions

from .editing import ParagraphInput, story_write_text
from .errors import WorkflowError

HEADLINE = "headline"


def story_review_fix(
    *,
    story: Story,
    actor: AbstractBaseUser,
    based_on_revision: int,
    paragraph_key: str,
    text: str,
) -> Story:
    """Replace one paragraph's text (or, with key "headline", the headline) of a story in
    review; refused if the text changed since the editor read it."""
    text = text.strip()
    if not text:
        raise WorkflowError("A fix cannot leave the text empty; request changes instead.")
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if story.status != StoryStatus.IN_REVIEW:
            raise WorkflowError(
                f"Fixes are made while a story is in review; this one is "
                f"{story.display_status.lower()}."
            )
        if not permissions.can_review(actor):
            raise PermissionDenied("Only editors fix a story while reviewing it.")
        if story.revision != based_on_revision:
            raise WorkflowError(
                f"The text changed since you read it (revision {based_on_revision}, now "
                f"{story.revision}); nothing was saved. Read the new text and fix it again."
            )
        paragraphs = list(story.paragraphs.order_by("position"))
        if paragraph_key != HEADLINE and paragraph_key not in {p.key for p in paragraphs}:
            raise WorkflowError("That paragraph is no longer in the story; nothing was saved.")
        story_write_text(
            story=story,
            actor=actor,
            headline=text if paragraph_key == HEADLINE else story.headline,
            summary=story.summary,
            paragraphs=[
                ParagraphInput(text=text if p.key == paragraph_key else p.text, key=p.key)
                for p in paragraphs
            ],
            reason="review fix",
        )
    return story
