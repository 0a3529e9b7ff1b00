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
    ``- X –``, ``-X``, ``/X/`` alone        a sign-off: X is ``original_reporter`` (WAM closes
                                            "- Emirates News Agency, WAM –")
    ``Источник: X``                         as ``Source: X``
    ======================================  ===================================================

    A list such as ``Source: Kazinform, Trend`` (commas or semicolons) credits each name.

Datelines and prefixes (explicit credits), removed from the first paragraph
    See :mod:`articles.ingest.ledes`: every house form of the agencies in the credits corpus.

Syndication convention
    Within any credit, ``A via B``, ``A (via B)`` and ``A/B`` all read left to right as
    origin → carrier: A gets the role of the line (``original_reporter`` for a dateline or
    ``Source:``, ``translated_from`` for ``Translated from``) and every later name is
    ``distributed_by``. So ``/Trend via Xinhua/`` and ``(Trend/Xinhua)`` both mean "Trend reported
    it, Xinhua passed it on", and ``Translated from Kazinform via Trend`` means the newsroom
    translated Kazinform's text, received through Trend.

Inline credits (candidates, ``explicit=False``), left in the body
    Only in the lede, because attribution further down quotes people ("according to the
    minister") rather than naming the wire source. The lede is the opening paragraphs up to
    ``LEDE_WORDS`` words, however the agency cut them into paragraphs (:func:`lede`):
    ``..., reports X``, ``..., reported X``, ``X reports``, ``X reported``, ``X said``,
    ``X (state) (news) agency reported``, ``X said in a report``, ``told (the) X``,
    ``according to (the) X``, ``citing (the) X``, ``news agency 'X'`` (quoted), and the Russian
    ``..., сообщает X``, ``... – передает X``, ``сообщают (российский) X, Y``, ``по данным X``,
    ``со ссылкой на X``. A name followed by its acronym in brackets ("Anadolu Agency (AA)")
    yields both spellings.
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

LEDE_WORDS = 40  # about the first sentence or two of agency copy
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
_DATE_WORDS = frozenset(
    {
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "monday", "tuesday", "wednesday"),
        *("thursday", "friday", "saturday", "sunday", "today", "yesterday"),
    }
)
_NAME_JOINERS = frozenset({"of", "de", "du", "des", "da", "di", "del", "al", "el", "&"})

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_TRANSLATED = re.compile(
    r"^translated\s+(?:by\s+.+?\s+)?from\s+(?P<names>.+?)(?:\s+by\s+.+)?$", re.IGNORECASE
)
_SOURCE = re.compile(
    r"^(?:sources?|источник)\s*(?::|-+|[\u2013\u2014])\s*(?P<names>.+)$", re.IGNORECASE
)
_SIGN_OFF = re.compile(
    r"^(?:[-\u2013\u2014]+\s*(?P<dashed>[^-\u2013\u2014]+?)\s*[-\u2013\u2014]*|/\s*(?P<slashed>[^/]+?)\s*/)$"
)
_PARENTHESISED = re.compile(r"^\((?P<names>[^()]*(?:\([^()]*\)[^()]*)?)\)$")

