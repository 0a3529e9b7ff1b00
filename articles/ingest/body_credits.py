"""Credits written into a body's paragraphs, for formats whose body is HTML or prose.

NewsML-G2 and RSS/Atom bodies carry the same conventions as plain text: a dateline tag opening the
first paragraph ("FORT WASHINGTON, Pa. (AP) _ ...", AP's underscore being its dash, or ANSA's
"(ANSA) - Rome, October 11 - ..." with the tag first), a closing credit line, inline credits in
the lede. :func:`take_body_credits` reads them with :mod:`articles.ingest.ledes` and
:mod:`articles.ingest.credits` and removes the
dateline tag and the credit line from the paragraphs, as the text and ninjs parsers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import CreditRole, ParsedCredit
from .credits import inline_credits, lede, parse_credit_line
from .ledes import read_lede


@dataclass
class BodyCredits:
    dateline: str
    credit_line: str
    credits: list[ParsedCredit]


def take_body_credits(paragraphs: list[str]) -> BodyCredits:
    """Strip a dateline tag and a closing credit line from ``paragraphs`` (mutates it)."""
    if not paragraphs:
        return BodyCredits("", "", [])
    credit_line = ""
    dateline, credits = _take_leading_tag(paragraphs)
    if not dateline:
        opening = read_lede(paragraphs, where="paragraph 1")
        dateline, credits = opening.dateline, opening.credits
    if credits:
        # AP writes "CITY, State (AP) _ Text": the underscore is its dash.
        paragraphs[0] = paragraphs[0].removeprefix("_ ")
    last = f"paragraph {len(paragraphs)}"
    if len(paragraphs) > 1 and (found := parse_credit_line(paragraphs[-1], where=last)):
        credit_line = paragraphs.pop()
        credits += found[0]
    credits += inline_credits(lede(paragraphs))
    return BodyCredits(dateline, credit_line, credits)


# "(ANSA) - Rome, October 11 - Text": the agency tag comes first, then "City, Date -".
_LEADING_TAG = re.compile(
    r"^\((?P<agency>[^()]{2,40})\)\s*[-–—]\s*(?P<dateline>[^-–—]{3,80}?,[^-–—]{2,40}?)\s+[-–—]+\s+"
)


def _take_leading_tag(paragraphs: list[str]) -> tuple[str, list[ParsedCredit]]:
    match = _LEADING_TAG.match(paragraphs[0])
    if match is None:
        return "", []
    paragraphs[0] = paragraphs[0][match.end() :]
    credit = ParsedCredit(
        match["agency"].strip(), CreditRole.ORIGINAL_REPORTER, explicit=True, where="paragraph 1"
    )
    return match["dateline"].strip(), [credit]
