"""Completeness: nothing left empty, nothing left untranslated, no source paragraph forgotten."""

from collections.abc import Iterator

from .base import Issue, QAContext, Severity


def check(context: QAContext) -> Iterator[Issue]:
    covered: set[int] = set()
    for segment in context.segments:
        covered.update(segment.source_indexes)
        target = segment.target.strip()
        if not target:
            if segment.source.strip() or segment.source_indexes:
                yield Issue("empty", Severity.ERROR, f"{segment.label} is empty.", segment.key)
            elif segment.key not in ("headline", "summary"):
                yield Issue(
                    "empty",
                    Severity.ERROR,
                    f"{segment.label} is empty: write it or drop it.",
                    segment.key,
                )
            continue
        if (
            context.languages_differ
            and target == segment.source.strip()
            and any(ch.isalpha() for ch in target)
        ):
            yield Issue(
                "identical",
                Severity.ERROR,
                f"{segment.label} is identical to the source: it is not translated.",
                segment.key,
            )
    for index, text in enumerate(context.source_paragraphs):
        if index not in covered and text.strip():
            yield Issue(
                "untranslated",
                Severity.WARNING,
                f"Source paragraph {index + 1} is in no paragraph of the translation.",
            )
