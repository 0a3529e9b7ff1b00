"""Quotations: balanced marks, and as many quotations in the translation as in the source.

Only double marks count: single ones double as apostrophes (a right single quotation mark is
the typographic apostrophe of English).
Guillemets pair by direction; the other double marks close with the same or a mirrored mark
depending on the language („…“, “…”, "…"), so only their number can be checked.
"""

from collections.abc import Iterator

from django.template.defaultfilters import pluralize

from .base import Issue, QAContext, Severity

OTHER_DOUBLE_MARKS = '"“”„‟〝〞\uff02'


def quotations(text: str) -> tuple[int, bool]:
    """(number of quotations, whether the marks are balanced)."""
    opening, closing = text.count("«"), text.count("»")
    others = sum(text.count(mark) for mark in OTHER_DOUBLE_MARKS)
    balanced = opening == closing and others % 2 == 0
    return max(opening, closing) + (others + 1) // 2, balanced


def check(context: QAContext) -> Iterator[Issue]:
    for segment in context.segments:
        if not segment.target.strip():
            continue
        source_count, _ = quotations(segment.source)
        target_count, balanced = quotations(segment.target)
        if not balanced:
            yield Issue(
                "quotes.unbalanced",
                Severity.WARNING,
                f"{segment.label}: a quotation mark is opened and not closed, or closed and "
                "not opened.",
                segment.key,
            )
        if source_count != target_count:
            yield Issue(
                "quotes.count",
                Severity.WARNING,
                f"{segment.label}: the source has {source_count} "
                f"quotation{pluralize(source_count)}, the translation {target_count}.",
                segment.key,
            )
