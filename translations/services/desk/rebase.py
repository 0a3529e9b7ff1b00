"""Source changed: what a newer wire story version changed, and rebasing a translation onto it.

The translation keeps pointing at the version it was made from until the translator rebases;
until then the editor shows, paragraph by paragraph, the old and new source with the difference
marked, beside the translation as it stands.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import partial
from typing import Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.safestring import SafeString

from articles.models import Story, StoryParagraph, WireStory
from translations import permissions
from translations.diffing import html_word_diff
from translations.memory import normalise
from translations.models import EventType
from translations.tasks import refresh_memory_offers

from ..audit import audit_record
from ..errors import WorkflowError
from .text import DeskParagraph, SaveResult, story_save, story_text

# Below this similarity a replaced paragraph counts as removed, and its successor as added.
SAME_PARAGRAPH_RATIO = 0.5


@dataclass(frozen=True)
class ParagraphChange:
    kind: Literal["changed", "added", "removed"]
    old_index: int | None
    new_index: int | None
    old_text: str
    new_text: str
    targets: list[StoryParagraph] = field(default_factory=list)

    @property
    def diff_html(self) -> SafeString:
        return html_word_diff(self.old_text, self.new_text)

    @property
    def number(self) -> str:
        """The paragraph's number for people, in the new version (or the old, if removed)."""
        return str((self.new_index if self.new_index is not None else self.old_index) + 1)


@dataclass(frozen=True)
class SourceChanges:
    old: WireStory
    new: WireStory
    changes: list[ParagraphChange]
    mapping: dict[int, int]  # old paragraph index -> new index, for kept and changed paragraphs

    @property
    def headline_changed(self) -> bool:
        return normalise(self.old.headline) != normalise(self.new.headline)

    @property
    def headline_diff(self) -> SafeString:
        return html_word_diff(self.old.headline, self.new.headline)

    @property
    def summary_changed(self) -> bool:
        return normalise(self.old.summary) != normalise(self.new.summary)

    @property
    def summary_diff(self) -> SafeString:
        return html_word_diff(self.old.summary, self.new.summary)

    @property
    def unchanged_count(self) -> int:
        changed = {c.old_index for c in self.changes if c.kind == "changed"}
        return len(self.mapping) - len(changed)


def compare_versions(
    old: list[str], new: list[str]
) -> tuple[dict[int, int], list[ParagraphChange]]:
    """Pair the paragraphs of two versions: kept, changed, added and removed."""
    mapping: dict[int, int] = {}
    changes: list[ParagraphChange] = []
    matcher = SequenceMatcher(a=[normalise(p) for p in old], b=[normalise(p) for p in new])
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            mapping.update(zip(range(a1, a2), range(b1, b2), strict=True))
            continue
        pointer = b1
        for i in range(a1, a2):
            best, best_ratio = None, SAME_PARAGRAPH_RATIO
            for j in range(pointer, b2):
                ratio = SequenceMatcher(a=old[i], b=new[j], autojunk=False).ratio()
                if ratio >= best_ratio:
                    best, best_ratio = j, ratio
            if best is None:
                changes.append(ParagraphChange("removed", i, None, old[i], ""))
                continue
            changes.extend(
                ParagraphChange("added", None, j, "", new[j]) for j in range(pointer, best)
            )
            changes.append(ParagraphChange("changed", i, best, old[i], new[best]))
            mapping[i] = best
            pointer = best + 1
        changes.extend(ParagraphChange("added", None, j, "", new[j]) for j in range(pointer, b2))
    return mapping, changes


def source_changes(story: Story) -> SourceChanges | None:
    """What changed in the source since the version the story was translated from, or None."""
    translation = getattr(story, "translation", None)
    if translation is None:
        return None
    old = translation.wire_story
    new = old.latest_version()
    if new.pk == old.pk:
        return None
    mapping, changes = compare_versions(list(old.paragraphs), list(new.paragraphs))
    paragraphs = list(story.paragraphs.select_related("alignment").order_by("position"))
    for change in changes:
        if change.old_index is not None:
            change.targets.extend(
                p
                for p in paragraphs
                if hasattr(p, "alignment") and change.old_index in p.alignment.source_indexes
            )
    return SourceChanges(old=old, new=new, changes=changes, mapping=mapping)


def translation_rebase(
    *, story: Story, actor: AbstractBaseUser, based_on_revision: int
) -> SaveResult:
    """Point the translation at the newest source version, carrying the alignment over.

    Paragraphs aligned to a changed source paragraph stay aligned to it; an added source
    paragraph gets an empty target paragraph in its place, for the translator to fill (the QA
    check "empty" keeps it from being forgotten).
    """
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if not permissions.can_edit(actor, story):
            raise PermissionDenied("Only the assigned translator or an editor may rebase this.")
        if based_on_revision != story.revision:
            raise WorkflowError(
                "The story was saved since this page was opened; reload it before rebasing."
            )
        changes = source_changes(story)
        if changes is None:
            raise WorkflowError("The translation is already based on the newest source version.")
        current = story_text(story)
        paragraphs = [
            DeskParagraph(
                text=p.text,
                key=p.key,
                source_indexes=tuple(
                    changes.mapping[i] for i in p.source_indexes if i in changes.mapping
                ),
            )
            for p in current.paragraphs
        ]
        for change in changes.changes:
            if change.kind == "added" and change.new_text.strip():
                position = 0
                for number, paragraph in enumerate(paragraphs, start=1):
                    if (
                        paragraph.source_indexes
                        and max(paragraph.source_indexes) < change.new_index
                    ):
                        position = number
                paragraphs.insert(
                    position, DeskParagraph(text="", source_indexes=(change.new_index,))
                )
        translation = story.translation
        translation.wire_story = changes.new
        translation.source_checksum = changes.new.checksum
        translation.save(update_fields=["wire_story", "source_checksum"])
        result = story_save(
            story=story,
            actor=actor,
            based_on_revision=story.revision,
            headline=current.headline,
            summary=current.summary,
            paragraphs=paragraphs,
            reason="rebased",
        )
        audit_record(
            actor=actor,
            event_type=EventType.TRANSLATION_REBASED,
            story=story,
            wire_story=changes.new,
            payload={
                "from_version": changes.old.version,
                "to_version": changes.new.version,
                "changed": [c.number for c in changes.changes],
            },
        )
        # The new source's paragraphs have no near matches kept yet.
        transaction.on_commit(partial(refresh_memory_offers.enqueue, translation.pk), robust=True)
    return result
