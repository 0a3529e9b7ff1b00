"""Poll the wire feeds that are due, for cron or as a long-running scheduler.

Each due feed (enabled, its poll interval passed, longer after failures) gets one poll task
through Django's tasks framework: with a worker backend configured (settings.TASKS) the worker
polls, otherwise the poll runs here and its outcome is printed. ``--once`` schedules once and
exits, for cron; without it the command schedules every ``--interval`` seconds until stopped.
"""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.tasks import TaskResultStatus
from django.template.defaultfilters import pluralize

from articles.models import Feed
from articles.services.feeds import PollStatus, due_feed_ids
from articles.tasks import poll_feed


class Command(BaseCommand):
    help = "Poll the due wire feeds once (--once) or every --interval seconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Poll the due feeds once, exit.")
        parser.add_argument(
            "--interval",
            type=float,
            default=30.0,
            help="Seconds between two looks for due feeds when looping [30].",
        )
        parser.add_argument(
            "--force", action="store_true", help="Poll every enabled feed, due or not."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list the feeds that would be polled."
        )

    def handle(
        self, *args, once: bool, interval: float, force: bool, dry_run: bool, verbosity: int, **_
    ) -> None:
        if interval <= 0:
            raise CommandError("--interval must be a positive number of seconds")
        try:
            while True:
                failed = self._round(force=force, dry_run=dry_run, verbosity=verbosity)
                if once or dry_run:
                    break
                time.sleep(interval)
        except KeyboardInterrupt:
            return
        if failed:
            raise CommandError(f"{failed} feed{pluralize(failed)} failed; see above.")

    def _round(self, *, force: bool, dry_run: bool, verbosity: int) -> int:
        ids = list(Feed.objects.enabled().values_list("pk", flat=True)) if force else due_feed_ids()
        names = dict(Feed.objects.filter(pk__in=ids).values_list("pk", "name"))
        if dry_run:
            for feed_id in ids:
                self.stdout.write(f"would poll {names[feed_id]}")
            if verbosity >= 1:
                self.stdout.write(f"Dry run: {len(ids)} feed{pluralize(len(ids))} due.")
            return 0
        failed = 0
        for feed_id in ids:
            result = poll_feed.enqueue(feed_id, force)
            if result.status == TaskResultStatus.SUCCESSFUL:
                polled = result.return_value
                line = f"{names[feed_id]}: {polled['status']}" + (
                    f": {polled['message']}" if polled["message"] else ""
                )
                if polled["status"] == PollStatus.FAILED:
                    failed += 1
                    self.stderr.write(self.style.ERROR(line))
                elif verbosity >= 1:
                    self.stdout.write(line)
            elif result.status == TaskResultStatus.FAILED:
                failed += 1
                self.stderr.write(self.style.ERROR(f"{names[feed_id]}: the poll task failed"))
            elif verbosity >= 1:
                self.stdout.write(f"{names[feed_id]}: poll queued")
        if verbosity >= 2 or (verbosity >= 1 and not ids):
            self.stdout.write(f"{len(ids)} feed{pluralize(len(ids))} polled or queued.")
        return failed
