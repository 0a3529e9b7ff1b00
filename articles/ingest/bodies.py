"""Wire-story bodies, HTML or plain text, as paragraphs of clean text.

HTML
    ``<p>``, ``<br><br>`` and block elements (``div``, headings, list items, table cells ...)
    separate paragraphs; inline markup is dropped and character references are decoded. Elements
    whose text is not prose (``head``, ``script``, ``style``, ``figure`` and its caption, embedded
    media) are skipped. The stdlib HTMLParser reads it, so unclosed tags and fragments are fine.

Plain text
    Blank lines separate paragraphs and the lines of one paragraph are joined; a body without any
    blank line is one paragraph per line.

Whitespace is normalised by :func:`articles.ingest.base.clean_text` and empty paragraphs dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .base import clean_text

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "dd", "div", "dl", "dt"),
        *("figcaption", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html"),
        *("li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"),
    }
)
# Elements whose text is not prose: metadata, code, embedded media and its captions.
_SKIPPED_TAGS = frozenset(
    {"head", "title", "script", "style", "template", "noscript", "figure", "iframe", "object"}
    | {"svg", "math"}
)


def text_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; without any blank line, every line is a paragraph."""
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    return [p for p in (clean_text(chunk) for chunk in re.split(separator, text)) if p]


def html_paragraphs(html: str) -> list[str]:
    """Text of an HTML fragment or document, one string per block element or ``<br><br>``."""
    collector = _ParagraphCollector()
    collector.feed(html)
    collector.close()
    return collector.paragraphs


class _ParagraphCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._buffer: list[str] = []
        self._skipping = 0  # depth inside elements whose text is not prose
        self._after_br = False  # a <br> with nothing but whitespace since

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif self._skipping:
            return
        elif tag == "br":
            if self._after_br:
                self._flush()
            else:
                self._buffer.append(" ")
                self._after_br = True
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif not self._skipping and tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if data.strip():
            self._after_br = False
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if text := clean_text("".join(self._buffer)):
            self.paragraphs.append(text)
        self._buffer = []
        self._after_br = False
