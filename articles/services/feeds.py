"""Polling feeds: fetch what a feed has, ingest it, and keep the feed's health.

One poll of one feed is one transaction that holds the feed's row lock
(``SELECT ... FOR UPDATE SKIP LOCKED``): a second worker polling the same feed at the same time
finds it locked and passes, so an item is never ingested twice by two workers; the WireStory
unique constraints (agency, guid, version / checksum) stand behind that. Drop-folder files are
moved to ``done/`` or ``failed/`` only once the transaction has committed, so a crash leaves
them where they were, to be taken again (ingest writes nothing for what it already has).
A drop folder's files are read a group at a time and each group's items written together
(:mod:`articles.services.ingest.deliveries`); a bad or buggy file fails alone.

Health: a poll fails when the feed cannot be fetched or read, or when every item (file) it
brought failed; the failures in a row set the backoff (``Feed.next_poll_at``). A poll that
brings some bad items among good ones succeeds and names the bad ones in ``last_error``.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.intake.dropfolder import DONE, FAILED, file_away, ready_files
from articles.intake.http import FetchError, http_fetch
from articles.models import Feed, FeedFormat, FeedKind
from articles.services.agencies import AgencyDirectory
from articles.services.ingest import (
    NEW,
    Action,
    Delivery,
    IngestOutcome,
    deliveries_ingest,
    enqueue_placement,
    new_wire_stories,
)


class PollStatus(enum.StrEnum):
    BUSY = "busy"  # another worker holds the feed
    NOT_DUE = "not due"
    DISABLED = "disabled"
    NOT_MODIFIED = "not modified"  # HTTP 304, or the same body as last time
    DONE = "done"
    FAILED = "failed"


@dataclass
class PollResult:
    feed_id: int
    status: PollStatus
    message: str = ""
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def __str__(self) -> str:
        return f"feed {self.feed_id}: {self.status}" + (f": {self.message}" if self.message else "")


def feed_poll(*, feed_id: int, force: bool = False) -> PollResult:
    """Poll one feed if it is due (or ``force``), in one transaction holding its row lock."""
    with transaction.atomic():
        feed = (
            Feed.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("agency")
            .filter(pk=feed_id)
            .first()
        )
        if feed is None:
            return PollResult(feed_id, PollStatus.BUSY, "being polled by another worker, or gone")
        now = timezone.now()
        if not feed.enabled and not force:
            return PollResult(feed_id, PollStatus.DISABLED)
        if not force and not feed.is_due(now):
            return PollResult(feed_id, PollStatus.NOT_DUE, f"next poll at {feed.next_poll_at}")
        feed.last_attempt_at = now
        try:
            result = _poll_http(feed) if feed.kind == FeedKind.HTTP else _poll_folder(feed)
        except FetchError as error:
            result = PollResult(feed.pk, PollStatus.FAILED, str(error))
        _record_health(feed, result, now)
        return result


def due_feed_ids(now: datetime | None = None) -> list[int]:
    """Enabled feeds whose next poll time has come (backoff included)."""
    now = now or timezone.now()
    return [feed.pk for feed in Feed.objects.enabled() if feed.is_due(now)]


def feeds_schedule(*, now: datetime | None = None) -> list[int]:
    """Enqueue one poll task per due feed, once the caller's transaction commits; their ids."""
    from articles.tasks import poll_feed

    ids = due_feed_ids(now)
    for feed_id in ids:
        transaction.on_commit(partial(poll_feed.enqueue, feed_id))
    return ids


# Files read into memory before their items are written together: a poll of a large backlog
# holds at most this many files, or this many bytes, at a time.
FILES_AT_ONCE = 500
BYTES_AT_ONCE = 32 * 1024 * 1024


def _ingest(
    feed: Feed, deliveries: list[Delivery], agencies: AgencyDirectory
) -> list[list[IngestOutcome]]:
    return deliveries_ingest(
        deliveries=deliveries,
        agency=feed.agency,
        language=feed.language,
        format="" if feed.format == FeedFormat.AUTO else feed.format,
        agencies=agencies,
    )


