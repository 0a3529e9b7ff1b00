"""Ingest wire deliveries from files.

Agencies deliver plain text in their house styles or IPTC ninjs JSON; this turns each item into a
wire story version for the translation queue. It is safe to run again on the same files: an
unchanged item writes nothing, a changed one becomes a new version. A bad item is reported with
its file and what is wrong, the good items still go in, and the exit code is 1.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Agency
from articles.services.ingest import Action, AgencyDirectory, ingest_file


class Command(BaseCommand):
    help = "Ingest wire stories from text or ninjs files (format detected from the content)."

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

    def handle(
        self,
        *args,
        paths: list[Path],
        agency: str | None,
        language: str,
        dry_run: bool,
        verbosity: int,
        **options,
    ) -> None:
        delivering = None
        if agency:
            delivering = Agency.objects.filter(slug=agency).first()
            if delivering is None:
                known = ", ".join(Agency.objects.values_list("slug", flat=True)) or "none yet"
                raise CommandError(f"--agency {agency!r}: no agency has that slug (known: {known})")
        agencies = AgencyDirectory()
        outcomes = [
            outcome
            for path in paths
            for outcome in ingest_file(
                path, agency=delivering, language=language, dry_run=dry_run, agencies=agencies
            )
        ]
        prefix = "[dry run] would have " if dry_run else ""
        for outcome in outcomes:
            if outcome.action == Action.FAILED:
                self.stderr.write(self.style.ERROR(f"{outcome.source}: failed: {outcome.message}"))
            elif verbosity >= 1 and (outcome.action != Action.UNCHANGED or verbosity >= 2):
                self.stdout.write(f"{outcome.source}: {prefix}{outcome.message}")
        failed = sum(outcome.action == Action.FAILED for outcome in outcomes)
        if verbosity >= 1:
            counts = {a: sum(o.action == a for o in outcomes) for a in Action}
            self.stdout.write(
                ("Dry run: " if dry_run else "") + ", ".join(f"{n} {a}" for a, n in counts.items())
            )
        if failed:
            raise CommandError(f"{failed} of {len(outcomes)} items failed; see above.")
