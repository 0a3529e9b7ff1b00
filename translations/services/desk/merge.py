"""Three-way merge of two saves of the same story: yours and theirs, against the revision both
started from. Paragraphs are matched by key, so an edit of one paragraph and an edit of another
combine; an edit of the same paragraph (or of text the other side dropped) does not, and the
desk then shows both texts (SaveConflict)."""

from dataclasses import replace

from translations.models import StoryRevision

from .text import DeskParagraph, StoryText


def _merge_field(base: str, theirs: str, yours: str) -> str | None:
    if yours in (base, theirs):
        return theirs
    if theirs == base:
        return yours
    return None


def merge_texts(base: StoryRevision, theirs: StoryText, yours: StoryText) -> StoryText | None:
    """The combined text, or None where both sides changed the same thing.

    At most one side may have added, dropped, merged or split paragraphs: its structure is
    kept, and the other side's edits of paragraphs it still has are carried over.
    """
    base_texts = {p["key"]: p["text"] for p in base.paragraphs}
    base_keys = [p["key"] for p in base.paragraphs]
    their_keys = [p.key for p in theirs.paragraphs]
    your_keys = [p.key for p in yours.paragraphs]
    if your_keys == base_keys:
        frame, other = theirs.paragraphs, yours.paragraphs
    elif their_keys == base_keys:
        frame, other = yours.paragraphs, theirs.paragraphs
    else:
        return None
    others = {p.key: p for p in other}
    frame_keys = {p.key for p in frame if p.key}
    # An edit by the other side of a paragraph the frame dropped would be lost.
    for key, paragraph in others.items():
        if key not in frame_keys and paragraph.text != base_texts.get(key):
            return None
    merged: list[DeskParagraph] = []
    for paragraph in frame:
        if paragraph.key not in others or paragraph.key not in base_texts:
            merged.append(paragraph)
            continue
        if frame is yours.paragraphs:
            mine, their = paragraph, others[paragraph.key]
        else:
            mine, their = others[paragraph.key], paragraph
        base_text = base_texts[paragraph.key]
        text = _merge_field(base_text, their.text, mine.text)
        if text is None:
            return None
        # The side that changed the text also decided which source paragraphs it translates.
        chosen = mine if mine.text != base_text else their
        merged.append(replace(chosen, text=text))
    headline = _merge_field(base.headline, theirs.headline, yours.headline)
    summary = _merge_field(base.summary, theirs.summary, yours.summary)
    if headline is None or summary is None:
        return None
    return StoryText(headline, summary, merged)
