"""Wire ingest: parsed items become WireStory rows, one transaction per item.

The same payload twice writes nothing; a changed payload under a known guid becomes the next
version, never an overwrite. Credits resolve only to known agencies and aliases: an explicit
credit that names no known agency is kept verbatim as an unresolved attribution for an editor to
map; an inline mention ("according to X") that names no agency is dropped, since X is usually a
person. Credits that resolve to the same agency in the same role are one attribution, whose other
spellings are kept in ``other_spellings``.

The delivering agency is the one given (``--agency``, the feed), else the item's own agency field,
else the one registered agency its explicit credits name ("Source: Trend News Agency"); an item
naming none, or several, is refused with the names it gave.

Language: the item's word, then the caller's, then detection on the cleaned body when it is
confident; otherwise the agency's usual language, marked as a guess (``language_source``) so the
queue shows it as uncertain until a translator confirms it.
"""

import enum
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Max

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
from articles.ingest.normalise import clean_language, normalise_item
from articles.ingest.registry import parse
from articles.models import Agency, Attribution, LanguageSource, PubStatus, WireStory
from articles.services.clusters import wire_story_place

if TYPE_CHECKING:
    import py3langid.langid


class Action(enum.StrEnum):
    CREATED = "created"
    NEW_VERSION = "new version"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class IngestOutcome:
    source: str  # file name, with "item N" for one item of a list
    action: Action
    message: str
    wire_story: WireStory | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class IngestError(Exception):
    """One item cannot go in; the message says why."""


# Below these, a guess is worse than asking for --language.
MIN_DETECTION_CHARS = 40
MIN_DETECTION_CONFIDENCE = 0.9


@cache
def _language_identifier() -> "py3langid.langid.LanguageIdentifier":
    # Imported on first use: it brings numpy, which no web worker needs.
    import py3langid.langid

    model = py3langid.langid.MODEL_DIR / py3langid.langid.MODEL_FILE
    return py3langid.langid.LanguageIdentifier.from_modelpath(model, norm_probs=True)


_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Detection:
    language: str  # "" when the text is too short to say anything
    confidence: float

    @property
    def is_confident(self) -> bool:
        return bool(self.language) and self.confidence >= MIN_DETECTION_CONFIDENCE


def detect(text: str) -> Detection:
    """What the detector says about `text`, however unsure."""
    text = _URL.sub(" ", text)
    if len(text.strip()) < MIN_DETECTION_CHARS:
        return Detection("", 0.0)
    language, confidence = _language_identifier().classify(text)
    return Detection(language, float(confidence))


def detect_language(text: str) -> str:
    """The language of `text` as a BCP 47 tag, or "" when the text is too short or ambiguous."""
    detection = detect(text)
    return detection.language if detection.is_confident else ""


def _resolve_delivering_agency(item: ParsedItem, agency: Agency | None) -> Agency:
    if agency is not None:
        return agency
    if item.agency_name and (found := Agency.objects.by_name(item.agency_name)):
        return found
    # "Source: Trend News Agency": the item's own explicit credit, when it names one agency.
    credited = [credit.name for credit in item.credits if credit.explicit]
    agencies = {found for name in credited if (found := Agency.objects.by_name(name))}
    if len(agencies) == 1:
        return agencies.pop()
    seen = list(dict.fromkeys(filter(None, [item.agency_name, *credited])))
    if len(agencies) > 1:
        names = ", ".join(sorted(a.name for a in agencies))
        problem = f"its credits name several agencies ({names}), so which delivered it is unclear"
    elif seen:
        problem = f"it names {', '.join(map(repr, seen))}, none a registered agency or alias"
    else:
        problem = "it names no agency"
    raise IngestError(
        f"no delivering agency: {problem}; pass --agency SLUG or add the agency or alias"
    )


def _attributions(item: ParsedItem, wire_story: WireStory) -> list[Attribution]:
    attributions: dict[tuple[str, object], Attribution] = {}
    for position, credit in enumerate(item.credits):
        agency = Agency.objects.by_name(credit.name)
        if agency is None and not credit.explicit:
            continue
        key = (str(credit.role), agency.pk if agency else credit.name.casefold())
        if (existing := attributions.get(key)) is not None:
            spellings = [existing.credited_name, *existing.other_spellings]
            if credit.name not in spellings:
                existing.other_spellings.append(credit.name)
            continue
        attributions[key] = Attribution(
            wire_story=wire_story,
            agency=agency,
            credited_name=credit.name,
            other_spellings=[],
            role=credit.role,
            position=position,
        )
    return list(attributions.values())


