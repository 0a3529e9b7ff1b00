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

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
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


class AgencyDirectory:
    """Agencies by name or alias, as Agency.objects.by_name finds them, read once.

    An ingest run asks for the same few names for every item (the delivering agency, each
    credit); asking the database each time cost more than parsing the item. One directory
    serves one run: an agency added meanwhile is found by the next run.
    """

    def __init__(self) -> None:
        self._agencies: dict[str, Agency] | None = None

    def by_name(self, name: str) -> Agency | None:
        name = " ".join(name.split())
        if not name:
            return None
        if self._agencies is None:
            self._agencies = self._load()
        # upper() on both sides, as the database's case-insensitive match (UPPER) does.
        return self._agencies.get(name.upper())

    @staticmethod
    def _load() -> dict[str, Agency]:
        found: dict[str, Agency] = {}
        # In the agencies' order (by name), first come first served, as by_name's .first().
        for agency in Agency.objects.prefetch_related("aliases").order_by("name"):
            for name in [agency.name, *(alias.name for alias in agency.aliases.all())]:
                found.setdefault(" ".join(name.split()).upper(), agency)
        return found


def _resolve_delivering_agency(
    item: ParsedItem, agency: Agency | None, agencies: AgencyDirectory
) -> Agency:
    if agency is not None:
        return agency
    found = agencies.by_name(item.agency_name) if item.agency_name else None
    if found is None:
        named = (
            f"names {item.agency_name!r}, which is no known agency or alias"
            if (item.agency_name)
            else "does not name its agency"
        )
        raise IngestError(f"the item {named}: pass --agency SLUG or add the agency or alias")
    return found


def _attributions(
    item: ParsedItem, wire_story: WireStory, agencies: AgencyDirectory
) -> list[Attribution]:
    attributions: dict[tuple[str, str], Attribution] = {}
    for position, credit in enumerate(item.credits):
        agency = agencies.by_name(credit.name)
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
    item: ParsedItem,
    *,
    source: str,
    agency: Agency | None = None,
    language: str = "",
    agencies: AgencyDirectory | None = None,
) -> IngestOutcome:
    """Store one parsed item; raises IngestError when it cannot go in."""
    agencies = agencies or AgencyDirectory()
    agency = _resolve_delivering_agency(item, agency, agencies)
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
    # No savepoint: ingest_file already runs each item in a transaction of its own.
    with transaction.atomic(savepoint=False):
        # One round trip answers both questions: is this payload known, which version is next.
        versions = list(
            WireStory.objects.select_for_update()
            .filter(agency=agency, guid=item.guid)
            .values_list("pk", "version", "checksum")
        )
        known = next((pk for pk, _version, sent in versions if sent == checksum), None)
        if known is not None:
            existing = WireStory.objects.select_related("agency").get(pk=known)
            return IngestOutcome(
                source, Action.UNCHANGED, f"unchanged, already {existing}", existing
            )
        latest = max((version for _pk, version, _sent in versions), default=0)
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
        attributions = Attribution.objects.bulk_create(_attributions(item, wire_story, agencies))
    action = Action.NEW_VERSION if latest else Action.CREATED
    unresolved = [a.credited_name for a in attributions if a.agency_id is None]
    message = (
        f"{action} {wire_story.headline!r} ({agency.slug}, v{wire_story.version}, "
        f"{len(item.paragraphs)} paragraphs, {len(attributions)} attributions"
        + (f", unresolved credits: {', '.join(unresolved)}" if unresolved else "")
        + ")"
    )
    return IngestOutcome(source, action, message, wire_story)


def ingest_file(
    path: Path,
    *,
    agency: Agency | None = None,
    language: str = "",
    dry_run: bool = False,
    agencies: AgencyDirectory | None = None,
) -> list[IngestOutcome]:
    """Ingest every item of one file; a bad item is reported and the good ones still go in.

    Pass one `agencies` directory to every file of a run, so agencies are read once.
    """
    agencies = agencies or AgencyDirectory()
    try:
        data = path.read_bytes()
    except OSError as error:
        return [IngestOutcome(str(path), Action.FAILED, f"cannot read: {error.strerror}")]
    outcomes = []
    for result in parse(data, path.name, language=language):
        if isinstance(result, ParseError):
            outcomes.append(IngestOutcome(str(path), Action.FAILED, str(result)))
            continue
        if isinstance(result, SkippedItem):
            outcomes.append(IngestOutcome(str(path), Action.SKIPPED, f"skipped: {result}"))
            continue
        source = f"{path} [{result.location}]" if result.location else str(path)
        try:
            with transaction.atomic():
                outcome = ingest_item(
                    result, source=source, agency=agency, language=language, agencies=agencies
                )
                if dry_run:
                    transaction.set_rollback(True)
        except (IngestError, IntegrityError) as error:
            outcome = IngestOutcome(source, Action.FAILED, str(error))
        outcomes.append(outcome)
    return outcomes
