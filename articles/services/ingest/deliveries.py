"""Deliveries: the files and responses an agency sends, each of one or many items.

Every delivery is parsed and its items made ready first (nothing written); then the new stories of
a run of deliveries, up to BATCH_ITEMS items, are written together: their guids' stored versions
read and locked in one statement, the stories in one multi-row ``INSERT``, their attributions in
another, all in a savepoint. That is what lets a drop folder's poll of a thousand one-item files
take the wire at hundreds of items a second, where a statement round trip per item and a
savepoint per file cost more than the parsing.

The database's unique constraints on an agency's guid stay the last word. When the batch is
refused (a concurrent delivery stored one of its guids after the look-up, or a row the database
will not take), its savepoint is rolled back whole and its deliveries are written again one by
one, each in a savepoint of its own and each item in its own (:func:`.items.item_store`, which
now sees the other delivery's row: the item is then unchanged or a new version), so nothing is
half-saved and a failure names its file and item. A bug in a parser or in the write fails that
delivery alone ("unexpected error, nothing of this file was written"), with its traceback in
the log; the run's other deliveries go in.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
from articles.ingest.registry import parse
from articles.models import Agency, Attribution, WireStory
from articles.services.agencies import AgencyDirectory

from .items import (
    Action,
    IngestError,
    IngestOutcome,
    PreparedItem,
    attributions_of,
    enqueue_placement,
    item_prepare,
    item_store,
    new_wire_stories,
    new_wire_story,
    stored_outcome,
    text_of_cancel_notice,
    unchanged_outcome,
)

logger = logging.getLogger(__name__)

# Items written by one multi-row INSERT: large enough that a statement's round trip is shared
# by hundreds of items, small enough that a refused batch re-done one by one stays short.
BATCH_ITEMS = 500


@dataclass(frozen=True)
class Delivery:
    """One file's or one response's bytes, and the name its outcomes are reported under."""

    name: str
    data: bytes


@dataclass
class _Read:
    """A delivery once parsed: per item, its outcome or the item ready to store."""

    delivery: Delivery
    slots: list[IngestOutcome | PreparedItem] = field(default_factory=list)

    @property
    def prepared(self) -> list[PreparedItem]:
        return [slot for slot in self.slots if isinstance(slot, PreparedItem)]

    def outcomes(self) -> list[IngestOutcome]:
        assert not self.prepared, "every item of a written delivery has its outcome"
        return [slot for slot in self.slots if isinstance(slot, IngestOutcome)]

    def fail_whole(self, error: Exception) -> None:
        logger.error("ingest of %s failed", self.delivery.name, exc_info=error)
        message = (
            f"unexpected error, nothing of this file was written: {type(error).__name__}: {error}"
        )
        self.slots = [IngestOutcome(self.delivery.name, Action.FAILED, message)]


def deliveries_ingest(
    *,
    deliveries: Sequence[Delivery],
    agency: Agency | None = None,
    language: str = "",
    format: str = "",
    agencies: AgencyDirectory | None = None,
) -> list[list[IngestOutcome]]:
    """Ingest ``deliveries`` in the caller's transaction; each one's outcomes, in order.

    ``format`` forces a parser by name (a feed set to one format); by default the content decides.
    A bad item is reported and not written while the good ones go in; see the module docstring
    for how the writes are batched, and what a refused batch or a bug costs. Placing the new
    stories in their events is the caller's (:func:`.items.enqueue_placement`), once for the run.
    """
    agencies = agencies or AgencyDirectory()
    read = [_read(delivery, agency, language, format, agencies) for delivery in deliveries]
    batch: list[_Read] = []
    size = 0
    for delivery in read:
        batch.append(delivery)
        size += len(delivery.prepared)
        if size >= BATCH_ITEMS:
            _write(batch, agencies)
            batch, size = [], 0
    if batch:
        _write(batch, agencies)
    return [delivery.outcomes() for delivery in read]


def _read(
    delivery: Delivery,
    agency: Agency | None,
    language: str,
    format: str,
    agencies: AgencyDirectory,
) -> _Read:
    read = _Read(delivery)
    name = delivery.name
    try:
        for result in parse(delivery.data, Path(name).name, language=language, format=format):
            if isinstance(result, ParseError):
                read.slots.append(IngestOutcome(name, Action.FAILED, str(result)))
            elif isinstance(result, SkippedItem):
                read.slots.append(IngestOutcome(name, Action.SKIPPED, f"skipped: {result}"))
            elif isinstance(result, ParsedItem):
                location = display_name(result.location)
                source = f"{name} [{location}]" if location else name
                try:
                    read.slots.append(
                        item_prepare(
                            result,
                            source=source,
                            agency=agency,
                            language=language,
                            agencies=agencies,
                        )
                    )
                except IngestError as error:
                    read.slots.append(IngestOutcome(source, Action.FAILED, str(error)))
            else:
                raise TypeError(f"the parser gave {result!r}, neither an item nor an error")
    except Exception as error:
        read.fail_whole(error)
    return read


def _write(batch: list[_Read], agencies: AgencyDirectory) -> None:
    if not any(delivery.prepared for delivery in batch):
        return
    try:
        with transaction.atomic():
            _write_together(batch, agencies)
    except Exception as error:
        # The savepoint is rolled back and nothing of the batch kept: every delivery again,
        # alone, so that the one the database refuses (or a bug meets) is named.
        logger.info("a batch of %d deliveries is written one by one: %r", len(batch), error)
        for delivery in batch:
            _write_alone(delivery, agencies)


@dataclass
class _Version:
    number: int
    checksum: str
    story: WireStory | int  # a row of this batch, or a stored row's pk


def _write_together(batch: list[_Read], agencies: AgencyDirectory) -> None:
    prepared = [item for delivery in batch for item in delivery.prepared]
    versions = _stored_versions({item.key for item in prepared})
    # Outcomes are only set once every write has succeeded: a refused batch leaves its
    # deliveries as they were read, to be written again one by one.
    outcomes: dict[tuple[int, int], IngestOutcome] = {}
    new: list[tuple[tuple[int, int], PreparedItem, WireStory]] = []
    unchanged: list[tuple[tuple[int, int], PreparedItem, WireStory | int]] = []
    for number, delivery in enumerate(batch):
        for index, item in enumerate(delivery.slots):
            if not isinstance(item, PreparedItem):
                continue
            slot = (number, index)
            known = versions.setdefault(item.key, [])
            if same := next((v for v in known if v.checksum == item.checksum), None):
                unchanged.append((slot, item, same.story))
                continue
            latest = max(known, key=lambda version: version.number, default=None)
            try:
                headline, paragraphs = text_of_cancel_notice(
                    item.item, latest.story if latest else None
                )
            except IngestError as error:
                outcomes[slot] = IngestOutcome(item.source, Action.FAILED, str(error))
                continue
            story = new_wire_story(
                item,
                version=latest.number + 1 if latest else 1,
                headline=headline,
                paragraphs=paragraphs,
            )
            known.append(_Version(story.version, item.checksum, story))
            new.append((slot, item, story))
    # A single delivery may hold more items than a batch (a long feed): one INSERT per batch.
    WireStory.objects.bulk_create([story for _, _, story in new], batch_size=BATCH_ITEMS)
    attributions = {slot: attributions_of(item.item, story, agencies) for slot, item, story in new}
    Attribution.objects.bulk_create([a for each in attributions.values() for a in each])
    stored = WireStory.objects.select_related("agency").in_bulk(
        [story for _, _, story in unchanged if isinstance(story, int)]
    )
    for slot, item, story in new:
        outcomes[slot] = stored_outcome(item, story, attributions[slot])
    for slot, item, story in unchanged:
        outcomes[slot] = unchanged_outcome(item, stored[story] if isinstance(story, int) else story)
    for (number, index), outcome in outcomes.items():
        batch[number].slots[index] = outcome


def _stored_versions(keys: set[tuple[int, str]]) -> dict[tuple[int, str], list[_Version]]:
    """The stored versions of these agencies' guids, locked: a concurrent delivery of one of
    them waits for this transaction, then numbers its version after this one's."""
    rows = (
        WireStory.objects.select_for_update()
        .filter(agency_id__in={agency for agency, _ in keys}, guid__in={guid for _, guid in keys})
        .order_by("pk")
        .values_list("pk", "agency_id", "guid", "version", "checksum")
    )
    versions: dict[tuple[int, str], list[_Version]] = {}
    for pk, agency_id, guid, version, checksum in rows:
        if (agency_id, guid) in keys:  # the filter is a cross product of the two sets
            versions.setdefault((agency_id, guid), []).append(_Version(version, checksum, pk))
    return versions


