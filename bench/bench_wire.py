"""Wire ingest throughput for NewsML-G2 and RSS/Atom deliveries (items per second).

Generates news-like deliveries in the shapes agencies send: single-item NewsML-G2 files with an
XHTML body, newsMessage files of 25 items with a NITF body, and RSS 2.0 feeds of 25 entries with
HTML descriptions; each item has six paragraphs, a dateline tag and an infoSource or source
credit. For each shape it prints items/s for parsing alone, for parsing and writing new wire
stories (attributions included) as a feed poll writes them (one transaction per poll, a savepoint
per item), and for a second delivery of the same files (which writes nothing). The figures that
matter are PostgreSQL's; ninjs and text are benchmarked beside this.
"""

import os
import random
import time
from collections.abc import Callable

from django.db import transaction

from articles.ingest.registry import parse
from articles.models import Agency, WireStory
from articles.services.ingest import Action, ingest_data

ITEMS = 500
PER_MESSAGE = 25
WORDS = ("minister", "government", "talks", "agreement", "export", "grain", "railway",
         "corridor", "capital", "region", "energy", "project", "investment", "parliament",
         "border", "trade", "budget", "reform", "delegation", "summit", "cooperation",
         "transport", "ministry", "official", "statement", "week", "million")  # fmt: skip


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    return " ".join(words).capitalize() + "."


def paragraphs(rng: random.Random) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 3))) for _ in range(6)]


def g2_item(rng: random.Random, number: int, run: str, *, nitf: bool) -> str:
    body = paragraphs(rng)
    body[0] = f"ASTANA, March 5 (Kazinform) - {body[0]}"
    if nitf:
        content = (
            '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/'
            '2006-10-18/"><body><body.content>'
            + "".join(f"<p>{p}</p>" for p in body)
            + "</body.content></body></nitf></inlineXML>"
        )
    else:
        content = (
            '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/'
            'xhtml"><body>' + "".join(f"<p>{p}</p>" for p in body) + "</body></html></inlineXML>"
        )
    return (
        f'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:bench:{run}:{number}" '
        'version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">'
        '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="Bench"/>'
        "<versionCreated>2024-03-05T09:30:00Z</versionCreated>"
        '<pubStatus qcode="stat:usable"/></itemMeta>'
        '<contentMeta><infoSource role="isrol:originfo"><name>Kazinform</name></infoSource>'
        f'<language tag="en"/><headline>Bench story {number} {sentence(rng)[:60]}</headline>'
        f"</contentMeta><contentSet>{content}</contentSet></newsItem>"
    )


def g2_files(rng: random.Random, run: str, *, per_file: int) -> list[bytes]:
    files = []
    for start in range(0, ITEMS, per_file):
        items = [g2_item(rng, n, run, nitf=per_file > 1) for n in range(start, start + per_file)]
        if per_file == 1:
            files.append(('<?xml version="1.0" encoding="UTF-8"?>' + items[0]).encode())
        else:
            files.append(
                (
                    '<?xml version="1.0" encoding="UTF-8"?><newsMessage xmlns="http://iptc.org/std/'
                    'nar/2006-10-01/"><header><sent>2024-03-05T09:30:00Z</sent></header><itemSet>'
                    + "".join(items)
                    + "</itemSet></newsMessage>"
                ).encode()
            )
    return files


def rss_files(rng: random.Random, run: str) -> list[bytes]:
    files = []
    for start in range(0, ITEMS, PER_MESSAGE):
        entries = []
        for number in range(start, start + PER_MESSAGE):
            body = paragraphs(rng)
            body[0] = f"ASTANA, March 5 (Kazinform) - {body[0]}"
            html = "".join(f"<p>{p}</p>" for p in body).replace("<", "&lt;").replace(">", "&gt;")
            entries.append(
                f"<item><title>Bench story {number} {sentence(rng)[:60]}</title>"
                f"<guid>urn:bench:{run}:rss:{number}</guid>"
                f"<link>https://example.com/{run}/{number}</link>"
                "<pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate>"
                "<source url='https://kazinform.example/rss'>Kazinform</source>"
                f"<description>{html}</description></item>"
            )
        files.append(
            (
                '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                "<title>Bench wire</title><language>en</language>"
                + "".join(entries)
                + "</channel></rss>"
            ).encode()
        )
    return files


def timed(label: str, items: int, work: Callable[[], object]) -> float:
    """Wall-clock items/s, and this process's CPU per item: on a shared machine the wall figure
    mostly measures the other processes, the CPU one what ingest itself costs here."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"  {label:<34} {items:>5} items in {elapsed:6.2f} s = {items / elapsed:6.0f} items/s"
        f"  (CPU here {cpu / items * 1000:5.2f} ms/item)"
    )
    return elapsed


def bench_shape(label: str, files: list[bytes], agency: Agency) -> None:
    print(f"{label}: {len(files)} files, {ITEMS} items, {sum(map(len, files)) / 1e6:.1f} MB")

    def parse_all() -> None:
        for data in files:
            parse(data, "bench")

    def ingest_all(expected: Action) -> None:
        # As a feed poll does: one transaction for the poll, a savepoint per item.
        with transaction.atomic():
            for data in files:
                outcomes = ingest_data(data, name="bench", agency=agency)
                wrong = [o for o in outcomes if o.action != expected]
                if wrong:
                    raise SystemExit(f"bench: {wrong[0]}")

    timed("parse only", ITEMS, parse_all)
    timed("parse + write new stories", ITEMS, lambda: ingest_all(Action.CREATED))
    timed("same delivery again (unchanged)", ITEMS, lambda: ingest_all(Action.UNCHANGED))


def run() -> None:
    print(f"load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    rng = random.Random(20260311)
    agency, _ = Agency.objects.get_or_create(
        name="Bench Wire", slug="bench-wire", defaults={"default_language": "en"}
    )
    Agency.objects.get_or_create(name="Kazinform", slug="kazinform")
    run_id = str(time.time_ns())
    shapes = [
        ("NewsML-G2, one newsItem per file (XHTML)", g2_files(rng, run_id + "a", per_file=1)),
        (
            f"NewsML-G2, newsMessage of {PER_MESSAGE} (NITF)",
            g2_files(rng, run_id + "b", per_file=PER_MESSAGE),
        ),
        (f"RSS 2.0, {PER_MESSAGE} entries per feed", rss_files(rng, run_id)),
    ]
    for label, files in shapes:
        bench_shape(label, files, agency)
    print(f"wire stories written: {WireStory.objects.filter(agency=agency).count():,}")
