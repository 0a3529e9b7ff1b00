"""The near-match look-up searches each entry's word stems, no longer a trigram key.

A trigram index on the longest words made the worst paragraph of a 100,000-entry memory take
220 ms: its words' trigrams are common, so thousands of entries passed the index and were each
re-scored. Word stems are selective, and a GIN index on their array answers "holds all these
stems" directly (translations.memory explains the look-up). The index exists on PostgreSQL only;
SQLite scores candidates in Python instead. Reversing restores the trigram key and index.
"""

import re

from django.db import migrations, models

TRIGRAM_INDEX = "memory_source_key_trgm"
STEMS_INDEX = "memory_source_stems"
_WORDS = re.compile(r"[^\W\d_]+")


def _stems_key(text):
    # A frozen copy of translations.memory.near_match_key, as migrations must not import it.
    return " ".join(sorted({word[:5] for word in _WORDS.findall(text.lower())}))


def _longest_words_key(text):
    # The key of migration 0004, for reversing.
    words = sorted(set(_WORDS.findall(text.lower())), key=lambda w: (-len(w), w))
    return " ".join(sorted(words[:8]))


def _fill(apps, key):
    MemoryEntry = apps.get_model("translations", "MemoryEntry")
    batch = []
    for entry in MemoryEntry.objects.only("pk", "source_text").iterator(chunk_size=2000):
        entry.source_key = key(entry.source_text)
        batch.append(entry)
        if len(batch) == 2000:
            MemoryEntry.objects.bulk_update(batch, ["source_key"])
            batch = []
    MemoryEntry.objects.bulk_update(batch, ["source_key"])


def fill_stems(apps, schema_editor):
    _fill(apps, _stems_key)


def fill_longest_words(apps, schema_editor):
    _fill(apps, _longest_words_key)


def _table(apps, schema_editor):
    return schema_editor.quote_name(apps.get_model("translations", "MemoryEntry")._meta.db_table)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON {_table(apps, schema_editor)} "
            "USING gin (source_key gin_trgm_ops)"
        )


def create_stems_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = _table(apps, schema_editor)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {STEMS_INDEX} ON {table} "
            "USING gin (string_to_array(source_key, ' '))"
        )
        # The look-up groups stems by how common they are, from the statistics on this index.
        schema_editor.execute(f"ANALYZE {table}")


def drop_stems_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {STEMS_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("translations", "0005_choice_constraints")]

    operations = [
        # Each step skips its SQL on databases other than PostgreSQL.
        migrations.RunPython(drop_trigram_index, create_trigram_index),
        migrations.AlterField(
            model_name="memoryentry",
            name="source_key",
            field=models.TextField(
                blank=True,
                help_text="The source's distinct word stems, sorted and space-separated: what "
                "the near-match index searches (translations.memory.near_match_key).",
            ),
        ),
        migrations.RunPython(fill_stems, fill_longest_words),
        migrations.RunPython(create_stems_index, drop_stems_index),
    ]
