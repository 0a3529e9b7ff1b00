"""Translation memory: approved paragraph pairs, stored on approval and offered again.

An exact match is a source paragraph identical to a stored one once whitespace is normalised
(found by its hash). A near match scores at least MIN_FUZZY_SCORE on one measure, rapidfuzz's
normalised Indel similarity, on every database. PostgreSQL only narrows the candidates first,
with an index on each entry's word stems (near_match_key); SQLite has no such index, so there
the candidates are all the entries of the language pair of a plausible length.

How PostgreSQL narrows them: a near match shares most of the paragraph's distinct word stems
(MIN_SHARED_STEMS). Deal the paragraph's stems into as many groups as it may miss plus one, and
any such entry holds every stem of at least one group, since each stem it lacks spoils at most
one group. "Holds every stem of a group" is what a GIN index on the stem arrays answers fast,
the more so as each group includes a stem few entries have, which PostgreSQL's own statistics on
that index tell (pg_stats). The entries found are then counted exactly and scored on the full
text, so the grouping decides only the speed, never what is found.
"""

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.functions import Length
from django.utils.safestring import SafeString, mark_safe

from articles.models import Story
from translations.diffing import html_word_diff
from translations.models import MemoryEntry

MIN_FUZZY_SCORE = 75
# How many near matches a paragraph offers, and how many indexed candidates are re-scored.
FUZZY_OFFERS = 3
NEAR_CANDIDATES = 20
# Word stems: a word's first letters, so that "переговоров" and "переговоры" are one stem.
STEM_LETTERS = 5
# The share of a paragraph's distinct stems that a near match holds at the least. Measured with
# bench/bench_desk.py's edits (words replaced, endings changed, a clause dropped or added): no
# entry scoring >= 75 % held less than 58 % of them; below that, too many letters differ.
MIN_SHARED_STEMS = 0.55
STEMS_INDEX = "memory_source_stems"
_WORDS = re.compile(r"[^\W\d_]+")


def normalise(text: str) -> str:
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode()).hexdigest()


def near_match_stems(text: str) -> list[str]:
    """The text's distinct word stems, sorted."""
    return sorted({word[:STEM_LETTERS] for word in _WORDS.findall(text.lower())})


def near_match_key(text: str) -> str:
    """What MemoryEntry.source_key stores: the stems, space-separated, which PostgreSQL indexes
    as an array (string_to_array(source_key, ' '))."""
    return " ".join(near_match_stems(text))


def similarity(a: str, b: str) -> int:
    """The similarity of two paragraphs in percent, as shown to the translator."""
    from rapidfuzz import fuzz  # the desk's, not every web worker's: see articles/tasks.py

    return int(fuzz.ratio(normalise(a), normalise(b)))


@dataclass(frozen=True)
class MemoryMatch:
    entry_id: int
    source_text: str
    target_text: str
    score: int
    query: str
    # The diff as kept with the story's offers (translations.memory_offers), which made it with
    # html_word_diff: escaped text and our own <del>/<ins> only.
    kept_diff: str | None = field(default=None, compare=False)

    @property
    def diff_html(self) -> SafeString:
        """The paragraph being translated, marked where it differs from the remembered one."""
        if self.kept_diff is not None:
            return mark_safe(self.kept_diff)
        return html_word_diff(self.source_text, self.query)


def memory_exact(
    texts: Sequence[str], *, source_language: str, target_language: str
) -> dict[str, MemoryEntry]:
    """The newest stored entry per source hash, for the given texts, in one query."""
    hashes = {text_hash(t) for t in texts if t.strip()}
    if not hashes:
        return {}
    entries = MemoryEntry.objects.filter(
        source_language=source_language, target_language=target_language, source_hash__in=hashes
    ).order_by("source_hash", "-created_at", "-pk")
    found: dict[str, MemoryEntry] = {}
    for entry in entries:
        found.setdefault(entry.source_hash, entry)
    return found


