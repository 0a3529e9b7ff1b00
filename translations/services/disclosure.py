"""What readers are told of how a story was made: each published paragraph's method and source.

The desk's records (ParagraphAlignment, StoryRevision) belong to translations/, which the public
site never reads. When a story is published or corrected, this copies what readers may know
onto its paragraphs (StoryParagraph.method and .source_indexes, in articles/): the one
interface between the desk and the public surfaces (README.md, "Provenance per paragraph").
"""

from articles.models import ParagraphMethod, Story, StoryParagraph
from translations.models import ParagraphOrigin, StoryRevision

from .desk.machine import MACHINE_SUGGESTION_REASON

ORIGIN_METHODS = {
    ParagraphOrigin.TYPED: ParagraphMethod.HUMAN,
    ParagraphOrigin.MEMORY_EXACT: ParagraphMethod.MEMORY,
    ParagraphOrigin.MEMORY_FUZZY: ParagraphMethod.MEMORY,
    ParagraphOrigin.MACHINE: ParagraphMethod.MACHINE,
}


def _normalised(text: str) -> str:
    return " ".join(text.split())


def machine_texts(story: Story) -> dict[str, str]:
    """Each paragraph's text as the machine last wrote it, by paragraph key.

    Read from the revisions: a machine suggestion is saved as a revision of its own, and the
    paragraphs it changed are those whose text differs from the revision before.
    """
    written: dict[str, str] = {}
    before: dict[str, str] = {}
    revisions = StoryRevision.objects.filter(story=story).order_by("number")
    for reason, paragraphs in revisions.values_list("reason", "paragraphs"):
        now = {p["key"]: p["text"] for p in paragraphs}
        if reason == MACHINE_SUGGESTION_REASON:
            written.update(
                (key, text) for key, text in now.items() if text and before.get(key) != text
            )
        before = now
    return written


def paragraph_method(paragraph: StoryParagraph, machine: dict[str, str]) -> ParagraphMethod:
    """A paragraph the desk aligned keeps its origin; one added later (a correction) was typed.

    A machine paragraph whose text is no longer what the machine wrote was post-edited.
    """
    alignment = getattr(paragraph, "alignment", None)
    if alignment is None:
        return ParagraphMethod.HUMAN
    method = ORIGIN_METHODS[alignment.origin]
    if method == ParagraphMethod.MACHINE:
        suggested = machine.get(paragraph.key)
        if suggested is not None and _normalised(suggested) != _normalised(paragraph.text):
            return ParagraphMethod.MACHINE_POST_EDITED
    return method


def story_disclose_provenance(*, story: Story) -> list[StoryParagraph]:
    """Write each paragraph's public method and source paragraphs from the desk's records.

    Called by story_publish and story_correct inside their transaction; a story with no
    translation record (written in-house) is left with nothing to disclose.
    """
    if not hasattr(story, "translation"):
        return []
    paragraphs = list(story.paragraphs.select_related("alignment").order_by("position"))
    machine = machine_texts(story)
    for paragraph in paragraphs:
        alignment = getattr(paragraph, "alignment", None)
        paragraph.method = paragraph_method(paragraph, machine)
        paragraph.source_indexes = sorted(alignment.source_indexes) if alignment else []
    StoryParagraph.objects.bulk_update(paragraphs, ["method", "source_indexes"])
    return paragraphs
