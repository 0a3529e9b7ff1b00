"""Print the workflow table (translations/workflow.py) as the Markdown diagram README.md shows.

The README's diagram is generated, never edited by hand, so that it cannot drift from the
table the services and the admin read: `--write` replaces it, `--check` fails when it differs
(a test runs the same check).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from translations.workflow import diagram, replace_diagram


class Command(BaseCommand):
    help = "Print the workflow diagram, or write it into (or check it against) README.md."

    def add_arguments(self, parser):
        what = parser.add_mutually_exclusive_group()
        what.add_argument("--write", action="store_true", help="Replace README.md's diagram.")
        what.add_argument(
            "--check", action="store_true", help="Exit 1 if README.md's diagram is out of date."
        )
        what.add_argument(
            "--dry-run", action="store_true", help="Say whether --write would change README.md."
        )
        parser.add_argument("--readme", default=str(Path(settings.BASE_DIR) / "README.md"))

    def handle(self, *args, write: bool, check: bool, dry_run: bool, readme: str, **options):
        if not (write or check or dry_run):
            self.stdout.write(diagram())
            return
        path = Path(readme)
        try:
            current = path.read_text(encoding="utf-8")
            wanted = replace_diagram(current)
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: cannot read its workflow diagram ({error}).") from error
        if current == wanted:
            if options["verbosity"] > 0:
                self.stdout.write(f"{path}: the workflow diagram is up to date.")
            return
        if check:
            raise CommandError(
                f"{path}: the workflow diagram differs from the table; "
                "run `manage.py workflow_diagram --write`."
            )
        if dry_run:
            self.stdout.write(f"{path}: the workflow diagram would change.")
            return
        path.write_text(wanted, encoding="utf-8")
        if options["verbosity"] > 0:
            self.stdout.write(f"{path}: workflow diagram written.")