def _stem_frequencies(cursor) -> dict[str, float]:
    """The share of entries holding each common stem, from PostgreSQL's statistics on the stems
    index (gathered by ANALYZE, which autovacuum runs); stems not listed are rarer than all
    listed ones. Without statistics every stem counts as rare: slower, never less found."""
    cursor.execute(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
        "WHERE schemaname = current_schema() AND tablename = %s",
        [STEMS_INDEX],
    )
    row = cursor.fetchone()
    if row is None or row[0] is None:
        return {}
    # The frequencies end with three summary figures (lowest, highest, empty share): not zipped.
    return dict(zip(row[0], row[1], strict=False))


def _stem_groups(stems: list[str], frequencies: dict[str, float]) -> tuple[list[list[str]], int]:
    """Disjoint groups of the stems such that an entry holding `shared` of them holds a whole
    group, and that number. Each group starts with one of the rarest stems; the others go, the
    commonest first, to the group that would otherwise match the most entries."""
    shared = math.ceil(MIN_SHARED_STEMS * len(stems))
    count = len(stems) - shared + 1
    rare = min(frequencies.values(), default=1.0) / 2

    def frequency(stem: str) -> float:
        return max(frequencies.get(stem, rare), 1e-9)

    ordered = sorted(stems, key=lambda s: (frequency(s), -len(s), s))
    groups = [[stem] for stem in ordered[:count]]
    expected = [math.log(frequency(stem)) for stem in ordered[:count]]
    for stem in reversed(ordered[count:]):
        widest = max(range(count), key=expected.__getitem__)
        groups[widest].append(stem)
        expected[widest] += math.log(frequency(stem))
    return groups, shared


def _pg_candidates(
    texts: list[str], source_language: str, target_language: str
) -> list[list[tuple[int, str, str, str]]]:
    # One statement for all the paragraphs, one branch each, so that opening a long story costs
    # two queries (the statistics, then the look-up). The table name is ours; every value is a
    # parameter. The expression string_to_array(source_key, ' ') must stay the index's.
    table = connection.ops.quote_name(MemoryEntry._meta.db_table)
    found: list[list[tuple[int, str, str, str]]] = [[] for _ in texts]
    branches, params = [], []
    with connection.cursor() as cursor:
        frequencies = _stem_frequencies(cursor)
        for ordinal, text in enumerate(texts):
            stems = near_match_stems(text)
            if not stems:
                continue
            groups, shared = _stem_groups(stems, frequencies)
            holds_a_group = " OR ".join(
                ["string_to_array(e.source_key, ' ') @> %s::text[]"] * len(groups)
            )
            # Indel similarity >= 75 % needs the shorter text to be >= 60 % of the longer.
            branches.append(f"""(
                SELECT %s, c.id, c.source_text, c.target_text, c.source_hash FROM (
                    SELECT e.id, e.source_text, e.target_text, e.source_hash, (
                        SELECT count(*) FROM unnest(string_to_array(e.source_key, ' ')) AS s
                        WHERE s = ANY(%s::text[])
                    ) AS shared
                    FROM {table} e
                    WHERE ({holds_a_group})
                        AND e.source_language = %s AND e.target_language = %s
                        AND e.source_hash <> %s
                        AND length(e.source_text) BETWEEN %s AND %s
                ) c
                WHERE c.shared >= %s
                ORDER BY c.shared DESC, c.id
                LIMIT {NEAR_CANDIDATES}
            )""")
            params += [ordinal, stems, *groups, source_language, target_language]
            params += [text_hash(text), int(len(text) * 0.6), int(len(text) / 0.6) + 1, shared]
        if not branches:
            return found
        cursor.execute(" UNION ALL ".join(branches), params)
        for ordinal, pk, source, target, source_hash in cursor.fetchall():
            found[ordinal].append((pk, source, target, source_hash))
    return found


