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

Most agency HTML is plain blocks (``<p>`` after ``<p>``, inline tags, character references).
Such a body is split by one regular expression and handed to the same collector as the events
HTMLParser would make of it, four times faster than HTMLParser's tokenizer written in Python;
anything else (a comment, a script, a stray ``<``, a quote left open in a tag) goes through
HTMLParser itself.
"""

from __future__ import annotations

import re
from html import unescape
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
    events = _plain_block_events(html)
    if events is None:
        collector.feed(html)
    else:
        # The collector ignores attributes, so none are read.
        for kind, value in events:
            if kind is _DATA:
                collector.handle_data(value)
            elif kind is _START:
                collector.handle_starttag(value, [])
            else:
                collector.handle_endtag(value)
    collector.close()
    return collector.paragraphs


_START, _END, _DATA = "start", "end", "data"
# A start or end tag: a name, attributes without "<" or ">", and for <br> only, a closing slash.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*?)?(/?)>")
# Elements HTMLParser reads as raw text, or whose text the collector skips: never fast.
_NOT_PLAIN = _SKIPPED_TAGS | {"textarea", "xmp", "noembed", "noframes", "plaintext"}


def _plain_block_events(html: str) -> list[tuple[str, str]] | None:
    """The calls HTMLParser would make of ``html`` when it is plain blocks; else None."""
    events: list[tuple[str, str]] = []
    position = 0
    for tag in _TAG.finditer(html):
        if not _add_text(events, html[position : tag.start()]):
            return None
        closing, name, attributes, self_closing = tag.groups()
        name = name.lower()
        if name in _NOT_PLAIN or (self_closing and name != "br"):
            return None
        if attributes and (attributes.count('"') % 2 or attributes.count("'") % 2):
            return None  # a quoted value may hold a ">": where the tag ends is HTMLParser's call
        if closing and (attributes or self_closing):
            return None
        events.append((_END if closing else _START, name))
        position = tag.end()
    return events if _add_text(events, html[position:]) else None


def _add_text(events: list[tuple[str, str]], text: str) -> bool:
    if "<" in text:
        return False
    if text:
        # What HTMLParser(convert_charrefs=True) hands on: the text between two tags, unescaped.
        events.append((_DATA, unescape(text) if "&" in text else text))
    return True


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
