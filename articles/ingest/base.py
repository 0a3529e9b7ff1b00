"""The parser interface shared by every wire format.

A parser turns the bytes of one delivered file into a list whose entries are either a
:class:`ParsedItem` or a :class:`ParseError`. Errors are *returned*, not raised, so that one broken
item in a multi-item file does not cost the good ones; a problem with the whole file (bytes that are
not UTF-8, malformed JSON) is a list holding a single error.

Text normalisation shared by all parsers (:func:`clean_text`): Unicode NFC, then every run of
ordinary whitespace (spaces, tabs, newlines) becomes one space and the ends are stripped. Single
no-break, figure, thin and narrow no-break spaces are kept because they are typography
("25 000", French "« texte »"), not layout. Typographic quotes and dashes are never touched.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

# Field limits of the WireStory model; parsers reject rather than let the database truncate.
MAX_HEADLINE_LENGTH = 500
MAX_GUID_LENGTH = 255

_UTF8_BOM = b"\xef\xbb\xbf"
# Runs of layout whitespace; the typographic spaces U+00A0, U+2007, U+2009 and U+202F are excluded.
_LAYOUT_SPACE = re.compile(r"[^\S\u00a0\u2007\u2009\u202f]+")
_JSON_START = re.compile(rb"\s*(?:\{|\[\s*[{\]])")
# Deep enough for any real document, far from the interpreter's recursion limit.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[{]|[\]}]")


class CreditRole(StrEnum):
    """The role an agency played in the chain; the values are ``Attribution.role`` DB values."""

    ORIGINAL_REPORTER = "original_reporter"
    TRANSLATED_FROM = "translated_from"
    DISTRIBUTED_BY = "distributed_by"  # a syndicator that passed the story on


@dataclass(frozen=True)
class ParsedCredit:
    """One agency credit found in the payload, before it is resolved to an Agency row.

    ``explicit`` credits (a credit line, a dateline tag, a structured field) are kept even when no
    agency matches, so an editor can map them. Inline ones ("..., reports X.") are only candidates:
    the resolver keeps them only if ``name`` matches a known agency name or alias.
    """

    name: str  # verbatim, as written
    role: CreditRole
    explicit: bool
    where: str  # human-readable location: "line 23", "paragraph 1", "field infosources.0"


@dataclass
class ParsedItem:
    """One wire story as a parser read it. See the module docstrings of the parsers for sources."""

    format: str  # "text" | "ninjs"
    guid: str
    headline: str
    paragraphs: list[str]
    raw: bytes
    language: str = ""
    summary: str = ""
    byline: str = ""
    dateline: str = ""
    credit_line: str = ""
    credits: list[ParsedCredit] = field(default_factory=list)
    agency_name: str = ""
    agency_version: str = ""
    sent_at: datetime | None = None
    embargo_until: datetime | None = None
    pub_status: str = "usable"
    source_url: str = ""
    location: str = ""
    # What was read leniently (a producer's variant of the format): shown to the desk.
    warnings: list[str] = field(default_factory=list)
    # Editor's notes and contacts from the item's metadata: internal, never published.
    internal_notes: str = ""


class ParseError(Exception):
    """Bad input. ``str()`` names what is wrong and where (field path, JSON pointer or line)."""

    def __init__(self, message: str, *, where: str = "") -> None:
        self.message = message
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __repr__(self) -> str:
        return f"ParseError({self.message!r}, where={self.where!r})"

    def __eq__(self, other: object) -> bool:
        # Errors are returned as values and compared in tests, so equality is by content.
        if not isinstance(other, ParseError):
            return NotImplemented
        return (self.message, self.where) == (other.message, other.where)

    def __hash__(self) -> int:
        return hash((self.message, self.where))


@dataclass(frozen=True)
class SkippedItem:
    """An item that is well-formed but is no story to translate, and why it was passed over.

    Agencies mix planning advisories, line tests, service messages and picture-only items into the
    same wire; storing them as empty stories would fill the queue with noise, and refusing them as
    errors would make a healthy feed look broken.
    """

    reason: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


type ParseResult = ParsedItem | ParseError | SkippedItem


class Parser(Protocol):
    """What :func:`articles.ingest.registry.register` accepts.

    ``sniff`` must be cheap and decide by content; ``parse`` must not raise ParseError but return
    it in the list.
    """

    name: str

    def sniff(self, data: bytes, filename: str) -> bool: ...

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list[ParseResult]: ...


def decode_utf8(data: bytes) -> str:
    """Decode wire bytes, dropping a UTF-8 byte-order mark; name the first bad byte otherwise."""
    skipped = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        line = data.count(b"\n", 0, offset) + 1
        raise ParseError(
            f"not UTF-8: byte 0x{data[offset]:02X} at offset {offset} ({exc.reason})",
            where=f"line {line}",
        ) from None


def looks_like_json(data: bytes) -> bool:
    """An object, or an array of objects (or empty), judged by the first bytes only.

    "[UPDATE] Minister resigns" is prose, so an array must open with ``{`` or ``]``.
    """
    return _JSON_START.match(data.removeprefix(_UTF8_BOM)) is not None


def looks_like_markup(data: bytes) -> bool:
    """XML or HTML: the first non-blank byte opens a tag."""
    return data.removeprefix(_UTF8_BOM).lstrip().startswith(b"<")


def clean_text(text: str) -> str:
    """NFC, collapse layout whitespace, strip. See the module docstring for what is kept."""
    return _LAYOUT_SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def load_json(text: str, *, max_depth: int = MAX_JSON_DEPTH) -> object:
    """``json.loads`` that refuses nesting deeper than ``max_depth`` and duplicate keys.

    The depth is measured before parsing, because the standard parser recurses and a document
    nested 10,000 deep ends in RecursionError rather than an answer. A key given twice is
    refused since readers disagree on which one counts (the standard parser keeps the last).
    """
    depth = 0
    for bracket in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > max_depth:
            raise ParseError(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(
            text, object_pairs_hook=_refuse_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"malformed JSON: {exc.msg}", where=f"line {exc.lineno}, column {exc.colno}"
        ) from None
    except ValueError as exc:
        # An integer of more digits than Python converts (sys.get_int_max_str_digits).
        raise ParseError(f"unreadable JSON: {exc}") from None


def _refuse_constant(name: str) -> float:
    raise ParseError(f"malformed JSON: {name} is not a JSON value")


def _refuse_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ParseError(f"malformed JSON: the key {key!r} appears twice in one object")
        seen.add(key)
    return dict(pairs)
