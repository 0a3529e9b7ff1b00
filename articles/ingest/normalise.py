"""The one normalisation and validation step between any parser's output and the database.

Parsers read formats; they are not trusted to agree on what text may be stored. Every
:class:`~articles.ingest.base.ParsedItem`, whichever parser produced it, goes through
:func:`normalise_item` before the ingest service writes anything, so a parser added later is
covered without doing anything. It returns a new item or raises :class:`ParseError` naming the
field (``where="field byline"``) and what is wrong with it; nothing is truncated, because a
shortened byline or credit line is a wrong credit, and the agency's full text stays in the raw
payload for whoever fixes the delivery.

What it does, field by field:

- Every text: lone surrogates (which only a JSON ``\\ud800`` escape can produce) are refused,
  since no UTF-8 column can hold them; then Unicode NFC; then NUL, the other C0 controls, DEL and
  the C1 controls are removed. Tab and newline are kept in the summary and the paragraphs, where
  they can mean something; in one-line fields every run of whitespace becomes one space.
- Headline: bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), zero-width spaces,
  the word joiner, the soft hyphen and byte-order marks are removed, so that a headline cannot
  reorder the text around it in a list or look empty while not being empty. ZWNJ and ZWJ are
  kept between two letters (Persian and Indic spelling, emoji sequences need them), removed
  elsewhere. A headline with nothing left is refused.
- Guid: something visible (a blank guid would make unrelated items versions of one another).
- Lengths: every field against its column's ``max_length``, read from the model field.
- Language: a valid BCP 47 tag by the ``langcodes`` registry ("und" counts as not given), with
  ``_`` read as ``-``; anything else is refused rather than guessed at.
- Dates: made timezone-aware (UTC when the parser found no offset) and refused when their UTC
  value falls outside what Python and the database can both hold (years 1-9999); a date stored
  beyond that could not be read back, and every page listing it would fail.
- Source URL: an absolute http(s) URL or nothing.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from articles.models import Attribution, WireStory

from .base import ParsedCredit, ParsedItem, ParseError

# C0 controls but tab and newline, DEL, C1 controls. Carriage returns were made newlines first.
_CONTROLS_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Bidi embeddings/overrides/isolates, zero-width space, word joiner, invisible operators, soft
# hyphen, BOM, Mongolian vowel separator.
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u00ad\ufeff\u180e]")
_JOINER = re.compile(r"[\u200c\u200d]")
_LAYOUT_SPACE = re.compile(r"\s+")

_url_validator = URLValidator(schemes=["http", "https"])

# The one-line text fields of ParsedItem (``location`` names the item in a file, for messages).
_ONE_LINE_FIELDS = ("guid", "byline", "dateline", "credit_line", "agency_version", "location")
# ParsedItem fields stored in the WireStory column of the same name, checked against its length.
_STORED_FIELDS = ("guid", "headline", "byline", "dateline", "credit_line", "agency_version")


def max_length(field: str) -> int:
    """The length of the WireStory column ``field``."""
    return WireStory._meta.get_field(field).max_length


def _refuse_surrogates(value: str, field: str) -> None:
    if found := _SURROGATE.search(value):
        raise ParseError(
            f"contains a lone surrogate (U+{ord(found.group()):04X}) at character "
            f"{found.start() + 1}, which is not text",
            where=f"field {field}",
        )


def clean_multiline(value: str, field: str) -> str:
    """NFC, controls removed (tab and newline kept), ends stripped."""
    _refuse_surrogates(value, field)
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS_MULTILINE.sub("", value).strip()


def clean_one_line(value: str, field: str) -> str:
    """NFC, every control removed, layout whitespace collapsed to one space, ends stripped."""
    _refuse_surrogates(value, field)
    value = unicodedata.normalize("NFC", value)
    return _LAYOUT_SPACE.sub(" ", _CONTROLS_MULTILINE.sub("", value)).strip()


def _keep_joiner(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    between_letters = bool(before and after) and not (before.isspace() or after.isspace())
    return match.group() if between_letters else ""


def _visible(value: str) -> bool:
    return any(unicodedata.category(char)[0] in "LNPS" for char in value)


def clean_headline(value: str) -> str:
    """A one-line field without invisible characters; refused when nothing visible is left."""
    value = clean_one_line(_INVISIBLE.sub("", value), "headline")
    value = _LAYOUT_SPACE.sub(" ", _JOINER.sub(_keep_joiner, value)).strip()
    if not _visible(value):
        raise ParseError("empty: nothing visible is left", where="field headline")
    return value


def clean_language(value: str) -> str:
    """A valid BCP 47 tag, ``""`` for none; ParseError for anything else."""
    import langcodes  # imported where ingest uses it: web workers load this module, not its data

    value = clean_one_line(value, "language").replace("_", "-")
    if not value or value.casefold() == "und":
        return ""
    if len(value) > max_length("language") or not langcodes.tag_is_valid(value):
        raise ParseError(
            f"{value[:40]!r} is not a BCP 47 language tag (such as ru, en or kk-Cyrl)",
            where="field language",
        )
    return value


def clean_datetime(value: datetime | None, field: str) -> datetime | None:
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        return aware.astimezone(UTC)
    except OverflowError:
        raise ParseError(
            f"{value.isoformat()} is outside the years 1-9999 once converted to UTC",
            where=f"field {field}",
        ) from None


def clean_url(value: str) -> str:
    value = clean_one_line(value, "source_url")
    if not value:
        return ""
    _check_length(value, "source_url")
    try:
        _url_validator(value)
    except ValidationError:
        raise ParseError(
            f"{value[:80]!r} is not an absolute http(s) URL", where="field source_url"
        ) from None
    return value


def _check_length(value: str, field: str, *, limit: int | None = None) -> None:
    limit = limit if limit is not None else max_length(field)
    if len(value) > limit:
        raise ParseError(
            f"{len(value)} characters, the limit is {limit} (the full text stays in the delivery)",
            where=f"field {field}",
        )


def _credit(credit: ParsedCredit, number: int) -> ParsedCredit:
    field = f"credits.{number} ({credit.where})" if credit.where else f"credits.{number}"
    name = clean_one_line(credit.name, field)
    _check_length(name, field, limit=Attribution._meta.get_field("credited_name").max_length)
    return dataclasses.replace(credit, name=name, where=clean_one_line(credit.where, field))


def normalise_item(item: ParsedItem) -> ParsedItem:
    """The item as it may be stored, or ParseError naming the first field that cannot be."""
    one_line = {name: clean_one_line(getattr(item, name), name) for name in _ONE_LINE_FIELDS}
    if not _visible(one_line["guid"]):
        raise ParseError("blank: the item has no identifier", where="field guid")
    # Agencies send a kill as the bare guid with pubStatus canceled; the ingest keeps the text it
    # cancels (articles.services.ingest), so only such a notice may come without one.
    bare_cancel = item.pub_status.strip() == "canceled" and not (
        _visible(item.headline) and item.paragraphs
    )
    headline = "" if bare_cancel and not _visible(item.headline) else clean_headline(item.headline)
    language = clean_language(item.language)
    paragraphs = [
        text
        for n, p in enumerate(item.paragraphs)
        if (text := clean_multiline(p, f"paragraph {n + 1}"))
    ]
    if not paragraphs and not bare_cancel:
        raise ParseError(
            "no body text is left once control characters are removed", where="field paragraphs"
        )
    cleaned = dataclasses.replace(
        item,
        **one_line,
        headline=headline,
        language=language,
        paragraphs=paragraphs,
        summary=clean_multiline(item.summary, "summary"),
        agency_name=clean_one_line(item.agency_name, "agency_name"),
        pub_status=clean_one_line(item.pub_status, "pub_status"),
        source_url=clean_url(item.source_url),
        sent_at=clean_datetime(item.sent_at, "sent_at"),
        embargo_until=clean_datetime(item.embargo_until, "embargo_until"),
    )
    # language and source_url were checked as they were cleaned.
    for field in _STORED_FIELDS:
        _check_length(getattr(cleaned, field), field)
    # A credit whose name is blank once cleaned names nobody; it is dropped, not stored empty.
    credits = [_credit(credit, n) for n, credit in enumerate(item.credits, start=1)]
    cleaned.credits = [credit for credit in credits if _visible(credit.name)]
    return cleaned
