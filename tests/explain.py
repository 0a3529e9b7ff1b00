"""EXPLAIN checks of the read paths at archive scale (PostgreSQL only).

`seed_archive()` fills an empty test database with an archive of published stories in plain
SQL (INSERT ... SELECT generate_series, then ANALYZE): 100,000 stories take well under a minute,
where seed_newsroom, which goes through the models, takes ten. It writes what the read paths
read: wire stories, stories in every public state (live, scheduled, withdrawn, drafts),
paragraphs, translations with a translator, attributions, corrections, search documents, audit
events and glossary terms. `clear_archive()` takes it all away again.

`plan_problems()` runs EXPLAIN (FORMAT JSON) on a captured statement and names what would make it
grow with the archive: a sequential scan of a big table, or an aggregate over more than a page of
rows (a count of the archive).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import connection

from articles.models import Agency, Section

# The tables that grow with the archive: none of them may be read from end to end.
BIG_TABLES = frozenset(
    {
        "articles_story",
        "articles_wirestory",
        "articles_storyparagraph",
        "articles_storysearchdocument",
        "articles_attribution",
        "translations_translation",
        "translations_auditevent",
    }
)
# An aggregate reading more rows than this is counting the archive, not a page of it.
MAX_AGGREGATED_ROWS = 1_000

SECTIONS = ["World", "Politics", "Economy", "Energy", "Culture", "Sport"]
AGENCIES = ["Trend", "Kazinform", "AKIpress", "Kabar"]
RARE_WORD = "Aktau"  # in one story of 500: a search that finds a page of a few hundred


@dataclass(frozen=True)
class Archive:
    stories: int
    section: str  # a section's slug
    agency: str  # an agency's slug
    story: str  # a live story's slug, with an alternate in another language
    withdrawn: str  # a withdrawn story's slug
    superuser: object

    @property
    def month(self) -> str:
        """A full month of the archive (about 8,600 stories at one every five minutes), as the
        story sitemaps name it: "2026-09"."""
        return f"{datetime.now(UTC) - timedelta(days=60):%Y-%m}"


# Truncated by clear_archive(); CASCADE reaches what refers to them (all empty in tests).
_TABLES = [
    "articles_storysearchdocument",
    "articles_storyparagraph",
    "articles_correction",
    "articles_attribution",
    "translations_translation_translators",
    "translations_translation",
    "translations_auditevent",
    "translations_glossaryterm",
    "articles_story",
    "articles_wirestory",
]

_SQL = """
INSERT INTO articles_wirestory (
    id, guid, version, agency_version, language, headline, summary, paragraphs, byline,
    dateline, credit_line, sent_at, received_at, pub_status, source_url, format, raw_payload,
    checksum, agency_id, detected_language, internal_notes, language_source, parse_warnings)
SELECT i, 'wire-' || i, 1, '', 'ru', 'Сообщение ' || i, '', '["Текст."]'::jsonb, '', '', '',
    now() - i * interval '5 minutes', now() - i * interval '5 minutes', 'usable', '', 'text',
    ''::bytea, md5(i::text), (%(agencies)s)[1 + i %% 4], '', '', 'item', '[]'::jsonb
FROM generate_series(1, %(n)s) AS i;

-- Story i: one in ten is the German translation of the wire story before it (an alternate);
-- one in fifty withdrawn, one in fifty a draft, the ten newest scheduled.
INSERT INTO articles_story (
    id, headline, slug, summary, language, dateline, byline, status, publish_at, created_at,
    updated_at, revision, withdrawn_at, withdrawal_note, section_id)
SELECT i,
    'Minister ' || (ARRAY['Tokayev','Aliyev','Japarov','Mirziyoyev','Erdogan'])[1 + i %% 5]
        || ' discusses ' || (ARRAY['energy','trade','transit','security','water','grain',
        'gas','railways'])[1 + i %% 8] || CASE WHEN i %% 500 = 0 THEN ' in ' || %(rare)s ELSE '' END
        || ' (' || i || ')',
    'story-' || i,
    'The talks covered cooperation, number ' || i || '.',
    CASE WHEN i %% 10 = 0 THEN 'de' ELSE 'en' END, 'Astana', '',
    CASE WHEN i %% 50 = 7 THEN 'withdrawn' WHEN i %% 50 = 13 THEN 'draft'
        ELSE 'published' END,
    CASE WHEN i %% 50 = 13 THEN NULL
        ELSE now() - (i - 10) * interval '5 minutes' END,
    now(), now(), 1,
    CASE WHEN i %% 50 = 7 THEN now() - (i - 20) * interval '5 minutes' END,
    CASE WHEN i %% 50 = 7 THEN 'The agency retracted the story.' ELSE '' END,
    CASE WHEN i %% 17 = 0 THEN NULL ELSE (%(sections)s)[1 + i %% 6] END
FROM generate_series(1, %(n)s) AS i;

INSERT INTO articles_storyparagraph (key, position, text, story_id, method, source_indexes)
SELECT 'p' || p, p, 'Paragraph ' || p || ' of story ' || i || ': the delegations met in '
    || (ARRAY['Astana','Baku','Bishkek','Tashkent','Ankara'])[1 + (i + p) %% 5] || '.',
    i, '', '[]'::jsonb
FROM generate_series(1, %(n)s) AS i, generate_series(0, 2) AS p;

INSERT INTO translations_translation (
    source_language, target_language, method, credit_line, source_checksum, created_at,
    story_id, wire_story_id)