_VIA = re.compile(r"\s+via\s+|\s*/\s*", re.IGNORECASE)
_PAREN_VIA = re.compile(r"\s*\(\s*via\s+([^()]+)\)", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+")

# Inline attribution: the name follows the verb ...
_NAME_AFTER = re.compile(
    r",\s*report(?:s|ed)\s+(?:the\s+)?|\baccording\s+to\s+(?:the\s+|an?\s+)?|\bciting\s+(?:the\s+)?"
    r"|\btold\s+(?:the\s+)?"
    # Russian-language wires (Trend, Kazinform, AKIpress file in Russian): "..., сообщает X",
    # "... – передает X", "сообщают российский X", "по данным X", "со ссылкой на X".
    r"|(?:,\s*|\s[\u2013\u2014-]\s*|(?<!\w)этом\s+)"
    r"(?:сообща(?:ет|ют)|сообщил[аио]?|переда[её]т|передают|передал[аио]?|пишет)"
    r"\s+(?:российск(?:ий|ое|ая|ие)\s+)?"
    r"|(?<!\w)по\s+(?:данным|сообщению|информации)\s+|(?<!\w)со\s+ссылкой\s+на\s+",
    re.IGNORECASE,
)
# ... or precedes it.
_NAME_BEFORE = re.compile(
    # "AzerTag news agency reported" (lowercase: "Saudi Press Agency reported" is all name)
    r"\s(?-i:(?:state\s+)?(?:news\s+)?agency\s+)?(?:report(?:s|ed)|said\s+in\s+a\s+report|said|informs)\b",
    re.IGNORECASE,
)
# "... reported by the news agency 'Turkmenistan: Golden age'": the quotes delimit the name.
_QUOTED_AGENCY = re.compile(
    r"\b(?:news\s+)?agency\s+[\"'\u2018\u201c\u00ab](?P<name>[^\"'\u2019\u201d\u00bb]{2,60})[\"'\u2019\u201d\u00bb]",
    re.IGNORECASE,
)
_PLURAL_VERB = re.compile(r"(?:сообщают|передают)", re.IGNORECASE)
_ACRONYM_IN_BRACKETS = re.compile(r"^\((?P<acronym>[^\W\d_][\w.\-]{0,11})\)[.,;:]?$")


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
    if (match := _SIGN_OFF.match(text)) and _looks_like_credit(
        # Today.az closes "/By Trend/": the "By" names the source, not a person.
        names := re.sub(r"^by\s+", "", match["dashed"] or match["slashed"], flags=re.IGNORECASE)
    ):
        return credit_chain(names, CreditRole.ORIGINAL_REPORTER, explicit=True, where=where), ""
    return None


def _looks_like_credit(names: str) -> bool:
    # "(Reporting by Jane Doe; Editing by John Roe)" and "(File)" must stay in the body.
    words = names.split()
    # German agencies sign in lower case: "(dpa)", "(dapd)".
    lowercase_agency = len(words) == 1 and names.islower() and len(names) <= 5
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and (words[0][:1].isupper() or lowercase_agency)
        and not re.search(r"\b(?:by|file|photo|video|more|updated?)\b", names, re.IGNORECASE)
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


# --- inline credits -------------------------------------------------------------------------


def lede(paragraphs: list[str]) -> list[str]:
    """The opening paragraphs up to ``LEDE_WORDS`` words: a lede cut into short lines is whole."""
    words = 0
    for count, paragraph in enumerate(paragraphs, start=1):
        words += len(paragraph.split())
        if words >= LEDE_WORDS:
            return paragraphs[:count]
    return list(paragraphs)


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
        words = paragraph[match.end() :].split(maxsplit=3 * _MAX_NAME_WORDS)
        # "сообщают «Интерфакс», РИА Новости": a list goes on after a comma, once.
        for _ in range(2):
            name, used, listed = _capitalised_run(words[:_MAX_NAME_WORDS])
            yield from _with_acronym(name, words[used : used + 1])
            if not (name and listed and _PLURAL_VERB.search(match[0])):
                break
            words = words[used:]
    for match in _NAME_BEFORE.finditer(paragraph):
        words = paragraph[: match.start()].split()[-_MAX_NAME_WORDS:]
        if words and (acronym := _ACRONYM_IN_BRACKETS.match(words[-1])):
            # "Saudi Press Agency (SPA) reported": both spellings.
            yield acronym["acronym"]
            words = words[:-1]
        name = _capitalised_run_before(words)
        # "..., UzA said." names a source; "Minister Soylu said" quotes a person, so a bare
        # "said" counts only after a comma, as agencies place their name.
        if match[0].strip().casefold() == "said":
            before = words[: len(words) - len(name.split())]
            if not (before and before[-1].endswith(",")):
                continue
        if name and not re.search(r"['\u2019]s\b", name):
            yield name
    for match in _QUOTED_AGENCY.finditer(paragraph):
        yield clean_text(match["name"])


def _with_acronym(name: str, following: list[str]) -> Iterator[str]:
    """The name, and the acronym in brackets right after it ("Anadolu Agency (AA)")."""
    if not name:
        return
    yield name
    if following and (match := _ACRONYM_IN_BRACKETS.match(following[0])):
        yield match["acronym"]


def _capitalised_run(words: list[str]) -> tuple[str, int, bool]:
    """The capitalised words at the start of ``words``, up to the first punctuation.

    Returns the name, how many words it took and whether a comma ended it (a list may go on).
    """
    run: list[str] = []
    ended_by_comma = False
    for word in words:
        if word.startswith("(") and run:
            break  # "(AA)" after a name is its acronym, read by _with_acronym
        if word.rstrip(".,").casefold() in _DATE_WORDS:
            break  # "told Trend Oct. 22"
        bare = word.rstrip(",;:!?)" + _QUOTES)
        if not (_is_capitalised(bare) or (run and bare in _NAME_JOINERS)):
            break
        run.append(bare)
        if bare != word or (bare.endswith(".") and not _ACRONYM.fullmatch(bare)):
            ended_by_comma = word.rstrip(_QUOTES).endswith(",")
            break  # punctuation ends the name
    used = len(run)
    while run and run[-1] in _NAME_JOINERS:
        run.pop()
    return _accept(" ".join(run)), used, ended_by_comma


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
