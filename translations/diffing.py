"""Readable differences between texts: two revisions of a story, paragraph by paragraph, or two
versions of a source paragraph. The one diff of the project.

Paragraphs are aligned with difflib (whole paragraphs as the units, so a moved or inserted
paragraph does not make every later one look changed); within a changed paragraph the words
are diffed with diff-match-patch and its semantic cleanup, which yields word-sized changes a
reader can follow rather than scattered single characters, and bounds its time on long texts.
"""

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from translations.models import StoryRevision

type Op = Literal["equal", "insert", "delete"]
type ParagraphKind = Literal["unchanged", "changed", "added", "removed"]

# diff-match-patch's operation codes (its DIFF_EQUAL, DIFF_INSERT, DIFF_DELETE).
_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    kind: ParagraphKind
    segments: tuple[Segment, ...]
    old_number: int | None = None  # 1-based, as an editor counts
    new_number: int | None = None


@dataclass(frozen=True)
class RevisionDiff:
    old: StoryRevision
    new: StoryRevision
    headline: tuple[Segment, ...]
    summary: tuple[Segment, ...]
    paragraphs: list[ParagraphChange] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return any(s.op != "equal" for part in (self.headline, self.summary) for s in part) or any(
            p.kind != "unchanged" for p in self.paragraphs
        )

    @property
    def changed_paragraphs(self) -> list[ParagraphChange]:
        return [p for p in self.paragraphs if p.kind != "unchanged"]


_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_TAGS = {"insert": "ins", "delete": "del"}


def text_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word by word: each word, space run or sign is encoded as one character for the diff
    (as diff-match-patch does with lines), so that no change starts in the middle of a word."""
    vocabulary: dict[str, str] = {}

    def encode(text: str) -> str:
        return "".join(
            vocabulary.setdefault(token, chr(0xE000 + len(vocabulary)))
            for token in _TOKENS.findall(text)
        )

    encoded_old, encoded_new = encode(old), encode(new)
    words = {char: token for token, char in vocabulary.items()}
    # Imported here: the admin that imports this module is loaded by every web worker too.
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 1.0
    diffs = dmp.diff_main(encoded_old, encoded_new, checklines=False)
    # Cleaning up on the encoded tokens merges small runs yet keeps every edge on a word edge.
    dmp.diff_cleanupSemantic(diffs)
    return tuple(
        Segment(_OPS[op], "".join(words[char] for char in chars)) for op, chars in diffs if chars
    )


def render_segments(segments: Iterable[Segment]) -> SafeString:
    """Segments as HTML, escaped: insertions in <ins>, deletions in <del>, the rest as text."""
    return mark_safe(  # every part is escaped
        "".join(
            escape(s.text)
            if s.op == "equal"
            else format_html("<{0}>{1}</{0}>", _TAGS[s.op], s.text)
            for s in segments
        )
    )


def html_word_diff(old: str, new: str) -> SafeString:
    """`new` with the words not in `old` in <ins> and the words gone from `old` in <del>."""
    return render_segments(text_diff(old, new))


def paragraph_diff(old: list[str], new: list[str]) -> list[ParagraphChange]:
    changes: list[ParagraphChange] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes += [
                ParagraphChange("unchanged", (Segment("equal", old[i]),), i + 1, j + 1)
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            continue
        # Within a replaced block, the n-th old paragraph most likely became the n-th new one.
        paired = min(i2 - i1, j2 - j1)
        changes += [
            ParagraphChange("changed", text_diff(old[i1 + k], new[j1 + k]), i1 + k + 1, j1 + k + 1)
            for k in range(paired)
        ]
        changes += [
            ParagraphChange("removed", (Segment("delete", old[i]),), old_number=i + 1)
            for i in range(i1 + paired, i2)
        ]
        changes += [
            ParagraphChange("added", (Segment("insert", new[j]),), new_number=j + 1)
            for j in range(j1 + paired, j2)
        ]
    return changes


def compare_revisions(old: StoryRevision, new: StoryRevision) -> RevisionDiff:
    return RevisionDiff(
        old=old,
        new=new,
        headline=text_diff(old.headline, new.headline),
        summary=text_diff(old.summary, new.summary),
        paragraphs=paragraph_diff(
            [p["text"] for p in old.paragraphs], [p["text"] for p in new.paragraphs]
        ),
    )
