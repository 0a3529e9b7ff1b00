"""Length: a translation much shorter or much longer than its source has probably lost or
gained something. Short texts vary too much to judge."""

from collections.abc import Iterator

from .base import Issue, QAContext, Severity

MIN_SOURCE_LENGTH = 40
LOWEST_RATIO = 0.5
HIGHEST_RATIO = 2.0


def check(context: QAContext) -> Iterator[Issue]:
    for segment in context.segments:
        source, target = segment.source.strip(), segment.target.strip()
        if len(source) < MIN_SOURCE_LENGTH or not target:
            continue
        ratio = len(target) / len(source)
        if ratio < LOWEST_RATIO:
            yield Issue(
                "length",
                Severity.WARNING,
                f"{segment.label}: the translation is less than half as long as the source.",
                segment.key,
            )
        elif ratio > HIGHEST_RATIO:
            yield Issue(
                "length",
                Severity.WARNING,
                f"{segment.label}: the translation is more than twice as long as the source.",
                segment.key,
            )
