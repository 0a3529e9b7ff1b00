"""Credit conventions of wire prose, shared by the text and ninjs parsers.

Each function reads one convention and returns :class:`~articles.ingest.base.ParsedCredit` objects
whose ``where`` names the line, paragraph or field it came from; which lines or paragraphs to look
at is the calling parser's business.

Trailing credit lines (explicit credits), removed from the body
    Case-insensitive, trailing full stop optional:

    ======================================  ===================================================
    ``Translated from X``                   X is ``translated_from``
    ``Translated by P from X`` /            X is ``translated_from``; P is a translator (a person,
    ``Translated from X by P``              recorded on the Translation, not as an agency credit)
    ``Translated from Russian``             a language, not an agency: the line is kept as the
                                            credit line but yields no credit
    ``Source: X`` / ``Source - X``          X is ``original_reporter``; a URL there is the
                                            ``source_url`` instead
    ``(X)`` alone on the line               X is ``original_reporter`` if X looks like a name
                                            ("(Reporting by ...; Editing by ...)" does not)
    ======================================  ===================================================

    A list such as ``Source: Kazinform, Trend`` (commas or semicolons) credits each name.

Dateline tags (explicit credits), removed from the first paragraph
    ``CITY, Date / X /.``, ``CITY, Date /X/:``, ``CITY, Date (X):``, ``CITY, Date (X) -`` and the
    same with ``--``, an en dash or an em dash. The text before the tag becomes ``dateline`` (it
    must contain a comma or be in capitals, so "The minister (Trend) said" is not a dateline), X
    is ``original_reporter`` and the paragraph then begins with the actual sentence.

Syndication convention
    Within any credit, ``A via B``, ``A (via B)`` and ``A/B`` all read left to right as
    origin → carrier: A gets the role of the line (``original_reporter`` for a dateline or
    ``Source:``, ``translated_from`` for ``Translated from``) and every later name is
    ``distributed_by``. So ``/Trend via Xinhua/`` and ``(Trend/Xinhua)`` both mean "Trend reported
    it, Xinhua passed it on", and ``Translated from Kazinform via Trend`` means the newsroom
    translated Kazinform's text, received through Trend.

Inline credits (candidates, ``explicit=False``), left in the body
    Only in the lede (the first ``LEDE_PARAGRAPHS`` paragraphs), because attribution further down
    quotes people ("according to the minister") rather than naming the wire source:
    ``..., reports X``, ``..., reported X``, ``X reports``, ``X reported``, ``X said in a report``,
    ``according to (the) X``, ``citing (the) X``, and the Russian ``..., сообщает X``,
    ``..., передает X``, ``по данным X``, ``со ссылкой на X``.
    X is the run of capitalised words next to the
    verb (hyphens, ``&``, dotted acronyms such as ``A.P.`` and the joiners of/de/du/al allowed);
    it is emitted verbatim (less a leading "The") and the resolver matches it against agency names
    and aliases. A
    lowercase word or a pronoun ("According to him", "according to the minister") yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .base import CreditRole, ParsedCredit, clean_text

LEDE_PARAGRAPHS = 2
_MAX_NAME_WORDS = 6

# Typographic characters spelled as escapes: they look like ASCII ones in most editors.
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"  # straight, curly and guillemet quotes
_DASHES = "-\u2013\u2014"  # hyphen-minus, en dash, em dash

_LANGUAGE_NAMES = frozenset(
    {
        *("arabic", "armenian", "azerbaijani", "azeri", "belarusian", "chinese", "dutch"),
        *("english", "farsi", "french", "georgian", "german", "italian", "japanese", "kazakh"),
        *("korean", "kyrgyz", "persian", "polish", "portuguese", "russian", "spanish", "tajik"),
        *("turkish", "turkmen", "ukrainian", "uzbek"),
    }
)
# Capitalised words that never name an agency, even at the start of a sentence.
_NOT_NAMES = frozenset(
    {
        *("he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its"),
        *("their", "this", "that", "these", "those", "there", "here", "the", "a", "an", "one"),
    }
)
_NAME_JOINERS = frozenset({"of", "de", "du", "des", "da", "di", "del", "al", "el", "&"})

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_TRANSLATED = re.compile(
    r"^translated\s+(?:by\s+.+?\s+)?from\s+(?P<names>.+?)(?:\s+by\s+.+)?$", re.IGNORECASE
)
_SOURCE = re.compile(r"^sources?\s*(?::|-+|[\u2013\u2014])\s*(?P<names>.+)$", re.IGNORECASE)
_PARENTHESISED = re.compile(r"^\((?P<names>[^()]*(?:\([^()]*\)[^()]*)?)\)$")

_DATELINE = re.compile(
    r"""
    ^(?P<dateline>[^\W\d_][^()/]{0,80}?)\s*        # "ASTANA, March 3": a letter first, no brackets
    (?: /(?P<slash>[^/]+(?:/[^/]+)*?)/              # /X/, / X /, /A/B/
      | \((?P<paren>[^()]+)\) )                     # (X)
    \s*(?:[.:,]|--?|[\u2013\u2014])?                # the separator before the sentence
    (?:\s+|$)
    """,
    re.VERBOSE,
)
_VIA = re.compile(r"\s+via\s+|\s*/\s*", re.IGNORECASE)
_PAREN_VIA = re.compile(r"\s*\(\s*via\s+([^()]+)\)", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+")

# Inline attribution: the name follows the verb ...
_NAME_AFTER = re.compile(
    r",\s*report(?:s|ed)\s+(?:the\s+)?|\baccording\s+to\s+(?:the\s+)?|\bciting\s+(?:the\s+)?"
    # Russian-language wires (Trend, Kazinform, AKIpress file in Russian): "..., сообщает X",
    # "..., передает X", "по данным X", "со ссылкой на X".
    r"|,\s*(?:сообщает|сообщил[аио]?|переда[её]т|передал[аио]?|пишет)\s+"
    r"|(?<!\w)по\s+(?:данным|сообщению|информации)\s+|(?<!\w)со\s+ссылкой\s+на\s+",
    re.IGNORECASE,
)
# ... or precedes it.
_NAME_BEFORE = re.compile(r"\s(?:report(?:s|ed)\b|said\s+in\s+a\s+report\b)", re.IGNORECASE)


def is_url(text: str) -> bool:
    """Whether ``text`` is nothing but an http(s) URL."""
    return _URL.fullmatch(text) is not None


# --- trailing credit lines ------------------------------------------------------------------


def parse_credit_line(text: str, *, where: str) -> tuple[list[ParsedCredit], str] | None:
    """Credits and source URL of a credit line, or None if ``text`` is not one."""
    text = clean_text(text).removesuffix(".").strip()
    if match := _TRANSLATED.match(text):
        names = match["names"]
        if _strip_article(names).casefold() in _LANGUAGE_NAMES:
            return [], ""
        return credit_chain(names, CreditRole.TRANSLATED_FROM, explicit=True, where=where), ""
    if match := _SOURCE.match(text):
        names = match["names"].strip()
        if is_url(names):
            return [], names
        return credit_chain(names, CreditRole.ORIGINAL_REPORTER, explicit=True, where=where), ""
    if (match := _PARENTHESISED.match(text)) and _looks_like_credit(match["names"]):
        names = match["names"]
        return credit_chain(names, CreditRole.ORIGINAL_REPORTER, explicit=True, where=where), ""
    return None


def _looks_like_credit(names: str) -> bool:
    # "(Reporting by Jane Doe; Editing by John Roe)" and "(File)" must stay in the body.
    words = names.split()
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and words[0][:1].isupper()
        and not re.search(r"\b(?:by|file|photo|updated?)\b", names, re.IGNORECASE)
    )


def _strip_article(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)


# --- credit chains --------------------------------------------------------------------------


def credit_chain(
    phrase: str, role: CreditRole, *, explicit: bool, where: str
) -> list[ParsedCredit]:
    """Credits for "A, B", "A via B", "A (via B)", "A/B": see "Syndication convention" above."""
    credits: list[ParsedCredit] = []
    for item in _LIST_SEPARATOR.split(phrase):
        chain = [_clean_name(name) for name in _VIA.split(_PAREN_VIA.sub(r" via \1", item))]
        chain = [name for name in chain if name]
        credits += [
            ParsedCredit(name, role if i == 0 else CreditRole.DISTRIBUTED_BY, explicit, where)
            for i, name in enumerate(chain)
        ]
    return credits


def _clean_name(name: str) -> str:
    name = clean_text(name).strip(" ()[]:;," + _QUOTES + _DASHES)
    last = name.rsplit(" ", 1)[-1]
    if name.endswith(".") and not _ACRONYM.fullmatch(last):
        name = name[:-1]
    return name


def dedupe_credits(credits: Iterable[ParsedCredit]) -> list[ParsedCredit]:
    """Keep the first credit per (name, role); explicit ones come first, so they win."""
    seen: set[tuple[str, CreditRole]] = set()
    unique: list[ParsedCredit] = []
    for credit in credits:
        key = (credit.name.casefold(), credit.role)
        if key not in seen:
            seen.add(key)
            unique.append(credit)
    return unique


# --- dateline -------------------------------------------------------------------------------


def split_dateline(paragraph: str) -> tuple[str, str, str] | None:
    """``(dateline, agency tag, rest of the paragraph)`` if the paragraph opens with a dateline."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    dateline = match["dateline"].strip().rstrip(",;: " + _DASHES)
    tag = (match["slash"] or match["paren"]).strip()
    is_dateline = "," in dateline or dateline.upper() == dateline
    if not is_dateline or not re.search(r"[^\W\d_]", tag):
        return None
    return dateline, tag, paragraph[match.end() :].strip()