def _text_of_cancel_notice(item: ParsedItem, versions) -> tuple[str, list[str]]:
    """Headline and paragraphs to store; a bare cancel notice keeps the text it cancels.

    Agencies send a kill as the item's guid with pubStatus canceled and often no text at all; the
    canceled version must still show translators what was canceled.
    """
    if item.paragraphs and item.headline:
        return item.headline, item.paragraphs
    if item.pub_status != PubStatus.CANCELED:
        raise IngestError("no headline or no text")
    previous = versions.order_by("-version").first()
    if previous is None:
        raise IngestError(
            f"a cancel notice for {item.guid}, which was never received: nothing to cancel"
        )
    return item.headline or previous.headline, item.paragraphs or previous.paragraphs


def _language(
    item: ParsedItem, *, language: str, agency: Agency
) -> tuple[str, LanguageSource, Detection | None]:
    """The payload's word first, then the caller's, then the text itself, then the agency's habit.

    Detection reads the cleaned body (headline and paragraphs, credit lines and datelines already
    taken off by the parser), so a leftover credit cannot tip it.
    """
    if item.language:
        return item.language, LanguageSource.ITEM, None
    if language:
        return language, LanguageSource.INGEST, None
    detection = detect(" ".join([item.headline, *item.paragraphs]))
    if detection.is_confident:
        return detection.language, LanguageSource.DETECTED, detection
    if not agency.default_language:
        guess = f" (detection guessed {detection.language!r})" if detection.language else ""
        raise IngestError(f"the item does not say its language{guess}: pass --language")
    return agency.default_language, LanguageSource.AGENCY_DEFAULT, detection


def ingest_item(
    item: ParsedItem, *, source: str, agency: Agency | None = None, language: str = ""
) -> IngestOutcome:
    """Store one parsed item; raises IngestError when it cannot go in.

    Whatever parser made ``item``, it is normalised and validated first
    (:mod:`articles.ingest.normalise`), so no parser can write what the columns cannot hold.
    """
    try:
        item = normalise_item(item)
        language = clean_language(language)
    except ParseError as error:
        raise IngestError(str(error)) from None
    agency = _resolve_delivering_agency(item, agency)
    language, language_source, detection = _language(item, language=language, agency=agency)
    if item.pub_status not in PubStatus.values:
        raise IngestError(f"unknown pub status {item.pub_status!r}")
    checksum = hashlib.sha256(item.raw).hexdigest()
    with transaction.atomic():
        versions = WireStory.objects.select_for_update().filter(agency=agency, guid=item.guid)
        existing = versions.filter(checksum=checksum).first()
        if existing is not None:
            return IngestOutcome(
                source, Action.UNCHANGED, f"unchanged, already {existing}", existing
            )
        latest = versions.aggregate(latest=Max("version"))["latest"] or 0
        headline, paragraphs = _text_of_cancel_notice(item, versions)
        wire_story = WireStory.objects.create(
            agency=agency,
            guid=item.guid,
            version=latest + 1,
            agency_version=item.agency_version,
            language=language,
            language_source=language_source,
            detected_language=detection.language if detection else "",
            detection_confidence=detection.confidence if detection else None,
            headline=headline,
            summary=item.summary,
            paragraphs=paragraphs,
            byline=item.byline,
            dateline=item.dateline,
            credit_line=item.credit_line,
            sent_at=item.sent_at,
            embargo_until=item.embargo_until,
            pub_status=item.pub_status,
            source_url=item.source_url,
            format=item.format,
            raw_payload=item.raw,
            checksum=checksum,
            parse_warnings=item.warnings,
            internal_notes=item.internal_notes,
        )
        attributions = Attribution.objects.bulk_create(_attributions(item, wire_story))
        wire_story_place(wire_story=wire_story)
    action = Action.NEW_VERSION if latest else Action.CREATED
    unresolved = [a.credited_name for a in attributions if a.agency_id is None]
    message = (
        f"{action} {wire_story.headline!r} ({agency.slug}, v{wire_story.version}, "
        f"{len(wire_story.paragraphs)} paragraphs, {len(attributions)} attributions"
        + (f", unresolved credits: {', '.join(unresolved)}" if unresolved else "")
        + (", language uncertain" if wire_story.is_language_uncertain else "")
        + (f", read leniently: {'; '.join(item.warnings)}" if item.warnings else "")
        + ")"
    )
    return IngestOutcome(source, action, message, wire_story)