SELECT 'ru', CASE WHEN i %% 10 = 0 THEN 'de' ELSE 'en' END, 'human', 'Translated from '
    || (ARRAY['Trend','Kazinform','AKIpress','Kabar'])[1 + (i - (i %% 10 = 0)::int) %% 4],
    '', now(), i, i - (i %% 10 = 0)::int
FROM generate_series(1, %(n)s) AS i;

INSERT INTO translations_translation_translators (translation_id, user_id)
SELECT id, %(translator)s FROM translations_translation;

INSERT INTO articles_attribution (credited_name, role, position, agency_id, story_id,
    other_spellings)
SELECT 'Agency ' || (1 + (i + 1) %% 4), 'original_reporter', 0,
    (%(agencies)s)[1 + (i + 1) %% 4], i, '[]'::jsonb
FROM generate_series(1, %(n)s) AS i;

INSERT INTO articles_correction (note, created_at, story_id)
SELECT 'A name was misspelt.', now() - (i - 12) * interval '5 minutes', i
FROM generate_series(20, %(n)s, 20) AS i;

-- The summary and the first paragraph: enough text to find and to cut a snippet from.
INSERT INTO articles_storysearchdocument (story_id, config, headline, text, vector, indexed_at)
SELECT d.id, d.config, d.headline, d.text,
    setweight(to_tsvector(d.config::regconfig, d.headline), 'A')
    || setweight(to_tsvector(d.config::regconfig, d.text), 'B'), now()
FROM (
    SELECT s.id, CASE s.language WHEN 'de' THEN 'german' ELSE 'english' END AS config,
        s.headline, s.summary || E'\n\n' || p.text AS text
    FROM articles_story s JOIN articles_storyparagraph p ON p.story_id = s.id AND p.position = 0
    WHERE s.status = 'published'
) AS d;

INSERT INTO translations_auditevent (event_type, from_status, to_status, comment, payload,
    created_at, actor_id, story_id)
SELECT 'story_published', 'approved', 'published', '', '{}'::jsonb, s.publish_at,
    %(translator)s, s.id
FROM articles_story s WHERE s.status = 'published';

INSERT INTO translations_glossaryterm (source_language, target_language, source_term,
    target_term, note)
SELECT 'ru', 'en', 'термин ' || i, 'term ' || i, '' FROM generate_series(1, %(n)s / 10) AS i;
"""


def seed_archive(stories: int = 100_000) -> Archive:
    """Fill the (empty) test database with `stories` stories and analyse it."""
    sections = [
        Section.objects.create(name=name, slug=f"x-{name.lower()}", position=n)
        for n, name in enumerate(SECTIONS)
    ]
    agencies = [
        Agency.objects.create(name=f"{name} (archive)", slug=f"x-{name.lower()}")
        for name in AGENCIES
    ]
    users = get_user_model().objects
    translator = users.create_user("x-translator", first_name="Ivan", last_name="Petrov")
    superuser = users.create_superuser("x-admin", password="x")
    with connection.cursor() as cursor:
        for table in ("articles_story", "articles_wirestory"):
            cursor.execute(f"SELECT count(*) FROM {table}")
            if cursor.fetchone()[0]:
                raise RuntimeError(f"{table} is not empty: the archive needs an empty database.")
        for statement in _SQL.split(";\n"):
            if statement.strip():
                cursor.execute(
                    statement,
                    {
                        "n": stories,
                        "agencies": [a.pk for a in agencies],
                        "sections": [s.pk for s in sections],
                        "translator": translator.pk,
                        "rare": RARE_WORD,
                    },
                )
        for table in ("articles_story", "articles_wirestory"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)",
                [stories],
            )
        # Statistics from every row (a sample of 300 x the target rows): ANALYZE's random sample
        # of a 100,000-row table otherwise changes some plans from one run to the next.
        cursor.execute("SET default_statistics_target = 400")
        cursor.execute("ANALYZE")
        cursor.execute("RESET default_statistics_target")
    return Archive(
        stories=stories,
        section=sections[1].slug,
        agency=agencies[0].slug,
        story="story-19",  # story-20 is its German translation
        withdrawn="story-57",
        superuser=superuser,
    )


def clear_archive() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(_TABLES)} CASCADE")
    Section.objects.filter(slug__startswith="x-").delete()
    Agency.objects.filter(slug__startswith="x-").delete()
    get_user_model().objects.filter(username__startswith="x-").delete()


def _nodes(plan: dict) -> Iterator[dict]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def plan_problems(sql: str, params=None) -> list[str]:
    """What in the statement's plan reads the archive end to end; empty when nothing does.

    Without params the statement is run as it was captured (literals inlined), so that a "%" in
    a literal, as in a search's LIKE pattern, is not read as a placeholder."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (explained,) = cursor.fetchone()
    problems = []
    for node in _nodes(explained[0]["Plan"]):
        kind = node["Node Type"]
        relation = node.get("Relation Name")
        if kind == "Seq Scan" and relation in BIG_TABLES:
            problems.append(f"Seq Scan on {relation} ({node['Plan Rows']} rows estimated)")
        if kind == "Aggregate":
            rows = sum(child["Plan Rows"] for child in node.get("Plans", []))
            if rows > MAX_AGGREGATED_ROWS:
                problems.append(f"Aggregate over {rows} rows")
    return problems


def explainable(sql: str) -> bool:
    return sql.lstrip().upper().startswith(("SELECT", "WITH"))
