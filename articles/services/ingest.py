"""Wire ingest: parsed items become WireStory rows, one transaction per item.

The same payload twice writes nothing; a changed payload under a known guid becomes the next
version, never an overwrite. Credits resolve only to known agencies and aliases: an explicit
credit that names no known agency is kept verbatim as an unresolved attribution for an editor to
map; an inline mention ("according to X") that names no agency is dropped, since X is usually a
person.
"""

import enum
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import py3langid.langid
from django.db import IntegrityError, transaction
from django.db.models import Max

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
from articles.ingest.registry import parse
from articles.models import Agency, Attribution, PubStatus, WireStory
from articles.services.clusters import wire_story_place


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


def ingest_item(
    item: ParsedItem, *, source: str, agency: Agency | None = None, language: str = ""
) -> IngestOutcome:
    """Store one parsed item; raises IngestError when it cannot go in."""
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
        headline, paragraphs = _text_of_cancel_notice(item, versions)
        wire_story = WireStory.objects.create(
            agency=agency,
            guid=item.guid,
            version=latest + 1,
            agency_version=item.agency_version,
            language=language,
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
        )
        attributions = Attribution.objects.bulk_create(_attributions(item, wire_story))
        wire_story_place(wire_story=wire_story)
    action = Action.NEW_VERSION if latest else Action.CREATED
    unresolved = [a.credited_name for a in attributions if a.agency_id is None]
    message = (
        f"{action} {wire_story.headline!r} ({agency.slug}, v{wire_story.version}, "
        f"{len(wire_story.paragraphs)} paragraphs, {len(attributions)} attributions"
        + (f", unresolved credits: {', '.join(unresolved)}" if unresolved else "")
        + ")"
    )
    return IngestOutcome(source, action, message, wire_story)


def ingest_file(
    path: Path, *, agency: Agency | None = None, language: str = "", dry_run: bool = False
) -> list[IngestOutcome]:
    """Ingest every item of one file; a bad item is reported and the good ones still go in."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return [IngestOutcome(str(path), Action.FAILED, f"cannot read: {error.strerror}")]
    return ingest_data(data, name=str(path), agency=agency, language=language, dry_run=dry_run)


def ingest_data(
    data: bytes,
    *,
    name: str,
    agency: Agency | None = None,
    language: str = "",
    format: str = "",
    dry_run: bool = False,
) -> list[IngestOutcome]:
    """Ingest every item of one delivery (a file's or an HTTP response's bytes) named ``name``.

    ``format`` forces a parser by name (a feed set to one format); by default the content decides.
    """
    outcomes = []
    for result in parse(data, Path(name).name, language=language, format=format):
        if isinstance(result, ParseError):
            outcomes.append(IngestOutcome(name, Action.FAILED, str(result)))
            continue
        if isinstance(result, SkippedItem):
            outcomes.append(IngestOutcome(name, Action.SKIPPED, f"skipped: {result}"))
            continue
        source = f"{name} [{result.location}]" if result.location else name
        try:
            with transaction.atomic():
                outcome = ingest_item(result, source=source, agency=agency, language=language)
                if dry_run:
                    transaction.set_rollback(True)
        except (IngestError, IntegrityError) as error:
            outcome = IngestOutcome(source, Action.FAILED, str(error))
        outcomes.append(outcome)
    return outcomes