def display_name(path: Path | str) -> str:
    """The path as one printable line: control characters, newlines, terminal escapes and bytes
    that are not UTF-8 are shown as Python escapes, so a file name cannot forge output."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape", "backslashreplace").decode()
        for char in str(path)
    )


def read_delivery(path: Path, *, follow_symlinks: bool = False) -> bytes:
    """The bytes of a regular file of at most NEWSROOM_INGEST_MAX_BYTES; IngestError otherwise.

    A symbolic link is refused unless ``follow_symlinks``: an ingest directory writable by an
    agency's upload account must not become a way to read /etc/shadow into the wire queue. The
    checks are made on the opened descriptor, so the file cannot be swapped in between.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow_symlinks else os.O_NOFOLLOW)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if not follow_symlinks and path.is_symlink():
            raise IngestError(
                "is a symbolic link: refused (pass --follow-symlinks to read it)"
            ) from None
        raise IngestError(f"cannot read: {error.strerror}") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        raise IngestError("is not a regular file (a directory, pipe or device): refused")
    with os.fdopen(descriptor, "rb") as file:
        limit = settings.NEWSROOM_INGEST_MAX_BYTES
        if status.st_size > limit:
            raise IngestError(f"is {status.st_size} bytes, the limit is {limit}")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise IngestError(f"is over {limit} bytes, the limit")
    return data


def ingest_file(
    path: Path,
    *,
    agency: Agency | None = None,
    language: str = "",
    dry_run: bool = False,
    follow_symlinks: bool = False,
) -> list[IngestOutcome]:
    """Ingest every item of one file, in one transaction for the file.

    A bad item (a ParseError, an IngestError, a row the database refuses) is reported and rolled
    back to its own savepoint while the file's good items go in; anything else raised escapes
    with the file's whole transaction rolled back, so a file is never half-ingested by a bug.
    """
    name = display_name(path)
    try:
        data = read_delivery(path, follow_symlinks=follow_symlinks)
    except IngestError as error:
        return [IngestOutcome(name, Action.FAILED, str(error))]
    return ingest_data(data, name=name, agency=agency, language=language, dry_run=dry_run)


def ingest_data(
    data: bytes,
    *,
    name: str,
    agency: Agency | None = None,
    language: str = "",
    format: str = "",
    dry_run: bool = False,
) -> list[IngestOutcome]:
    """Ingest every item of one delivery (a file's or an HTTP response's bytes) named ``name``,
    in one transaction for the delivery.

    ``format`` forces a parser by name (a feed set to one format); by default the content decides.
    A bad item (a ParseError, an IngestError, a row the database refuses) is reported and rolled
    back to its own savepoint while the good items go in; anything else raised escapes with the
    delivery's whole transaction rolled back, so a delivery is never half-ingested by a bug.
    """
    outcomes = []
    with transaction.atomic():
        for result in parse(data, Path(name).name, language=language, format=format):
            if isinstance(result, ParseError):
                outcomes.append(IngestOutcome(name, Action.FAILED, str(result)))
                continue
            if isinstance(result, SkippedItem):
                outcomes.append(IngestOutcome(name, Action.SKIPPED, f"skipped: {result}"))
                continue
            location = display_name(result.location)
            source = f"{name} [{location}]" if location else name
            try:
                with transaction.atomic():
                    outcome = ingest_item(result, source=source, agency=agency, language=language)
            except (IngestError, DatabaseError) as error:
                outcome = IngestOutcome(source, Action.FAILED, str(error))
            outcomes.append(outcome)
        if dry_run:
            transaction.set_rollback(True)
    return outcomes
