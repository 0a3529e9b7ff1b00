"""Plain-text wire stories: one story per UTF-8 file.

Layout
    The first non-blank line is the headline (at most 500 characters). Paragraphs follow, separated
    by blank lines; the lines of one paragraph are joined with a space and whitespace is normalised
    (:func:`articles.ingest.base.clean_text`). If the headline line is followed directly by more
    lines, those lines are the first paragraph. A first paragraph that is a single short line
    starting "By " is the byline.

Trailing lines, removed from the body
    Read bottom-up from the last line of the file: end-of-story markers (``END``, ``(END)``,
    ``-30-``, ``###``) are dropped, a bare ``http(s)://`` URL is the ``source_url`` and credit
    lines are read as :mod:`articles.ingest.credits` describes. Several credit lines may stack;
    ``credit_line`` holds them verbatim, top to bottom, joined by newlines.

Identity
    Text has no agency id, so ``guid`` is ``"text:" + sha256(headline)`` over the headline after
    NFC, whitespace normalisation and casefolding. A corrected text that keeps its headline is
    therefore a new *version* of the same wire story (the product diffs versions for translators);
    a changed headline makes a new story. The ingest service scopes guids by agency, so two
    agencies with the same headline do not collide.

Credits
    A source header above the text and the dateline forms and syndicator prefixes of the first
    paragraph are read as :mod:`articles.ingest.ledes` describes; trailing credit lines,
    syndication chains and inline credits in the lede as :mod:`articles.ingest.credits` does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from .base import (
    MAX_HEADLINE_LENGTH,
    ParsedCredit,
    ParsedItem,
    ParseError,
    ParseResult,
    SkippedItem,
    clean_text,
    decode_utf8,
    looks_like_json,
    looks_like_markup,
)
from .credits import dedupe_credits, inline_credits, is_url, lede, parse_credit_line
from .ledes import read_lede, take_source_header
from .registry import register
from .wiretext import service_message

FORMAT = "text"
_MAX_BYLINE_LENGTH = 120

_END_MARKERS = frozenset({"end", "ends", "(end)", "-end-", "-30-", "###", "***"})
_BYLINE = re.compile(r"^by\s+(?P<byline>\S.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based, as an editor's text editor shows it
    text: str


type _Block = list[_Line]


class TextParser:
    name = FORMAT

    def sniff(self, data: bytes, filename: str) -> bool:
        # Prose is whatever is neither JSON nor markup; those belong to their own parsers (or to
        # none, which is better than publishing a JSON document as a story).
        # IPTC 7901 and ANPA 1312 open with SOH; they are articles.ingest.wiretext's.
        return (
            not looks_like_json(data)
            and not looks_like_markup(data)
            and not data.lstrip(b"\r\n").startswith((b"\x01", b"\x16"))
        )

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list[ParseResult]:
        try:
            item = parse_text(data, language=language)
        except ParseError as error:
            return [error]
        # A line test or an advisory mailed as text is no story for the queue.
        if kind := service_message(item.headline):
            return [SkippedItem(f"a service message ({kind}), no story")]
        return [item]


def parse_text(data: bytes, *, language: str = "") -> ParsedItem:
    """Parse one plain-text story; raises ParseError naming the line for unusable input."""
    blocks = _blocks(decode_utf8(data))
    if not blocks:
        raise ParseError("empty file: no text on any line", where="line 1")
    headline_line, body = _split_headline(blocks)
    headline = clean_text(headline_line.text)
    trailer = _pop_trailer(body)
    if not body:
        raise ParseError("only a headline, no body text", where=f"line {headline_line.number}")
    header_credits, header_dateline = _pop_source_header(body)
    if not body:
        raise ParseError("only a headline and a source header, no body text", where="line 1")
    byline = _pop_byline(body)

    paragraphs = [clean_text(" ".join(line.text for line in block)) for block in body]
    opening = read_lede(paragraphs, where=f"line {body[0][0].number}")
    return ParsedItem(
        format=FORMAT,
        guid=text_guid(headline),
        headline=headline,
        paragraphs=paragraphs,
        raw=data,
        language=language,
        byline=byline or opening.byline,
        dateline=opening.dateline or header_dateline,
        credit_line=trailer.credit_line,
        credits=dedupe_credits(
            [
                *header_credits,
                *opening.credits,
                *trailer.credits,
                *inline_credits(lede(paragraphs)),
            ]
        ),
        source_url=trailer.source_url,
    )


def text_guid(headline: str) -> str:
    normalised = clean_text(unicodedata.normalize("NFC", headline)).casefold()
    return "text:" + hashlib.sha256(normalised.encode()).hexdigest()


# --- layout ---------------------------------------------------------------------------------


def _blocks(text: str) -> list[_Block]:
    """Runs of non-blank lines; str.splitlines also honours \\r\\n, \\r and U+2028."""
    blocks: list[_Block] = []
    current: _Block = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            current.append(_Line(number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _split_headline(blocks: list[_Block]) -> tuple[_Line, list[_Block]]:
    first, *rest = blocks
    headline = first[0]
    length = len(clean_text(headline.text))
    if length > MAX_HEADLINE_LENGTH:
        raise ParseError(
            f"headline is {length} characters, the limit is {MAX_HEADLINE_LENGTH} "
            "(the first non-blank line is the headline; is a paragraph missing its headline?)",
            where=f"line {headline.number}",
        )
    return headline, ([first[1:]] if len(first) > 1 else []) + rest


def _pop_source_header(body: list[_Block]) -> tuple[list[ParsedCredit], str]:
    """Remove a header naming the source from the first block (see :mod:`.ledes`)."""
    first = body[0]
    header = take_source_header([line.text for line in first], where=f"line {first[0].number}")
    if header is None:
        return [], ""
    del first[: header.lines]
    if not first:
        del body[0]
    return header.credits, header.dateline


def _pop_byline(body: list[_Block]) -> str:
    first = body[0]
    if len(body) < 2 or len(first) != 1:
        return ""
    match = _BYLINE.match(clean_text(first[0].text))
    if not match or len(match["byline"]) > _MAX_BYLINE_LENGTH or match["byline"].endswith("."):
        return ""
    del body[0]
    return match["byline"]


# --- trailing lines -------------------------------------------------------------------------


@dataclass
class _Trailer:
    lines: list[str]
    credits: list[ParsedCredit]
    source_url: str = ""

    @property
    def credit_line(self) -> str:
        return "\n".join(self.lines)


def _pop_trailer(body: list[_Block]) -> _Trailer:
    """Remove end markers, URLs and credit lines from the end of the body (mutates ``body``)."""
    trailer = _Trailer(lines=[], credits=[])
    while body:
        line = body[-1][-1]
        text = clean_text(line.text)
        if text.casefold() not in _END_MARKERS and not _absorb_trailer_line(trailer, text, line):
            break
        body[-1].pop()
        if not body[-1]:
            body.pop()
    trailer.lines.reverse()
    trailer.credits.reverse()
    return trailer


def _absorb_trailer_line(trailer: _Trailer, text: str, line: _Line) -> bool:
    if is_url(text):
        trailer.source_url = trailer.source_url or text
        return True
    found = parse_credit_line(text, where=f"line {line.number}")
    if found is None:
        return False
    credits, url = found
    trailer.lines.append(text)
    # Reversed with the lines at the end, so keep each line's own credits in reading order.
    trailer.credits.extend(reversed(credits))
    # A "Source: <url>" line says what the URL is; it beats a bare URL line.
    trailer.source_url = url or trailer.source_url
    return True


register(TextParser())
