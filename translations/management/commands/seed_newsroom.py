"""Fill the database with a newsroom's worth of realistic data: `--stories 100000` in minutes.

Why: a product that must stay fast with years of archive can only be measured, tried and
demonstrated on data of that size, and hand-made fixtures stop at a dozen stories. This makes
agencies, sections, translators and editors, wire stories in Russian, Kazakh, Turkish and
Azerbaijani (some in several versions, some never translated, discarded or canceled), and
English stories in every state of the workflow, each with 8-15 paragraphs, its translation
record and paragraph alignment, attributions, revisions, audit events, review comments and
corrections, translation-memory entries and (on PostgreSQL) search documents, through the real
models. The text is generated from word lists with a random generator seeded per story, so it
reads like news and is the same on every run.

Rows are written with bulk_create, a batch of stories per transaction, so an interrupted run
leaves whole stories only. Seeded wire stories carry the seed tag in their guid: a second run
with the same numbers writes nothing, a larger --stories adds the difference, and a different
--tag makes a separate set.
"""

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, IntegrityError, ProgrammingError, connection, connections
from django.utils import timezone

from articles.models import WireStory
from translations.seeding.plan import (
    DEFAULT_TAG,
    guid_prefix,
    plan_queue_item,
    plan_story,
    story_number,
)
from translations.seeding.writer import Batch, References, finish, references

# One wire story in QUEUE_EVERY is delivered beside the stories and never translated.
QUEUE_EVERY = 4


class Command(BaseCommand):
    help = "Seed realistic agencies, wire stories, stories in every state, memory and search."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--stories", type=int, required=True, help="How many stories the seed should hold."
        )
        parser.add_argument(
            "--tag",
            default=DEFAULT_TAG,
            help="Names this set of seeded data (in wire guids and user names); default 'seed'.",
        )
        parser.add_argument(
            "--in-progress-share",
            type=float,
            default=0.12,
            help="Share of stories not (yet) public: drafts, in review, changes requested, "
            "approved, scheduled, plus withdrawn and corrected ones; 0 publishes them all. "
            "Default 0.12.",
        )
        parser.add_argument(
            "--batch", type=int, default=500, help="Stories per transaction (default 500)."
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="Worker processes writing batches side by side (PostgreSQL only); default: "
            "the number of CPUs, at most 4.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be written; write nothing."
        )

    def handle(
        self,
        *args,
        stories: int,
        tag: str,
        in_progress_share: float,
        batch: int,
        jobs: int | None,
        dry_run: bool,
        verbosity: int,
        **options,
    ) -> None:
        if stories < 0:
            raise CommandError(f"--stories must be 0 or more, not {stories}.")
        if not 0 <= in_progress_share <= 1:
            raise CommandError(
                f"--in-progress-share must be between 0 and 1, not {in_progress_share}."
            )
        if batch < 1:
            raise CommandError(f"--batch must be at least 1, not {batch}.")
        if not tag or not tag.replace("-", "").isalnum():
            raise CommandError(f"--tag must be letters, digits and hyphens, not {tag!r}.")
        if jobs is None:
            jobs = min(os.cpu_count() or 1, 4) if connection.vendor == "postgresql" else 1
        if jobs < 1 or (jobs > 1 and connection.vendor != "postgresql"):
            raise CommandError(f"--jobs {jobs}: use 1, or more only on PostgreSQL.")
        started = time.perf_counter()
        try:
            written = self._seed(stories, tag, in_progress_share, batch, jobs, dry_run, verbosity)
        except IntegrityError as error:
            raise CommandError(
                f"Seeding failed on a database constraint (nothing of the failing batch was "
                f"kept): {error}. Another --tag may clash with existing data."
            ) from error
        except ProgrammingError as error:
            raise CommandError(
                f"Seeding failed: {error}. Is the database migrated (manage.py migrate)?"
            ) from error
        except DatabaseError as error:
            raise CommandError(
                f"Seeding failed: {error}. The batches written so far are complete; running "
                "the command again adds the rest."
            ) from error
        if verbosity >= 1:
            prefix = "Dry run, nothing written. Would write" if dry_run else "Wrote"
            rows = ", ".join(f"{count} {label}" for label, count in sorted(written.items()))
            self.stdout.write(
                f"{prefix}: {rows or 'nothing (the seed is complete)'} "
                f"in {time.perf_counter() - started:.1f} s."
            )

    def _seed(
        self,
        stories: int,
        tag: str,
        in_progress_share: float,
        batch_size: int,
        jobs: int,
        dry_run: bool,
        verbosity: int,
    ) -> Counter:
        existing = set(
            WireStory.objects.filter(guid__startswith=guid_prefix(tag))
            .values_list("guid", flat=True)
            .distinct()
        )
        have = {story_number(guid, tag) for guid in existing} - {None}
        missing = [n for n in range(stories) if n not in have]
        if verbosity >= 1:
            self.stdout.write(
                f"Seed {tag!r}: {len(have)} stories exist, {len(missing)} to add (of {stories})."
            )
        refs = references(tag, dry_run=dry_run)
        written = Counter(refs.created)
        if not missing:
            return written
        job = SeedJob(
            tag=tag,
            total=stories,
            now=timezone.now(),
            in_progress_share=in_progress_share,
            refs=refs,
            queue_have=frozenset(g for g in existing if g.endswith("-q")),
            dry_run=dry_run,
        )
        batches = [missing[i : i + batch_size] for i in range(0, len(missing), batch_size)]
        done = 0
        for counts, size in job.run(batches, jobs=jobs):
            written.update(counts)
            done += size
            if verbosity >= 2:
                self.stdout.write(f"  {done} of {len(missing)} stories…")
        if not dry_run:
            finish()
        return written


@dataclass(frozen=True)
class SeedJob:
    """Everything a batch needs, so that forked workers can each write batches of their own."""

    tag: str
    total: int
    now: datetime
    in_progress_share: float
    refs: References
    queue_have: frozenset[str]
    dry_run: bool

    def run(self, batches: list[list[int]], *, jobs: int) -> Iterator[tuple[Counter, int]]:
        if jobs <= 1 or len(batches) <= 1 or self.dry_run or connection.in_atomic_block:
            yield from map(self.write, batches)
            return
        # The workers are forked: each must open its own database connection.
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap_unordered(self.write, batches)

    def write(self, numbers: list[int]) -> tuple[Counter, int]:
        batch = Batch(self.refs)
        for number in numbers:
            batch.add_story(
                plan_story(
                    self.tag,
                    number,
                    total=self.total,
                    now=self.now,
                    in_progress_share=self.in_progress_share,
                )
            )
            if number % QUEUE_EVERY == 0:
                item = plan_queue_item(self.tag, number, total=self.total, now=self.now)
                if item.guid not in self.queue_have:
                    batch.add_wire(item)
        if not self.dry_run:
            batch.save()
        return batch.counts(), len(numbers)
