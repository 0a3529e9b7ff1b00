"""Wire intake: ninjs 3.1 items per second through `manage.py ingest`, plain text beside it.

Items are made in memory from the seed's corpus (a story in Russian, Kazakh, Turkish or
Azerbaijani, 8-15 paragraphs, credits naming agencies and an unknown source now and then),
written one file per item as agencies deliver them, and fed to the ingest command itself: file
reading, format detection, schema validation, parsing, credits, language, one transaction per
item. The database holds a seeded newsroom of SEED_STORIES stories, so indexes are not empty.
Budget: >= 300 ninjs items/s on PostgreSQL.
"""

import tempfile
import time
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

from articles.models import WireStory
from bench.budgets import figure
from bench.seeding import seeded
from translations.seeding import corpus
from translations.seeding.plan import WirePlan, plan_queue_item

ORDER = 10  # first of all: the intake budget is the one the issue names first
ITEMS = 1000
SEED_STORIES = 1000
NINJS_BUDGET = 300  # items/s


def wire_items(count: int, tag: str) -> list[WirePlan]:
    now = timezone.now()
    return [plan_queue_item(tag, number, total=count, now=now) for number in range(count)]


def as_text(item: WirePlan) -> bytes:
    """The same story in an agency's plain-text house style: headline, dateline, credit."""
    version = item.versions[0]
    agency_name = corpus.AGENCIES[item.agency][0]
    paragraphs = list(version.paragraphs)
    paragraphs[0] = f"{item.dateline} /{agency_name}/ - {paragraphs[0]}"
    return "\n\n".join([version.headline, *paragraphs, f"Source: {agency_name}"]).encode()


CPU_SECONDS: list[float] = []


def ingest(paths: list[Path], **options) -> float:
    """Seconds `manage.py ingest` takes for these files; every item must go in.

    Also keeps the CPU seconds of this process (CPU_SECONDS): on a machine shared with other
    work the wall-clock rate says more about the neighbours than about ingest.
    """
    started, cpu = time.perf_counter(), time.process_time()
    out = StringIO()
    call_command("ingest", *map(str, paths), verbosity=1, stdout=out, stderr=out, **options)
    took = time.perf_counter() - started
    CPU_SECONDS.append(time.process_time() - cpu)
    summary = out.getvalue().strip().splitlines()[-1]
    # Two generated headlines may agree: plain text then has a new version of one story.
    assert summary.endswith(" 0 unchanged, 0 skipped, 0 failed"), summary
    return took


def run() -> None:
    seeded(SEED_STORIES)
    tag = f"ingest{time.time_ns()}"  # new guids on every run, also with --keepdb
    items = wire_items(ITEMS, tag)
    before = WireStory.objects.count()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as directory:
        folder = Path(directory)
        ninjs_paths = []
        for number, item in enumerate(items):
            path = folder / f"{number:05d}.json"
            path.write_bytes(item.payload(item.versions[0]))
            ninjs_paths.append(path)
        took = ingest(ninjs_paths)
        figure(
            f"ninjs 3.1 ingest ({ITEMS} items, one file each)",
            ITEMS / took,
            "items/s",
            NINJS_BUDGET,
        )
        figure("ninjs 3.1 ingest, Python CPU per item", CPU_SECONDS[-1] / ITEMS * 1000, "ms")
        # Plain text names no agency in a field: delivered per agency, as --agency says.
        text_items = wire_items(ITEMS, tag + "text")
        by_agency: dict[str, list[Path]] = {}
        for number, item in enumerate(text_items):
            path = folder / f"{number:05d}.txt"
            path.write_bytes(as_text(item))
            by_agency.setdefault(item.agency_slug, []).append(path)
        CPU_SECONDS.clear()
        took = sum(ingest(paths, agency=slug) for slug, paths in by_agency.items())
        figure(f"plain-text ingest ({ITEMS} items, one file each)", ITEMS / took, "items/s")
        figure("plain-text ingest, Python CPU per item", sum(CPU_SECONDS) / ITEMS * 1000, "ms")
    assert WireStory.objects.count() == before + 2 * ITEMS, "every item is a new row"