def _poll_http(feed: Feed) -> PollResult:
    fetched = http_fetch(
        feed.url,
        etag=feed.etag,
        last_modified=feed.last_modified,
        timeout=settings.FEED_HTTP_TIMEOUT,
        max_bytes=settings.FEED_MAX_BYTES,
    )
    if fetched.not_modified:
        return PollResult(feed.pk, PollStatus.NOT_MODIFIED, "HTTP 304 Not Modified")
    feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
    checksum = hashlib.sha256(fetched.body).hexdigest()
    if checksum == feed.content_checksum:
        return PollResult(feed.pk, PollStatus.NOT_MODIFIED, "the same content as last time")
    [outcomes] = _ingest(feed, [Delivery(feed.url, fetched.body)], AgencyDirectory())
    enqueue_placement(new_wire_stories(outcomes))
    failed = [o for o in outcomes if o.action == Action.FAILED]
    if failed and len(failed) == len(outcomes):
        return PollResult(feed.pk, PollStatus.FAILED, _failures(failed, len(outcomes)), outcomes)
    feed.content_checksum = checksum
    return PollResult(feed.pk, PollStatus.DONE, _failures(failed, len(outcomes)), outcomes)


def _poll_folder(feed: Feed) -> PollResult:
    folder = Path(feed.folder)
    if not folder.is_dir():
        raise FetchError(f"the drop folder {folder} does not exist or is not a directory")
    try:
        paths = ready_files(folder, settle=settings.FEED_DROP_SETTLE_SECONDS)
    except OSError as error:
        raise FetchError(f"cannot read the drop folder {folder}: {error.strerror}") from None
    outcomes: list[IngestOutcome] = []
    bad_files = []
    taken = 0
    agencies = AgencyDirectory()
    for group in _read_in_groups(paths):
        taken += len(group)
        readable = [Delivery(path.name, data) for path, data in group if isinstance(data, bytes)]
        ingested = iter(_ingest(feed, readable, agencies))
        for path, data in group:
            if isinstance(data, OSError):
                file_outcomes = [IngestOutcome(path.name, Action.FAILED, data.strerror or "")]
            else:
                file_outcomes = next(ingested)
            outcomes += file_outcomes
            failed = [o for o in file_outcomes if o.action == Action.FAILED]
            reason = "\n".join(str(o) for o in failed)
            if failed:
                bad_files.append(f"{path.name}: {failed[0].message}")
            # Moved once the items are committed: a crash before then leaves the file to retry.
            outcome = FAILED if failed else DONE
            transaction.on_commit(partial(file_away, path, outcome, reason=reason))
    # One placement task for the poll, not one a file: a folder's files are mostly one item each.
    enqueue_placement(new_wire_stories(outcomes))
    message = f"{taken} files taken"
    if bad_files:
        message += f", {len(bad_files)} failed: " + "; ".join(bad_files[:5])
    status = PollStatus.FAILED if taken and len(bad_files) == taken else PollStatus.DONE
    return PollResult(feed.pk, status, message if taken else "no complete file waiting", outcomes)


def _read_in_groups(paths: list[Path]) -> Iterator[list[tuple[Path, bytes | OSError]]]:
    """The files' bytes (or why they could not be read), a bounded group at a time."""
    group: list[tuple[Path, bytes | OSError]] = []
    size = 0
    for path in paths:
        try:
            data: bytes | OSError = path.read_bytes()
            size += len(data)
        except FileNotFoundError:
            continue  # filed away by another worker's poll since it was listed
        except OSError as error:
            data = error
        group.append((path, data))
        if len(group) >= FILES_AT_ONCE or size >= BYTES_AT_ONCE:
            yield group
            group, size = [], 0
    if group:
        yield group


def _failures(failed: list[IngestOutcome], total: int) -> str:
    if not failed:
        return f"{total} items read"
    return f"{len(failed)} of {total} items failed: " + "; ".join(str(o) for o in failed[:5])


def _record_health(feed: Feed, result: PollResult, now: datetime) -> None:
    fields = ["last_attempt_at", "consecutive_failures", "last_error"]
    if result.status == PollStatus.FAILED:
        feed.consecutive_failures += 1
        feed.last_error = result.message
    else:
        feed.consecutive_failures = 0
        failed = any(o.action == Action.FAILED for o in result.outcomes)
        feed.last_error = result.message if failed else ""
        feed.last_success_at = now
        fields += ["last_success_at", "etag", "last_modified", "content_checksum"]
        if any(o.action in NEW for o in result.outcomes):
            feed.last_new_item_at = now
            fields.append("last_new_item_at")
    feed.save(update_fields=fields)
