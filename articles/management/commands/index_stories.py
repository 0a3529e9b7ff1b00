"""Rebuild the full-text search documents of live and scheduled stories.

Publishing and correcting refresh a story's document as they happen; this command is for what
bypassed them: data loaded with a fixture or `load_demo`, a restored database, or a change of
the language-to-configuration map in articles.search. PostgreSQL only (SQLite searches the
story tables directly).
"""

from django.core.management.base import BaseCommand, CommandError

from articles.cache import purge_public_pages
from articles.models import Story, StoryStatus
from articles.search import index_stories, uses_full_text_search

BATCH = 500


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the stories, write nothing."
        )

    def handle(self, *args, dry_run: bool = False, verbosity: int = 1, **options) -> None:
        if not uses_full_text_search():
            raise CommandError(
                "The search index exists only on PostgreSQL; this database is not one "
                "(set DATABASE_URL to a PostgreSQL database)."
            )
        # Scheduled stories too, so that they are found the moment their time comes.
        ids = list(
            Story.objects.filter(status=StoryStatus.PUBLISHED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if dry_run:
            self.stdout.write(f"Would index {len(ids)} stories (dry run, nothing written).")
            return
        done = 0
        for start in range(0, len(ids), BATCH):
            done += index_stories(ids[start : start + BATCH])
            if verbosity >= 2:
                self.stdout.write(f"Indexed {done} of {len(ids)} stories…")
        # Cached search results (and the cached list of configurations) predate the rebuild.
        purge_public_pages()
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Indexed {done} stories."))
