"""Machine suggestions: fill empty paragraphs from the configured machine translation backend."""

from collections.abc import Collection

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied

from articles.models import Story
from translations import permissions
from translations.models import ParagraphOrigin
from translations.mt import MTError, machine_translator

from ..errors import WorkflowError
from .text import DeskParagraph, SaveResult, story_save, story_text

# The revision reason of a machine suggestion: what the public disclosure reads to tell what
# the machine wrote from what a person changed afterwards (services/disclosure.py).
MACHINE_SUGGESTION_REASON = "machine suggestion"


def story_machine_suggest(
    *,
    story: Story,
    actor: AbstractBaseUser,
    based_on_revision: int,
    paragraph_keys: Collection[str] | None = None,
) -> SaveResult:
    """Fill the empty paragraphs (all, or those of `paragraph_keys`) by machine translation.

    Paragraphs with text are never touched. The service is called outside any transaction: the
    HTTP request runs holding no lock, and story_save refuses the result if the story was saved
    meanwhile.
    """
    if not permissions.can_edit(actor, story):
        raise PermissionDenied("Only the assigned translator or an editor may edit this story.")
    backend = machine_translator()
    if backend is None:
        raise WorkflowError("Machine translation is not set up (settings.MT_BACKEND is empty).")
    translation = story.translation
    source = translation.wire_story
    current = story_text(story)
    wanted = [
        index
        for index, paragraph in enumerate(current.paragraphs)
        if not paragraph.text.strip()
        and paragraph.source_indexes
        and (paragraph_keys is None or paragraph.key in paragraph_keys)
    ]
    if not wanted:
        raise WorkflowError("There is no empty paragraph to suggest a translation for.")
    texts = [
        "\n".join(source.paragraphs[i] for i in current.paragraphs[index].source_indexes)
        for index in wanted
    ]
    try:
        suggestions = backend.translate(
            texts, source=translation.source_language, target=translation.target_language
        )
    except MTError as error:
        raise WorkflowError(str(error)) from error
    filled = dict(zip(wanted, suggestions, strict=True))
    paragraphs = [
        DeskParagraph(
            text=filled[index],
            key=paragraph.key,
            source_indexes=paragraph.source_indexes,
            origin=ParagraphOrigin.MACHINE,
        )
        if index in filled and filled[index].strip()
        else paragraph
        for index, paragraph in enumerate(current.paragraphs)
    ]
    return story_save(
        story=story,
        actor=actor,
        based_on_revision=based_on_revision,
        headline=current.headline,
        summary=current.summary,
        paragraphs=paragraphs,
        reason=MACHINE_SUGGESTION_REASON,
    )
