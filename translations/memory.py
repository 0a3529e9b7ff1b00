"""Translation memory: approved paragraph pairs, stored on approval and offered again.

An exact match is a source paragraph identical to a stored one once whitespace is normalised
(found by its hash). A near match scores at least MIN_FUZZY_SCORE on one measure, rapidfuzz's
normalised Indel similarity, on every database. PostgreSQL only narrows the candidates first:
its trigram index (pg_trgm) finds the entries whose near-match key (the source's longest words)
is like the paragraph's. SQLite has no such index, so there the candidates are all the entries
of the language pair of a plausible length.
"""

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models.functions import Length
from rapidfuzz import fuzz, process

from articles.models import Story
from translations.diffing import html_word_diff
from translations.models import MemoryEntry

MIN_FUZZY_SCORE = 75
# How many near matches a paragraph offers, and how many trigram candidates are re-scored.
FUZZY_OFFERS = 3
TRIGRAM_CANDIDATES = 10
KEY_WORDS = 8
_WORDS = re.compile(r"[^\W\d_]+")


def normalise(text: str) -> str:
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode()).hexdigest()


def near_match_key(text: str) -> str:
    """The text's KEY_WORDS longest distinct words, sorted: long words are the rare ones, so two
    paragraphs that differ by a word or two share most of their key, and its trigrams are few
    and selective where those of the whole paragraph are many and common."""
    words = sorted(set(_WORDS.findall(text.lower())), key=lambda w: (-len(w), w))
    return " ".join(sorted(words[:KEY_WORDS]))


def similarity(a: str, b: str) -> int:
    """The similarity of two paragraphs in percent, as shown to the translator."""
    return int(fuzz.ratio(normalise(a), normalise(b)))


@dataclass(frozen=True)
class MemoryMatch:
    entry_id: int
    source_text: str
    target_text: str
    score: int
    query: str

    @property
    def diff_html(self) -> str:
        """The paragraph being translated, marked where it differs from the remembered one."""
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


def _pg_candidates(
    texts: list[str], source_language: str, target_language: str
) -> list[list[tuple[int, str, str, str]]]:
    # One statement for all the paragraphs, one branch each, so that opening a long story costs
    # one query. `%` is pg_trgm's similarity operator, which the GIN index on source_key answers.
    # The table name is ours; every value is a parameter.
    table = connection.ops.quote_name(MemoryEntry._meta.db_table)
    branch = f"""(
        SELECT %s, e.id, e.source_text, e.target_text, e.source_hash
        FROM {table} e
        WHERE e.source_language = %s AND e.target_language = %s AND e.source_key %% %s
        ORDER BY similarity(e.source_key, %s) DESC, e.id
        LIMIT {TRIGRAM_CANDIDATES}
    )"""
    branches, params = [], []
    for ordinal, text in enumerate(texts):
        key = near_match_key(text)
        if key:
            branches.append(branch)
            params += [ordinal, source_language, target_language, key, key]
    found: list[list[tuple[int, str, str, str]]] = [[] for _ in texts]
    if not branches:
        return found
    with connection.cursor() as cursor:
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
    choices = [normalise(row[1]) for row in rows]
    found = []
    for text in texts:
        best = process.extract(
            normalise(text),
            choices,
            scorer=fuzz.ratio,
            score_cutoff=MIN_FUZZY_SCORE,
            limit=TRIGRAM_CANDIDATES,
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
