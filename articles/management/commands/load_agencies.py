"""Load the reviewed list of wire agencies into the registry.

A newsroom needs its agencies, with every name they are credited by, before credits can resolve
and before a text file can name its own delivering agency. The list ships with the product
(``articles/data/agencies.json``); this command is safe to run after every upgrade: it creates
what is missing, fills what is empty and adds missing aliases, and never overwrites what an editor
changed in the admin unless ``--overwrite`` is given (the name is never overwritten).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from articles.services.agencies import (
    AGENCIES_FILE,
    AgencyListError,
    agencies_load,
    read_agency_list,
)


class Command(BaseCommand):
    help = "Create or complete the agencies of the shipped list (or --file); idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file", type=Path, default=AGENCIES_FILE, help="Another list in the same format."
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace website, language and credit line with the list's values.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change; write nothing."
        )

    def handle(
        self, *args, file: Path, overwrite: bool, dry_run: bool, verbosity: int, **options
    ) -> None:
        try:
            entries = read_agency_list(file)
        except AgencyListError as error:
            raise CommandError(str(error)) from None
        with transaction.atomic():
            report = agencies_load(entries=entries, overwrite=overwrite)
            if dry_run:
                transaction.set_rollback(True)
        prefix = "[dry run] would have " if dry_run else ""
        if verbosity >= 2:
            for slug in report.created:
                self.stdout.write(f"{prefix}created {slug}")
            for slug in report.updated:
                self.stdout.write(f"{prefix}updated {slug}")
        if verbosity >= 1:
            for note in report.notes:
                self.stdout.write(self.style.WARNING(note))
            self.stdout.write(
                f"{prefix}created {len(report.created)}, updated {len(report.updated)}, "
                f"unchanged {len(report.unchanged)} of {len(entries)} agencies"
            )
