"""Opening the editor for a 40-paragraph story with 100,000 translation memory entries.

Prints the queries the page costs (the budget, 15, is asserted in
tests/translations/test_desk_queries.py) and the near-match look-up time per paragraph
(target: under 100 ms a paragraph on PostgreSQL). The memory is synthetic news-like text:
frequent function words and a long tail of rarer words, as real paragraphs have.
"""

import itertools
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Agency, WireStory
from translations.memory import memory_fuzzy, near_match_key, normalise, text_hash
from translations.models import MemoryEntry
from translations.services.desk import wire_story_claim

ENTRIES = 100_000
PARAGRAPHS = 40
EDITOR_QUERY_BUDGET = 15
CONSONANTS = "бвгджзклмнпрстфхцчшщ"
VOWELS = "аеиоуыэюяё"
COMMON = ("и", "в", "на", "с", "по", "что", "это", "для", "как", "из", "от", "о", "не", "к", "а",
          "года", "также", "был")  # fmt: skip


def vocabulary(rng: random.Random, size: int) -> list[str]:
    syllables = [c + v for c in CONSONANTS for v in VOWELS]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(syllables, k=rng.randint(2, 4))))
    return sorted(words)


def paragraph(rng: random.Random, words: list[str], cumulative: list[float]) -> str:
    """About 35 words: a third function words, the rest drawn by a Zipf-like law."""
    chosen = [
        rng.choice(COMMON) if rng.random() < 0.35 else rng.choices(words, cum_weights=cumulative)[0]
        for _ in range(rng.randint(25, 45))
    ]
    return " ".join(chosen).capitalize() + "."


def load_memory(
    rng: random.Random, words: list[str], weights: list[float], story_paragraphs: list[str]
) -> None:
    batch: list[MemoryEntry] = []

    def entry(source: str, target: str) -> MemoryEntry:
        return MemoryEntry(
            source_language="ru",
            target_language="en",
            source_text=normalise(source),
            target_text=target,
            source_hash=text_hash(source),
            source_key=near_match_key(source),
            target_hash=text_hash(target),
        )

    # A near match (one word changed) for every other paragraph of the story.
    for index, text in enumerate(story_paragraphs[::2]):
        tokens = text.split()
        tokens[len(tokens) // 2] = rng.choice(words)
        batch.append(entry(" ".join(tokens), f"Remembered translation {index}."))
    for number in range(ENTRIES - len(batch)):
        batch.append(entry(paragraph(rng, words, weights), f"Translation {number}."))
        if len(batch) >= 5000:
            MemoryEntry.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    MemoryEntry.objects.bulk_create(batch, ignore_conflicts=True)
    if connection.vendor == "postgresql":
        # As autovacuum would after a load: statistics, and the GIN pending list merged.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {MemoryEntry._meta.db_table}")


def run() -> None:
    rng = random.Random(20260101)
    words = vocabulary(rng, 20000)
    weights = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(words))))
    story_paragraphs = [paragraph(rng, words, weights) for _ in range(PARAGRAPHS)]
    started = time.perf_counter()
    if MemoryEntry.objects.count() < ENTRIES:  # bench/run.py --keepdb reuses a loaded memory
        load_memory(rng, words, weights, story_paragraphs)
    print(
        f"memory: {MemoryEntry.objects.count():,} entries loaded in "
        f"{time.perf_counter() - started:.1f} s"
    )

    agency, _ = Agency.objects.get_or_create(name="Bench Agency", slug="bench-agency")
    wire = WireStory.objects.create(
        agency=agency,
        guid=f"bench:{time.time_ns()}",
        language="ru",
        headline="Заголовок",
        paragraphs=story_paragraphs,
        format="text",
        raw_payload=b"bench",
        checksum="0" * 64,
    )
    translator, _ = get_user_model().objects.get_or_create(
        username="bench-translator", is_staff=True
    )
    translator.groups.add(Group.objects.get(name="Translators"))
    story = wire_story_claim(wire_story=wire, actor=translator)

    client = Client()
    client.force_login(translator)
    url = reverse("admin:articles_story_translate", args=[story.pk])
    client.get(url)  # warm the caches of connection, templates and permissions
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        page_time = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    offered = response.content.decode().count('class="desk-score"')
    print(
        f"editor page: {len(queries)} queries (budget {EDITOR_QUERY_BUDGET}), "
        f"{page_time * 1000:.0f} ms, {offered} near matches offered"
    )

    started = time.perf_counter()
    found = memory_fuzzy(story_paragraphs, source_language="ru", target_language="en")
    together = (time.perf_counter() - started) / PARAGRAPHS
    timings = []
    for text in story_paragraphs:
        started = time.perf_counter()
        memory_fuzzy([text], source_language="ru", target_language="en")
        timings.append(time.perf_counter() - started)
    hits = sum(1 for matches in found if matches)
    print(
        f"near-match look-up, all {PARAGRAPHS} paragraphs in one query: "
        f"{together * 1000:.1f} ms per paragraph ({hits} paragraphs with matches)"
    )
    print(
        f"near-match look-up, one paragraph at a time: median "
        f"{statistics.median(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms"
    )