def _python_candidates(
    texts: list[str], source_language: str, target_language: str
) -> list[list[tuple[int, str, str, str]]]:
    # A near match cannot differ much in length: Indel similarity >= 75 % implies the shorter
    # text is at least 60 % of the longer, so only entries in that band are read.
    lengths = [len(t) for t in texts]
    shortest, longest = min(lengths), max(lengths)
    rows = list(
        MemoryEntry.objects.annotate(length=Length("source_text"))
        .filter(
            source_language=source_language,
            target_language=target_language,
            length__gte=int(shortest * 0.6),
            length__lte=int(longest / 0.6) + 1,
        )
        .values_list("pk", "source_text", "target_text", "source_hash")
    )
    from rapidfuzz import fuzz, process

    choices = [normalise(row[1]) for row in rows]
    found = []
    for text in texts:
        best = process.extract(
            normalise(text),
            choices,
            scorer=fuzz.ratio,
            score_cutoff=MIN_FUZZY_SCORE,
            limit=NEAR_CANDIDATES,
        )
        found.append([rows[index] for _choice, _score, index in best])
    return found


def memory_fuzzy(
    texts: Sequence[str], *, source_language: str, target_language: str
) -> list[list[MemoryMatch]]:
    """Near matches for each text (best first, at most FUZZY_OFFERS), exact matches left out."""
    wanted = [i for i, t in enumerate(texts) if t.strip()]
    results: list[list[MemoryMatch]] = [[] for _ in texts]
    if not wanted:
        return results
    queries = [normalise(texts[i]) for i in wanted]
    if connection.vendor == "postgresql":
        candidates = _pg_candidates(queries, source_language, target_language)
    else:
        candidates = _python_candidates(queries, source_language, target_language)
    for index, query, rows in zip(wanted, queries, candidates, strict=True):
        own_hash = text_hash(query)
        matches = [
            MemoryMatch(pk, source, target, similarity(source, query), texts[index])
            for pk, source, target, source_hash in rows
            if source_hash != own_hash
        ]
        matches = [m for m in matches if m.score >= MIN_FUZZY_SCORE]
        matches.sort(key=lambda m: (-m.score, m.entry_id))
        results[index] = matches[:FUZZY_OFFERS]
    return results


def memory_pairs(story: Story) -> list[tuple[str, str]]:
    """The (source, target) pairs of a translated story that the memory can reuse.

    Headline and summary, and every target paragraph made from exactly one source paragraph
    that no other target paragraph shares: a split or merged paragraph is no reusable pair.
    """
    translation = story.translation
    source = translation.wire_story
    pairs = [(source.headline, story.headline), (source.summary, story.summary)]
    aligned = [
        (paragraph.text, alignment.source_indexes)
        for paragraph in story.paragraphs.select_related("alignment").order_by("position")
        if (alignment := getattr(paragraph, "alignment", None)) is not None
    ]
    uses = Counter(index for _text, indexes in aligned for index in indexes)
    for text, indexes in aligned:
        if len(indexes) != 1:
            continue
        (index,) = indexes
        if uses[index] == 1 and index < len(source.paragraphs):
            pairs.append((source.paragraphs[index], text))
    return [(s, t) for s, t in pairs if s.strip() and t.strip()]


def memory_store_story(story: Story) -> int:
    """Store an approved story's paragraph pairs; return how many pairs were offered.

    Runs inside the approval's transaction, so an approval and its memory stand or fall together.
    """
    translation = getattr(story, "translation", None)
    if translation is None:
        return 0
    pairs = memory_pairs(story)
    MemoryEntry.objects.bulk_create(
        [
            MemoryEntry(
                source_language=translation.source_language,
                target_language=translation.target_language,
                source_text=normalise(source),
                target_text=target.strip(),
                source_hash=text_hash(source),
                source_key=near_match_key(source),
                target_hash=text_hash(target),
                story=story,
            )
            for source, target in pairs
        ],
        ignore_conflicts=True,
    )
    return len(pairs)
