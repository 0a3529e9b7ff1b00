"""How agency copy opens: syndicator prefixes, source headers and datelines in their house forms.

:func:`read_lede` takes these off the first paragraph(s) and returns the dateline, a byline found in
it and the explicit credits; :func:`take_source_header` does the same for the header lines some
aggregators put above the text. Each form below is in the credits corpus
(``tests/articles/test_credit_conventions.py``) with the real copy it was read from.

Syndicator prefixes, before anything else (repeatable)
    ``(MENAFN- Kuwait News Agency (KUNA)) ...``  the carrier (``distributed_by``) and the origin,
                                                 brackets counted, an unclosed one tolerated
    ``/AzerNews/...``, ``/By AzerNews/...``      X is ``original_reporter``
    ``By TrendThe ministry ...``                 a feed that glued "By X" to the text: X is
                                                 ``original_reporter``; a glued personal byline
                                                 (``By Sara RajabovaArmenia's ...``) is the byline

Datelines (the text before the agency is ``dateline``, stored without trailing punctuation except
an abbreviation's full stop, "BLOOMINGTON, Minn.")
    ``CITY, Date /X/.``, ``CITY, Date (X) -`` (any dash, or none before the text: "-The")
    ``Baku, Azerbaijan, Dec. 19`` + next line ``Trend:``, also ``By Name - Trend:``, and the same
        glued together by a feed (``Apr. 18Trend:European ...``)
    ``CITY, Date, AGENCY --`` / ``CITY, Date, AGENCY.`` (Asia-Plus, RIA FederalPress)
    ``CITY, Date — AGENCY.`` and ``CITY, Date — AGENCY, Author.`` (RIA Novosti)
    ``CITY. Date. AGENCY -`` (Interfax) and ``CITY. AGENCY -`` (Kazinform; both in capitals)
    ``by Name -Trend:`` (Trend's commentaries: a byline and the agency, no place)
    ``CITY, Date:`` / ``CITY, Date --``, and ``CITY -`` or ``CITY:`` in capitals: a dateline
        naming no agency

Source headers (text files, the first lines under the headline)
    ``Anatolia News Agency`` + ``Jan 6 2008`` (+ a country): the digest header of BBC Monitoring
    style reposts; a line alone naming an agency (``State News Agency of Turkmenistan``);
    ``Xinhua | Updated: 2017-11-23 10:17``; and ``DAILY SABAH WITH AA`` + ``ISTANBUL``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import CreditRole, ParsedCredit, clean_text
from .credits import credit_chain

ORIGINAL = CreditRole.ORIGINAL_REPORTER

_DASH = r"(?:--?|[\u2013\u2014])"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|январ[ья]|янв|феврал[ья]|фев|марта?|мар|апрел[ья]|апр|ма[йя]|июн[ья]|июн|июл[ья]|июл"
    r"|августа?|авг|сентябр[ья]|сен|октябр[ья]|окт|ноябр[ья]|ноя|декабр[ья]|дек)\.?"
)
# "March 3", "Dec. 19", "Feb.20, 2018", "7 Jan", "5 февраля", "November 2, 2010", "Sept 28".
_DATE = (
    rf"(?:{_MONTH}(?![^\W\d_])\s*\d{{1,2}}|\d{{1,2}}\s*{_MONTH}(?![^\W\d_]))"
    r"(?:,?\s*\d{4})?(?!\d)"
)
# A word of a place name: letters, inner apostrophes, dots and hyphens, an abbreviation's dot.
_WORD = r"[^\W\d_](?:[^\W\d_]|['\u2019.\-](?=[^\W\d_]))*\.?"
_PLACE = rf"{_WORD}(?:[ \-]{_WORD}){{0,3}}"
# "BAKU", "Baku, Azerbaijan", "BLOOMINGTON, Minn.", "RALEIGH, N.C."
_PLACES = rf"{_PLACE}(?:,\s*{_PLACE})?"
_AGENCY = r"[^\W\d_][\w.&'\u2019\-]*(?:\s[^\W\d_][\w.&'\u2019\-]*){0,3}"

_TWO_LINE = re.compile(
    rf"""^(?P<dateline>{_PLACES},\s*{_DATE})\s*
    (?:By\s+(?P<byline>[^\W\d_][^:\u2013\u2014]{{1,60}}?)\s*{_DASH}\s*)?
    (?P<agency>{_AGENCY}):\s*(?=\S)""",
    re.VERBOSE | re.IGNORECASE,
)
_BYLINE_AGENCY = re.compile(
    rf"^By\s+(?P<byline>[^\W\d_][^:\u2013\u2014]{{1,60}}?)\s*{_DASH}\s*(?P<agency>{_AGENCY}):\s*(?=\S)",
    re.IGNORECASE,
)
_UNTAGGED_AGENCY = re.compile(
    rf"""^(?P<dateline>{_PLACES}(?:[,.]\s*{_DATE})?)(?:[,.]\s*|\s+)(?:{_DASH}\s*)?
    (?P<agency>{_AGENCY})(?:,\s*(?P<author>[^\W\d_][^.,]{{2,40}}))?
    \s*(?:{_DASH}|\.|:)\s*(?=\S)""",
    re.VERBOSE | re.IGNORECASE,
)
_DATED = re.compile(
    rf"^(?P<dateline>{_PLACES}[,.]\s*{_DATE})\s*(?::|{_DASH})\s*(?=\S)", re.IGNORECASE
)
_CAPITALS = re.compile(
    rf"^(?P<dateline>[^\W\d_][^\W\d_ .'\-]*(?: [^\W\d_]+){{0,2}})\s*(?:{_DASH}|:)\s*"
)
_TAGGED = re.compile(
    r"""
    ^(?P<dateline>[^\W\d_][^()/]{0,80}?)\s*        # "ASTANA, March 3": a letter first, no brackets
    (?: /(?P<slash>[^/]+(?:/[^/]+)*?)/              # /X/, / X /, /A/B/
      | \((?P<paren>[^()]+)\) )                     # (X)
    \s*(?P<sep>[.:,]|--?|[\u2013\u2014])?           # the separator before the sentence
    (?:\s+|$|(?<=[-.:,\u2013\u2014])(?=[^\W\d_]))  # "(Reuters) -The", "/Kabar/.The": no space
    """,
    re.VERBOSE,
)
_DATE_SEARCH = re.compile(_DATE, re.IGNORECASE)
_ABBREVIATION = re.compile(r"(?:^|[\s,])(?:[^\W\d_]\.)+$|(?:^|,\s)[^\W\d_][a-z]{1,4}\.$")

_CARRIER = re.compile(r"^\((?P<carrier>[A-Z][\w.]{1,20})\s*-\s*")
_SLASHED = re.compile(r"^/(?:By\s+)?(?P<name>[^/]{2,40})/\s*")
_GLUED_AGENCY = re.compile(r"^By\s+(?P<name>[A-Z][A-Za-z]+?)(?=[A-Z][a-z]|By\s)")
_GLUED_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}?)(?=[A-Z][a-z])")

_SOURCE_WORDS = re.compile(
    r"\b(?:agency|news|press|service|ajansı|agence|agentur|агентство|новости|информ\w*)\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"^(?P<name>[^|]{2,40}?)\s*\|\s*(?:updated|published)\b", re.IGNORECASE)
_DATE_LINE = re.compile(rf"^{_DATE}(?:,?\s*\d{{4}})?$", re.IGNORECASE)
_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)
_MAX_HEADER_WORDS = 6
_JOINERS = frozenset({"of", "de", "du", "des", "al", "el", "and", "&"})
# Capitalised words that open copy before a dash without being a place.
_NOT_PLACES = frozenset(
    {"FILE", "UPDATE", "BREAKING", "URGENT", "FLASH", "CORRECTION", "PHOTO", "VIDEO", "NOTE"}
    | {"EXCLUSIVE", "ANALYSIS", "WARNING", "EDITORS", "ADVISORY", "WATCH", "LIVE", "OPINION"}
)
_MAX_DATELINE_WORDS = 7  # "KUALA LUMPUR, April 30", "Baku, Azerbaijan, Dec. 19, 2014"
# Wire status words that open a bracket the way a carrier does: "(UPDATE- adds quotes)".
_NOT_CARRIERS = frozenset({"UPDATE", "CORRECTED", "REFILE", "RPT", "REPEAT", "ADDS", "FILE"})


@dataclass
class Lede:
    dateline: str = ""
    byline: str = ""
    credits: list[ParsedCredit] = field(default_factory=list)


def read_lede(paragraphs: list[str], *, where: str) -> Lede:
    """Take prefixes and the dateline off the first paragraph (mutates ``paragraphs``)."""
    lede = Lede()
    if not paragraphs:
        return lede
    text = paragraphs[0]
    for _ in range(2):  # "(MENAFN- KUNA) KUWAIT -" and "/AzerNews/By Sara Rajabova..." stack
        text = _take_prefix(text, lede, where)
    text = _take_dateline(text, lede, where)
    if text:
        paragraphs[0] = text
    elif len(paragraphs) > 1:
        del paragraphs[0]  # the dateline stood on its own line
    else:
        return Lede()  # a one-line text that only looks like a dateline is the text
    return lede


def split_dateline(paragraph: str) -> tuple[str, str, str] | None:
    """``(dateline, agency tag, rest)`` of a ``CITY, Date /X/`` or ``CITY (X) -`` opening."""
    match = _TAGGED.match(paragraph)
    if match is None:
        return None
    dateline = _strip_dateline(match["dateline"])
    tag = (match["slash"] or match["paren"]).strip()
    words = dateline.split()
    if len(words) > _MAX_DATELINE_WORDS or re.search(rf"\s{_DASH}\s", dateline):
        return None  # a sentence with brackets further on, not a place and a date
    is_dateline = (
        "," in dateline
        or dateline.upper() == dateline
        # "Berlin (dpa) - ...": a short place name, then a dash before the sentence.
        or (
            match["sep"] in ("-", "--", "\u2013", "\u2014")
            and len(words) <= 3
            and all(word[0].isupper() and word.isalpha() for word in words)
        )
    )
    if not is_dateline or not re.search(r"[^\W\d_]", tag):
        return None
    return dateline, tag, paragraph[match.end() :].strip()


# --- prefixes --------------------------------------------------------------------------------


def _take_prefix(text: str, lede: Lede, where: str) -> str:
    if (match := _CARRIER.match(text)) and match["carrier"] not in _NOT_CARRIERS:
        inner, end = _bracketed(text, match.end())
        if inner[:1].isupper() and len(inner.split()) <= 8:
            lede.credits += [ParsedCredit(n, ORIGINAL, True, where) for n in _names(inner)]
            carrier = ParsedCredit(match["carrier"], CreditRole.DISTRIBUTED_BY, True, where)
            lede.credits.append(carrier)
            return text[end:].strip()
    if match := _SLASHED.match(text):
        lede.credits += credit_chain(match["name"], ORIGINAL, explicit=True, where=where)
        return text[match.end() :].strip()
    if match := _GLUED_AGENCY.match(text):
        lede.credits.append(ParsedCredit(match["name"], ORIGINAL, True, where))
        return text[match.end() :].strip()
    if match := _GLUED_BYLINE.match(text):
        lede.byline = lede.byline or match["name"]
        return text[match.end() :].strip()
    return text


def _bracketed(text: str, start: int) -> tuple[str, int]:
    """The text up to the bracket closing the one before ``start``, and where the rest begins.

    Published copy sometimes never closes it ("(MENAFN- Kuwait News Agency (KUNA) KUWAIT - ..."):
    then the prefix ends at the last closing bracket of the first line-length of text.
    """
    depth = 1
    last_close = -1
    for index in range(start, min(len(text), start + 120)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            last_close = index
            if depth == 0:
                return text[start:index], index + 1
    if last_close < 0:
        return "", start
    return text[start : last_close + 1], last_close + 1


def _names(text: str) -> list[str]:
    """ "Kuwait News Agency (KUNA)" names one agency twice: both spellings are kept."""
    names = []
    for part in re.split(r"[()]", text):
        if name := clean_text(part).strip(" ,;:-"):
            names.append(name)
    return names


# --- datelines -------------------------------------------------------------------------------


def _take_dateline(text: str, lede: Lede, where: str) -> str:
    if found := split_dateline(text):
        dateline, tag, rest = found
        lede.dateline = dateline
        lede.credits += credit_chain(tag, ORIGINAL, explicit=True, where=where)
        return rest
    if (match := _TWO_LINE.match(text)) and _is_agency(match["agency"]):
        lede.dateline = _strip_dateline(match["dateline"])
        lede.byline = lede.byline or (match["byline"] or "").strip()
        lede.credits.append(ParsedCredit(match["agency"], ORIGINAL, True, where))
        return text[match.end() :].strip()
    if (match := _BYLINE_AGENCY.match(text)) and _is_agency(match["agency"]):
        # "by Elchin Mehdiyev -Trend:" opens Trend's commentaries, with no place or date.
        lede.byline = lede.byline or match["byline"].strip()
        lede.credits.append(ParsedCredit(match["agency"], ORIGINAL, True, where))
        return text[match.end() :].strip()
    if match := _UNTAGGED_AGENCY.match(text):
        dateline, agency = match["dateline"], match["agency"]
        dated = _DATE_SEARCH.search(dateline) is not None
        in_capitals = dateline.isupper() and agency.isupper()
        if _is_agency(agency) and (dated or in_capitals) and not _DATE_SEARCH.search(agency):
            lede.dateline = _strip_dateline(dateline)
            lede.byline = lede.byline or (match["author"] or "").strip()
            lede.credits.append(ParsedCredit(agency, ORIGINAL, True, where))
            return text[match.end() :].strip()
    if match := _DATED.match(text):
        lede.dateline = _strip_dateline(match["dateline"])
        return text[match.end() :].strip()
    if (match := _CAPITALS.match(text)) and _is_place_in_capitals(match["dateline"]):
        lede.dateline = match["dateline"].strip()
        return text[match.end() :].strip()
    return text


def _is_place_in_capitals(text: str) -> bool:
    # "AP - ..." or "US - ..." is no place line, nor AP's "FILE - In this photo ...".
    return text.isupper() and len(text) >= 4 and text not in _NOT_PLACES


def _is_agency(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 4 and all(word[0].isupper() for word in words)


def _strip_dateline(dateline: str) -> str:
    dateline = clean_text(dateline).rstrip(",;: -\u2013\u2014")
    if dateline.endswith(".") and not _ABBREVIATION.search(dateline):
        dateline = dateline.rstrip(".").rstrip(",;: ")
    return dateline


# --- source headers ------------------------------------------------------------------------


@dataclass
class SourceHeader:
    lines: int  # how many of the block's lines it took
    credits: list[ParsedCredit]
    dateline: str = ""


def take_source_header(lines: list[str], *, where: str) -> SourceHeader | None:
    """A header above the text naming where it comes from; None if ``lines`` open with prose."""
    texts = [clean_text(line) for line in lines[:3]]
    first = texts[0]
    if match := _UPDATED.match(first):
        return SourceHeader(1, [ParsedCredit(match["name"], ORIGINAL, True, where)])
    if len(texts) >= 2 and _is_capitals_header(texts[0], texts[1], len(texts)):
        names = [n for n in _WITH.split(first) if n]
        return SourceHeader(
            2, [ParsedCredit(n, ORIGINAL, True, where) for n in names], dateline=texts[1]
        )
    if not _names_a_source(first):
        return None
    if len(texts) >= 2 and _DATE_LINE.match(texts[1]):
        taken = 3 if len(texts) == 3 and _is_country(texts[2]) else 2
        return SourceHeader(taken, [ParsedCredit(first, ORIGINAL, True, where)])
    if len(lines) == 1:
        return SourceHeader(1, [ParsedCredit(first, ORIGINAL, True, where)])
    return None


def _names_a_source(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _MAX_HEADER_WORDS
        and all(word[0].isupper() or word in _JOINERS for word in words)
        and _SOURCE_WORDS.search(line) is not None
        and not re.search(r"[.!?:;]$", line)
    )


def _is_capitals_header(first: str, second: str, count: int) -> bool:
    # "DAILY SABAH WITH AA" over "ISTANBUL", and nothing else in the block.
    return (
        count == 2
        and first.isupper()
        and second.isupper()
        and len(first.split()) <= 5
        and len(second.split()) <= 3
        and not re.search(r"[.!?]$", second)
    )


def _is_country(line: str) -> bool:
    return len(line.split()) <= 2 and line[:1].isupper() and line.replace(" ", "").isalpha()
