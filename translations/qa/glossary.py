"""Glossary: where the source uses a term, the translation must use its required rendering.

Terms match case-insensitively at the start of a word, so that an inflected form
("Казахстана" for "Казахстан") is still found in languages that add endings.
"""

import re
from collections.abc import Iterator, Sequence

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .base import GlossaryEntry, Issue, QAContext, Severity


def _pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(term.strip()), re.IGNORECASE)


def term_occurs(term: str, text: str) -> bool:
    return bool(term.strip()) and _pattern(term).search(text) is not None


def highlight_terms(text: str, terms: Sequence[GlossaryEntry]) -> SafeString:
    """The text, escaped, with every glossary term in a <mark> that names its rendering."""
    spans: list[tuple[int, int, GlossaryEntry]] = []
    for term in sorted(terms, key=lambda t: -len(t.source_term)):
        if not term.source_term.strip():
            continue
        for match in _pattern(term.source_term).finditer(text):
            if all(match.end() <= s or match.start() >= e for s, e, _ in spans):
                spans.append((match.start(), match.end(), term))
    spans.sort(key=lambda span: span[0])
    parts, position = [], 0
    for start, end, term in spans:
        parts.append(escape(text[position:start]))
        title = f"Glossary: {term.target_term}" + (f" ({term.note})" if term.note else "")
        parts.append(
            format_html('<mark class="glossary" title="{}">{}</mark>', title, text[start:end])
        )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every part above is escaped


def check(context: QAContext) -> Iterator[Issue]:
    for segment in context.segments:
        if not segment.target.strip():
            continue
        for term in context.glossary:
            if term_occurs(term.source_term, segment.source) and not term_occurs(
                term.target_term, segment.target
            ):
                yield Issue(
                    "glossary",
                    Severity.WARNING,
                    f"{segment.label}: the glossary renders “{term.source_term}” as "
                    f"“{term.target_term}”, which the translation does not use.",
                    segment.key,
                )
