"""Ingest wire deliveries from files.

Agencies deliver plain text in their house styles, IPTC ninjs JSON (and its producer variants),
NewsML-G2, RSS/Atom, IPTC 7901 or ANPA 1312; this turns each item into a wire story version for
the translation queue. Without --agency, an item whose own credit names exactly one registered
agency is delivered by it. It is safe to run again on the same files: an unchanged item writes
nothing, a changed one becomes a new version. A bad item is reported with its file and what is
wrong, the good items still go in, and the exit code is 1. Feeds that arrive by themselves are
polled by ``poll_feeds`` instead.

Each file is its own transaction, and a batch is never stopped by one file: whatever goes wrong
with a file, even a bug, is reported on one line naming the file (escaped, so that a name holding
a newline or a terminal escape cannot forge output), the file's writes are rolled back, and the
next file is read. The summary always ends the run. Symbolic links, directories and devices are
refused unless --follow-symlinks says that links are expected.
"""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.ingest.base import ParseError
from articles.ingest.normalise import clean_language
from articles.models import Agency
from articles.services.agencies import AgencyDirectory
from articles.services.ingest import Action, IngestOutcome, display_name, ingest_file

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Ingest wire stories from text, ninjs, NewsML-G2, RSS/Atom, IPTC 7901 or ANPA 1312 files "
        "(format detected from the content)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--agency", metavar="SLUG", help="The delivering agency, when the file does not say."
        )
        parser.add_argument(
            "--language", default="", help="BCP 47 language, when the file does not say."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Write nothing; say what would be done."
        )
        parser.add_argument(
            "--follow-symlinks",
            action="store_true",
            help="Read the files symbolic links point to (refused by default).",
        )

    def handle(
        self,
        *args,
        paths: list[Path],
        agency: str | None,
        language: str,
        dry_run: bool,
        follow_symlinks: bool,
        verbosity: int,
        **options,
    ) -> None:
        try:
            language = clean_language(language)
        except ParseError as error:
            raise CommandError(f"--language: {error.message}") from None
        delivering = None
        if agency:
            delivering = Agency.objects.filter(slug=agency).first()
            if delivering is None:
                known = ", ".join(Agency.objects.values_list("slug", flat=True)) or "none yet"
                raise CommandError(f"--agency {agency!r}: no agency has that slug (known: {known})")
        prefix = "[dry run] would have " if dry_run else ""
        outcomes: list[IngestOutcome] = []
        agencies = AgencyDirectory()  # the registry as this run reads it
        for path in paths:
            try:
                file_outcomes = ingest_file(
                    path,
                    agency=delivering,
                    language=language,
                    dry_run=dry_run,
                    follow_symlinks=follow_symlinks,
                    agencies=agencies,
                )
            except Exception as error:
                # A bug must not cost the rest of the batch; the traceback goes to the log.
                logger.exception("ingest of %s failed", display_name(path))
                file_outcomes = [
                    IngestOutcome(
                        display_name(path),
                        Action.FAILED,
                        f"unexpected error, nothing of this file was written: "
                        f"{type(error).__name__}: {error}",
                    )
                ]
            for outcome in file_outcomes:
                if outcome.action == Action.FAILED:
                    line = display_name(f"{outcome.source}: failed: {outcome.message}")
                    self.stderr.write(self.style.ERROR(line))
                elif verbosity >= 1 and (outcome.action != Action.UNCHANGED or verbosity >= 2):
                    self.stdout.write(display_name(f"{outcome.source}: {prefix}{outcome.message}"))
            outcomes += file_outcomes
        failed = sum(outcome.action == Action.FAILED for outcome in outcomes)
        if verbosity >= 1:
            counts = {a: sum(o.action == a for o in outcomes) for a in Action}
            self.stdout.write(
                ("Dry run: " if dry_run else "") + ", ".join(f"{n} {a}" for a, n in counts.items())
            )
        if failed:
            raise CommandError(f"{failed} of {len(outcomes)} items failed; see above.")