def _write_alone(delivery: _Read, agencies: AgencyDirectory) -> None:
    try:
        with transaction.atomic():
            for index, item in enumerate(delivery.slots):
                if not isinstance(item, PreparedItem):
                    continue
                try:
                    with transaction.atomic():
                        outcome = item_store(item, agencies=agencies)
                except (IngestError, DatabaseError) as error:
                    outcome = IngestOutcome(item.source, Action.FAILED, str(error))
                delivery.slots[index] = outcome
    except Exception as error:
        delivery.fail_whole(error)


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
    agencies: AgencyDirectory | None = None,
) -> list[IngestOutcome]:
    """Ingest every item of one file, in one transaction for the file (see :func:`ingest_data`)."""
    name = display_name(path)
    try:
        data = read_delivery(path, follow_symlinks=follow_symlinks)
    except IngestError as error:
        return [IngestOutcome(name, Action.FAILED, str(error))]
    return ingest_data(
        data, name=name, agency=agency, language=language, dry_run=dry_run, agencies=agencies
    )


def ingest_data(
    data: bytes,
    *,
    name: str,
    agency: Agency | None = None,
    language: str = "",
    format: str = "",
    dry_run: bool = False,
    place: bool = True,
    agencies: AgencyDirectory | None = None,
) -> list[IngestOutcome]:
    """Ingest every item of one delivery (a file's or an HTTP response's bytes) named ``name``,
    in one transaction for the delivery.

    ``format`` forces a parser by name (a feed set to one format); by default the content decides.
    A bad item is reported and not written while the good items go in; a bug fails the delivery
    whole, having written nothing of it. The new stories are placed in their events by one task
    once the delivery commits; with ``place`` false the caller does that. A caller ingesting many
    deliveries passes one ``agencies`` directory for all of them, or better, all of them to
    :func:`deliveries_ingest` at once.
    """
    with transaction.atomic():
        [outcomes] = deliveries_ingest(
            deliveries=[Delivery(name, data)],
            agency=agency,
            language=language,
            format=format,
            agencies=agencies,
        )
        if dry_run:
            transaction.set_rollback(True)
        elif place:
            enqueue_placement(new_wire_stories(outcomes))
    return outcomes
