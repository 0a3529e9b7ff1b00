"""One wire item: made ready to store (normalised, its agency and language decided), then stored.

The same payload twice writes nothing; a changed payload under a known guid becomes the next
version, never an overwrite. See the package docstring for credits, the delivering agency and
language; :mod:`.deliveries` stores a delivery's (or a poll's) items together, and falls back to
:func:`item_store`, one item at a time, when the database refuses the batch.
"""

import enum
import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.db import transaction

from articles.ingest.base import ParsedItem, ParseError
from articles.ingest.language import Detection, detect
from articles.ingest.normalise import clean_language, normalise_item
from articles.models import Agency, Attribution, LanguageSource, PubStatus, WireStory
from articles.services.agencies import AgencyDirectory


class Action(enum.StrEnum):
    CREATED = "created"
    NEW_VERSION = "new version"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


NEW = frozenset({Action.CREATED, Action.NEW_VERSION})


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


def _resolve_delivering_agency(
    item: ParsedItem, agency: Agency | None, directory: AgencyDirectory
) -> Agency:
    if agency is not None:
        return agency
    if item.agency_name and (found := directory.get(item.agency_name)):
        return found
    # "Source: Trend News Agency": the item's own explicit credit, when it names one agency.
    credited = [credit.name for credit in item.credits if credit.explicit]
    agencies = {found for name in credited if (found := directory.get(name))}
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


def attributions_of(
    item: ParsedItem, wire_story: WireStory, directory: AgencyDirectory
) -> list[Attribution]:
    """The unsaved attributions of ``wire_story``, one per resolved agency and role."""
    attributions: dict[tuple[str, object], Attribution] = {}
    for position, credit in enumerate(item.credits):
        agency = directory.get(credit.name)
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


def text_of_cancel_notice(
    item: ParsedItem, previous: WireStory | int | None
) -> tuple[str, list[str]]:
    """Headline and paragraphs to store; a bare cancel notice keeps the text it cancels, that of
    ``previous``, the latest version (a row, or its pk).

    Agencies send a kill as the item's guid with pubStatus canceled and often no text at all; the
    canceled version must still show translators what was canceled.
    """
    if item.paragraphs and item.headline:
        return item.headline, item.paragraphs
    if item.pub_status != PubStatus.CANCELED:
        raise IngestError("no headline or no text")
    if previous is None:
        raise IngestError(
            f"a cancel notice for {item.guid}, which was never received: nothing to cancel"
        )
    if isinstance(previous, int):
        previous = WireStory.objects.only("headline", "paragraphs").get(pk=previous)
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


# Ids in one placement task: a drop folder's backlog of thousands is several tasks, each of a
# size a worker finishes well before anyone would call it stuck.
PLACEMENT_BATCH = 500


def enqueue_placement(wire_stories: Iterable[WireStory]) -> None:
    """Have the task worker place these new wire stories in their events once the current
    transaction commits (nothing, if it rolls back), in the order given."""
    from articles.tasks import place_wire_stories  # the tasks module imports the services

    ids = [wire_story.pk for wire_story in wire_stories]
    for batch in itertools.batched(ids, PLACEMENT_BATCH):
        transaction.on_commit(partial(place_wire_stories.enqueue, list(batch)))


@dataclass(frozen=True)
class PreparedItem:
    """An item as it will be stored: normalised, its agency and language decided."""

    item: ParsedItem
    source: str  # file name, with "[item N]" for one item of a list
    agency: Agency
    language: str
    language_source: LanguageSource
    detection: Detection | None
    checksum: str

    @property
    def key(self) -> tuple[int, str]:
        """What its versions share: the agency's guid."""
        return self.agency.pk, self.item.guid


def item_prepare(
    item: ParsedItem,
    *,
    source: str,
    agency: Agency | None,
    language: str,
    agencies: AgencyDirectory,
) -> PreparedItem:
    """Normalise and check ``item`` and decide its agency and language, reading nothing but the
    agency registry; IngestError when it cannot go in.

    Whatever parser made ``item``, it is normalised and validated here
    (:mod:`articles.ingest.normalise`), so no parser can write what the columns cannot hold.
    """
    try:
        item = normalise_item(item)
        language = clean_language(language)
    except ParseError as error:
        raise IngestError(str(error)) from None
    agency = _resolve_delivering_agency(item, agency, agencies)
    language, language_source, detection = _language(item, language=language, agency=agency)
    if item.pub_status not in PubStatus.values:
        raise IngestError(f"unknown pub status {item.pub_status!r}")
    checksum = hashlib.sha256(item.raw).hexdigest()
    return PreparedItem(item, source, agency, language, language_source, detection, checksum)