def take_dateline(paragraphs: list[str], *, where: str) -> tuple[str, list[ParsedCredit]]:
    """Remove a dateline tag from the first paragraph (mutates ``paragraphs``)."""
    found = split_dateline(paragraphs[0])
    if found is None:
        return "", []
    dateline, tag, rest = found
    if rest:
        paragraphs[0] = rest
    elif len(paragraphs) > 1:  # the dateline stood on its own
        del paragraphs[0]
    else:
        return "", []
    return dateline, credit_chain(tag, CreditRole.ORIGINAL_REPORTER, explicit=True, where=where)


# --- inline credits -------------------------------------------------------------------------


def inline_credits(paragraphs: Iterable[str]) -> list[ParsedCredit]:
    """Candidate credits from attribution phrases; see "Inline credits" above."""
    credits: list[ParsedCredit] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        for name in _inline_names(paragraph):
            credits.append(
                ParsedCredit(name, CreditRole.ORIGINAL_REPORTER, False, f"paragraph {number}")
            )
    return credits


def _inline_names(paragraph: str) -> Iterator[str]:
    for match in _NAME_AFTER.finditer(paragraph):
        words = paragraph[match.end() :].split(maxsplit=_MAX_NAME_WORDS)[:_MAX_NAME_WORDS]
        if name := _capitalised_run(words):
            yield name
    for match in _NAME_BEFORE.finditer(paragraph):
        words = paragraph[: match.start()].split()[-_MAX_NAME_WORDS:]
        if name := _capitalised_run_before(words):
            yield name


