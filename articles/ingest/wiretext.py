"""The classic wire text formats: IPTC 7901 and ANPA 1312.

Both frame a story in control characters: SOH (0x01, in ANPA after two SYN 0x16) opens the
envelope, STX (0x02) the text, ETX (0x03) ends it. They are recognised by those bytes, ahead of
plain text, and one file may hold several stories (each SOH ... ETX is one item).

ANPA 1312 (AP and the American wires)
    After SOH, a service line (``z6715-----``) and the header: priority, category, keyword (the
    slug), the version (``1stLd-Writethru``, ``Correction``, ``Refile``), date ``MM-DD`` and word
    count, e.g. ``r z BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500``. After STX, lines
    opening with ``^`` and closing with ``<`` or ``=``: the keyword line, the headline, notes
    (``Eds: ...``, kept internal), the byline (``By ...=`` and the line under it). Paragraphs open
    with a tab; ``_`` between spaces is a dash and ````...''`` are quotes. The closing
    ``AP-WF-11-13-13 1509GMT`` line is dropped.

IPTC 7901 (dpa, AFP, ANSA and the European wires)
    After SOH, the header line: source and sequence, priority, category, word count and the rest
    (``ecp0007 4 s 850  dpa-tns 0908``); then header lines up to STX (the keyword line,
    ``American Football/NFL/``). The first line of the text is the headline, a line ending
    ``=`` the byline, blank lines separate paragraphs. "The following information is not
    intended for publication" and what follows is kept internal; the sign-off (``dpa tca bag``)
    and the date-time group (``211259 Nov 18``) close the text.

Versions, corrections, kills and service messages
    The version label (ANPA header; ``REFILE``, ``CORRECTED``, ``UPDATE 2``, ``1st Ld-Writethru``
    opening a 7901 keyword or headline) is ``agency_version``; the item's guid comes from the
    source and keyword, so a writethru or correction of the same keyword is the story's next
    version. ``KILL`` / ``ELIMINATION`` mark the story ``canceled`` and ``WITHHOLD`` ``withheld``
    (the source-canceled path then shows on translations made from it). Line tests, budgets,
    digests, schedules and advisories are service messages: skipped, with the reason.

Encodings
    UTF-8 when the bytes are UTF-8; else a declaration in the header (``charset=windows-1251``);
    else charset-normalizer's detection, used only when it is sure (little "chaos", a coherent
    language), and said in a warning. Otherwise the item is refused, naming the candidates: never
    a silent guess.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from .base import MAX_HEADLINE_LENGTH, ParsedItem, ParseError, ParseResult, SkippedItem, clean_text
from .credits import dedupe_credits, inline_credits, lede
from .ledes import read_lede
from .registry import register

SOH, STX, ETX, SYN = b"\x01", b"\x02", b"\x03", b"\x16"
_MAX_CHAOS = 0.1  # charset-normalizer's "mess" ratio above which a decoding is not trusted
_MIN_COHERENCE = 0.2

_DECLARED = re.compile(rb"(?:charset|encoding)\s*[:=]\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
_ANPA_HEADER = re.compile(
    r"^(?P<priority>\S)\s(?P<category>\S)\s(?P<keyword>\S+)\s*(?P<version>.*?)\s+"
    r"(?P<date>\d\d-\d\d)\s+(?P<words>\d{3,5})\s*$"
)
_IPTC_HEADER = re.compile(
    r"^(?P<source>[A-Za-z]*)(?P<sequence>\d*)\s+(?P<priority>\S)\s+(?P<category>\S)\s+"
    r"(?P<words>\d+)\s*(?P<rest>.*)$"
)
_VERSION_LABEL = re.compile(
    r"\b(?P<label>\d+(?:st|nd|rd|th)\s?Ld(?:-Writethru)?|Writethru|REFILE|CORRECT(?:ED|ION|S)|"
    r"UPDATE\s*\d*|URGENT|Berichtigung|Neufassung)\b",
    re.IGNORECASE,
)
_KILL = re.compile(r"\b(?:KILL|ELIMINATION|STORY\s+WITHDRAWN|Sperrvermerk)\b")
_WITHHOLD = re.compile(r"\bWITHHOLD\b")
# Service messages announce themselves in capitals at the start of the keyword or headline
# ("BC-LINE-TEST", "ADVISORY: ...", "AP-BUDGET"): "Senate passes budget" is a story.
_SERVICE = re.compile(
    r"^(?:[A-Z]{2}-)*(?:[A-Z]{2,4}--)?(?P<kind>LINE[\s-]*TEST|TEST(?:\s+MESSAGE)?|BUDGET|DIGEST|"
    r"SCHEDULE|ADVISORY|SERVICE\s+MESSAGE|QUICK\s+BROWN\s+FOX|TERMINVORSCHAU|TAGESVORSCHAU)\b"
)
_NOT_FOR_PUBLICATION = re.compile(r"not (?:intended )?for publication", re.IGNORECASE)
_DTG = re.compile(r"^\d{6}\s+[A-Z][a-z]{2}\s+\d{2}$")  # "211259 Nov 18"
_SIGN_OFF = re.compile(r"^[a-z]{2,5}(?:\s+[a-z]{2,5}){1,3}$")  # "dpa tca bag"
_AP_TRAILER = re.compile(r"^[A-Z]{2}-[A-Z]{2}-\d\d-\d\d-\d\d\s+\d{4}GMT<?$")


@dataclass
class _Envelope:
    header: list[str]
    text: list[str]
    where: str


@dataclass
class _Read:
    headline: str = ""
    byline: str = ""
    keyword: str = ""
    version: str = ""
    notes: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    service: str = ""  # what makes it no story


class _WireTextParser:
    name = ""
    envelope_start = SOH

    def sniff(self, data: bytes, filename: str) -> bool:
        raise NotImplementedError

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list[ParseResult]:
        chunks = [c for c in data.split(self.envelope_start)[1:] if c.strip(SYN + b" \r\n")]
        if not chunks:
            return [ParseError(f"no {self.name} envelope: no SOH control character")]
        results: list[ParseResult] = []
        for number, chunk in enumerate(chunks, start=1):
            where = f"item {number}" if len(chunks) > 1 else ""
            try:
                results.append(self._item(chunk, where=where, language=language))
            except ParseError as error:
                results.append(ParseError(error.message, where=where or error.where))
        return results

    def _item(self, chunk: bytes, *, where: str, language: str) -> ParseResult:
        head, stx, rest = chunk.partition(STX)
        if not stx:
            raise ParseError("no STX: the envelope has no text")
        body = rest.split(ETX, 1)[0]
        text, warning = decode(head + b"\n" + STX + body)
        header_text, _, body_text = text.partition("\x02")
        envelope = _Envelope(
            header=[line for line in header_text.splitlines() if line.strip(" \x16\r")],
            text=body_text.splitlines(),
            where=where,
        )
        read = self.read(envelope)
        if warning:
            read.warnings.append(warning)
        if read.service:
            return SkippedItem(f"a service message ({read.service}), no story", where=where)
        return self._item_from(read, raw=chunk, language=language)

    def read(self, envelope: _Envelope) -> _Read:
        raise NotImplementedError

    def _item_from(self, read: _Read, *, raw: bytes, language: str) -> ParsedItem:
        if not read.headline:
            raise ParseError("no headline in the text")
        if len(read.headline) > MAX_HEADLINE_LENGTH:
            raise ParseError(f"headline is {len(read.headline)} characters")
        paragraphs = [p for p in read.paragraphs if p]
        if not paragraphs:
            raise ParseError(f"only a headline ({read.headline!r}), no body text")
        status = "usable"
        flags = " ".join([read.keyword, read.version, read.headline, paragraphs[0][:80]])
        if _KILL.search(flags):
            status = "canceled"
        elif _WITHHOLD.search(flags):
            status = "withheld"
        opening = read_lede(paragraphs, where="paragraph 1")
        identity = read.keyword or read.headline
        return ParsedItem(
            format=self.name,
            guid=f"{self.name}:" + hashlib.sha256(identity.casefold().encode()).hexdigest(),
            headline=read.headline,
            paragraphs=paragraphs,
            raw=raw,
            language=language,
            byline=read.byline or opening.byline,
            dateline=opening.dateline,
            credits=dedupe_credits([*opening.credits, *inline_credits(lede(paragraphs))]),
            agency_version=read.version,
            pub_status=status,
            warnings=read.warnings,
            internal_notes="\n".join(read.notes),
        )


def decode(data: bytes) -> tuple[str, str]:
    """The text, and a warning when it was not UTF-8; ParseError when the encoding is unclear."""
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    if declared := _DECLARED.search(data):
        name = declared[1].decode("ascii")
        try:
            return data.decode(name), f"decoded as {name}, as the header declares"
        except (LookupError, UnicodeDecodeError) as error:
            raise ParseError(f"the header declares {name}, but the text is not: {error}") from None
    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > _MAX_CHAOS or best.coherence < _MIN_COHERENCE:
        candidates = ", ".join(
            f"{m.encoding} ({m.chaos:.0%} mess, {m.coherence:.0%} coherent)" for m in matches
        )
        raise ParseError(
            "not UTF-8 and no declared encoding, and detection is unsure "
            f"(candidates: {candidates or 'none'}): deliver UTF-8 or declare the charset"
        )
    return str(best), f"not UTF-8: decoded as {best.encoding} (detected, {best.chaos:.0%} mess)"


def _version_label(*texts: str) -> str:
    for text in texts:
        if match := _VERSION_LABEL.search(text):
            return re.sub(r"\s+", " ", match["label"]).strip()
    return ""


def service_message(*texts: str) -> str:
    """What kind of service message the keyword or headline announces, else ""."""
    for text in texts:
        if match := _SERVICE.match(text.strip()):
            return re.sub(r"[\s-]+", " ", match["kind"]).lower()
    return ""


def _typography(text: str) -> str:
    # ANPA's 7-bit stand-ins: `` '' for quotes and _ for a dash.
    text = text.replace("``", "\u201c").replace("''", "\u201d")
    return re.sub(r"\s_\s", " \u2014 ", text)


# --- ANPA 1312 -------------------------------------------------------------------------------


class Anpa1312Parser(_WireTextParser):
    name = "anpa1312"
    envelope_start = SYN + SYN + SOH

    def sniff(self, data: bytes, filename: str) -> bool:
        return data.lstrip(b"\r\n").startswith(SYN + SYN + SOH) and STX in data

    def read(self, envelope: _Envelope) -> _Read:
        read = _Read()
        header = next((m for line in envelope.header if (m := _ANPA_HEADER.match(line))), None)
        if header is None:
            raise ParseError(
                "no ANPA header line (priority, category, keyword, version, MM-DD, word count)",
                where="header",
            )
        read.keyword = header["keyword"]
        read.version = _version_label(header["version"]) or header["version"].strip()
        caret_lines, paragraphs, current = [], [], []
        for line in envelope.text:
            if line.startswith("^"):
                caret_lines.append(line[1:].rstrip().rstrip("<=").strip())
            elif line.startswith("\t"):
                if current:
                    paragraphs.append(" ".join(current))
                current = [line.strip()]
            elif line.strip() and current:
                current.append(line.strip())
        if current:
            paragraphs.append(" ".join(current))
        self._caret(caret_lines, read)
        read.paragraphs = [
            clean_text(_typography(p.rstrip("<")))
            for p in paragraphs
            if not _AP_TRAILER.match(p.strip()) and p.strip(" <") not in ("___", "")
        ]
        read.service = service_message(read.keyword, read.headline)
        return read

    def _caret(self, lines: list[str], read: _Read) -> None:
        """The ^-lines: keyword line, headline, notes, byline and the line under it."""
        lines = [line for line in lines if line]
        if lines and read.keyword.split("--")[0] in lines[0]:
            read.version = read.version or _version_label(lines[0])
            lines = lines[1:]
        byline_at = next((i for i, line in enumerate(lines) if line.startswith("By ")), None)
        if byline_at is not None:
            read.byline = lines[byline_at].removeprefix("By ").strip()
            lines = lines[:byline_at]
        for line in lines:
            if re.match(r"^(?:Eds?|Editors?)\s*:", line) or line.startswith("AP Photo"):
                read.notes.append(line)
            elif not read.headline:
                read.headline = clean_text(_typography(line))


# --- IPTC 7901 -------------------------------------------------------------------------------


class Iptc7901Parser(_WireTextParser):
    name = "iptc7901"

    def sniff(self, data: bytes, filename: str) -> bool:
        start = data.lstrip(b"\r\n")
        return start.startswith(SOH) and STX in data and not start.startswith(SYN)

    def read(self, envelope: _Envelope) -> _Read:
        read = _Read()
        header = (
            _IPTC_HEADER.match(envelope.header[0].strip(" \x16\r")) if envelope.header else None
        )
        if header is None:
            raise ParseError(
                "no IPTC 7901 header line (source, sequence, priority, category, word count)",
                where="header",
            )
        read.keyword = " ".join(line.strip().rstrip("/") for line in envelope.header[1:])
        blocks = _blocks(envelope.text)
        if not blocks:
            raise ParseError("the text is empty")
        first = blocks.pop(0)
        read.headline = clean_text(first[0])
        if len(first) > 1 and first[-1].rstrip().endswith("="):
            read.byline = clean_text(first[-1].rstrip().rstrip("=")).removeprefix("By ").strip()
            first = first[:-1]
        paragraphs = [" ".join(first[1:])] if len(first) > 1 else []
        in_notes = False
        for block in blocks:
            joined = clean_text(" ".join(block))
            if _NOT_FOR_PUBLICATION.search(joined):
                in_notes = True
                continue
            if in_notes:
                read.notes.append(joined)
            elif not (_DTG.match(joined) or _SIGN_OFF.match(joined) or joined in ("* * * *",)):
                paragraphs.append(joined)
        read.paragraphs = [clean_text(p) for p in paragraphs]
        read.version = _version_label(read.keyword, read.headline)
        if read.version and read.headline.upper().startswith(read.version.upper()):
            # "REFILE Chiefs and Rams ...": the label is the version, not part of the headline.
            read.headline = read.headline[len(read.version) :].lstrip(" :-")
        read.service = service_message(read.keyword, read.headline)
        rest = header["rest"].strip()
        if rest:
            read.notes.insert(0, f"Wire header: {envelope.header[0].strip()}")
        return read


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


register(Anpa1312Parser())
register(Iptc7901Parser())