def new_wire_story(
    prepared: PreparedItem, *, version: int, headline: str, paragraphs: list[str]
) -> WireStory:
    """The unsaved row of ``prepared`` as version ``version`` of its guid."""
    item, detection = prepared.item, prepared.detection
    return WireStory(
        agency=prepared.agency,
        guid=item.guid,
        version=version,
        agency_version=item.agency_version,
        language=prepared.language,
        language_source=prepared.language_source,
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
        checksum=prepared.checksum,
        parse_warnings=item.warnings,
        internal_notes=item.internal_notes,
    )


def stored_outcome(
    prepared: PreparedItem, wire_story: WireStory, attributions: list[Attribution]
) -> IngestOutcome:
    """What storing ``prepared`` as ``wire_story`` is reported as."""
    action = Action.NEW_VERSION if wire_story.version > 1 else Action.CREATED
    unresolved = [a.credited_name for a in attributions if a.agency_id is None]
    warnings = prepared.item.warnings
    message = (
        f"{action} {wire_story.headline!r} ({prepared.agency.slug}, v{wire_story.version}, "
        f"{len(wire_story.paragraphs)} paragraphs, {len(attributions)} attributions"
        + (f", unresolved credits: {', '.join(unresolved)}" if unresolved else "")
        + (", language uncertain" if wire_story.is_language_uncertain else "")
        + (f", read leniently: {'; '.join(warnings)}" if warnings else "")
        + ")"
    )
    return IngestOutcome(prepared.source, action, message, wire_story)


def unchanged_outcome(prepared: PreparedItem, existing: WireStory) -> IngestOutcome:
    return IngestOutcome(
        prepared.source, Action.UNCHANGED, f"unchanged, already {existing}", existing
    )


def item_store(prepared: PreparedItem, *, agencies: AgencyDirectory) -> IngestOutcome:
    """Store ``prepared`` alone; raises IngestError having written nothing. The caller holds the
    transaction (or savepoint) that a failure rolls back."""
    # Every version of the guid in one statement, locked so that a concurrent delivery of the
    # same guid waits and then numbers its version after this one.
    versions = list(
        WireStory.objects.select_for_update()
        .filter(agency=prepared.agency, guid=prepared.item.guid)
        .order_by("-version")
        .values_list("pk", "version", "checksum")
    )
    if same := next((pk for pk, _, stored in versions if stored == prepared.checksum), None):
        return unchanged_outcome(prepared, WireStory.objects.select_related("agency").get(pk=same))
    latest = versions[0] if versions else None
    headline, paragraphs = text_of_cancel_notice(prepared.item, latest[0] if latest else None)
    wire_story = new_wire_story(
        prepared,
        version=latest[1] + 1 if latest else 1,
        headline=headline,
        paragraphs=paragraphs,
    )
    wire_story.save(force_insert=True)
    attributions = Attribution.objects.bulk_create(
        attributions_of(prepared.item, wire_story, agencies)
    )
    return stored_outcome(prepared, wire_story, attributions)


def ingest_item(
    item: ParsedItem,
    *,
    source: str,
    agency: Agency | None = None,
    language: str = "",
    place: bool = True,
    agencies: AgencyDirectory | None = None,
    savepoint: bool = True,
) -> IngestOutcome:
    """Store one parsed item in one transaction (a savepoint inside a delivery's); raises
    IngestError when it cannot go in, having written nothing.

    ``savepoint=False`` is for a caller whose own transaction or savepoint holds this item
    alone, and which rolls it back when this raises. ``agencies`` is the registry as the
    caller's run reads it (one query a run, not one a name). A new story or version is placed
    in its event once the transaction commits, unless ``place`` is false: then the caller
    enqueues the placement of a whole delivery at once.
    """
    agencies = agencies or AgencyDirectory()
    with transaction.atomic(savepoint=savepoint):
        prepared = item_prepare(
            item, source=source, agency=agency, language=language, agencies=agencies
        )
        outcome = item_store(prepared, agencies=agencies)
        if place and outcome.action in NEW:
            enqueue_placement([outcome.wire_story])
    return outcome


def new_wire_stories(outcomes: Iterable[IngestOutcome]) -> list[WireStory]:
    """The stories and versions these outcomes stored."""
    return [o.wire_story for o in outcomes if o.action in NEW and o.wire_story is not None]