def _capitalised_run(words: list[str]) -> str:
    """The capitalised words at the start of ``words``, up to the first punctuation."""
    run: list[str] = []
    for word in words:
        bare = word.rstrip(",;:!?)" + _QUOTES)
        if not (_is_capitalised(bare) or (run and bare in _NAME_JOINERS)):
            break
        run.append(bare)
        if bare != word or (bare.endswith(".") and not _ACRONYM.fullmatch(bare)):
            break  # punctuation ends the name
    while run and run[-1] in _NAME_JOINERS:
        run.pop()
    return _accept(" ".join(run))


def _capitalised_run_before(words: list[str]) -> str:
    """The capitalised words at the end of ``words``, back to the previous punctuation."""
    run: list[str] = []
    for word in reversed(words):
        ends_clause = word[-1] in ",;:!?" or (word.endswith(".") and not _ACRONYM.fullmatch(word))
        if ends_clause or not (_is_capitalised(word) or (run and word in _NAME_JOINERS)):
            break
        run.insert(0, word)
        if word[:1] in "(" + _QUOTES:
            break
    while run and run[0] in _NAME_JOINERS:
        run.pop(0)
    return _accept(" ".join(run))


def _is_capitalised(word: str) -> bool:
    word = word.lstrip("(" + _QUOTES)
    return word[:1].isupper()


def _accept(name: str) -> str:
    name = _clean_name(_strip_article(name))
    return "" if not name or name.casefold() in _NOT_NAMES else name
