"""Wire ingest: parsed items become WireStory rows, one transaction per item.

The same payload twice writes nothing; a changed payload under a known guid becomes the next
version, never an overwrite. Credits resolve only to known agencies and aliases: an explicit
credit that names no known agency is kept verbatim as an unresolved attribution for an editor to
map; an inline mention ("according to X") that names no agency is dropped, since X is usually a
person.
"""

import enum
import hashlib
import os
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import py3langid.langid
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Max

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
from articles.ingest.normalise import clean_language, normalise_item
from articles.ingest.registry import parse
from articles.models import Agency, Attribution, PubStatus, WireStory


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
def _language_identifier() -> py3langid.langid.LanguageIdentifier:
    model = py3langid.langid.MODEL_DIR / py3langid.langid.MODEL_FILE
    return py3langid.langid.LanguageIdentifier.from_modelpath(model, norm_probs=True)


def detect_language(text: str) -> str:
    """The language of `text` as a BCP 47 tag, or "" when the text is too short or ambiguous."""
    if len(text) < MIN_DETECTION_CHARS:
        return ""
    language, confidence = _language_identifier().classify(text)
    return language if confidence >= MIN_DETECTION_CONFIDENCE else ""


def _resolve_delivering_agency(item: ParsedItem, agency: Agency | None) -> Agency:
    if agency is not None:
        return agency
    found = Agency.objects.by_name(item.agency_name) if item.agency_name else None
    if found is None:
        named = (
            f"names {item.agency_name!r}, which is no known agency or alias"
            if (item.agency_name)
            else "does not name its agency"
        )
        raise IngestError(f"the item {named}: pass --agency SLUG or add the agency or alias")
    return found


def _attributions(item: ParsedItem, wire_story: WireStory) -> list[Attribution]:
    attributions: dict[tuple[str, str], Attribution] = {}
    for position, credit in enumerate(item.credits):
        agency = Agency.objects.by_name(credit.name)
        if agency is None and not credit.explicit:
            continue
        key = (str(credit.role), credit.name)
        attributions.setdefault(
            key,
            Attribution(
                wire_story=wire_story,
                agency=agency,
                credited_name=credit.name,
                role=credit.role,
                position=position,
            ),
        )
    return list(attributions.values())


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
    # The payload's word first, then the caller's, then the text itself, then the agency's habit.
    language = (
        item.language
        or language
        or detect_language(" ".join([item.headline, *item.paragraphs[:3]]))
        or agency.default_language
    )
    if not language:
        raise IngestError("the item does not say its language: pass --language")
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
        wire_story = WireStory.objects.create(
            agency=agency,
            guid=item.guid,
            version=latest + 1,
            agency_version=item.agency_version,
            language=language,
            headline=item.headline,
            summary=item.summary,
            paragraphs=item.paragraphs,
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
        )
        attributions = Attribution.objects.bulk_create(_attributions(item, wire_story))
    action = Action.NEW_VERSION if latest else Action.CREATED
    unresolved = [a.credited_name for a in attributions if a.agency_id is None]
    message = (
        f"{action} {wire_story.headline!r} ({agency.slug}, v{wire_story.version}, "
        f"{len(item.paragraphs)} paragraphs, {len(attributions)} attributions"
        + (f", unresolved credits: {', '.join(unresolved)}" if unresolved else "")
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
    outcomes = []
    with transaction.atomic():
        for result in parse(data, path.name, language=language):
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
