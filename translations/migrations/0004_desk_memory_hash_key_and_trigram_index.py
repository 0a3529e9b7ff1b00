"""Memory entries are unique by the hash of their target (a long paragraph does not fit in a
B-tree index entry on PostgreSQL), and the near-match look-up gets a key and a trigram index.

The trigram index is on the near-match key (the source's longest words), not on the whole
source: a paragraph's hundreds of trigrams, most of them common, made every look-up read most
of the index (150 ms a paragraph with 100,000 entries); the key's few rarer ones do not
(20 ms). It exists on PostgreSQL only; SQLite scores candidates in Python instead.
"""

import hashlib
import re

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

INDEX = "memory_source_key_trgm"


def _hash(text):
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _key(text):
    # A frozen copy of translations.memory.near_match_key, as migrations must not import it.
    words = sorted(set(re.findall(r"[^\W\d_]+", text.lower())), key=lambda w: (-len(w), w))
    return " ".join(sorted(words[:8]))


def fill_hashes_and_keys(apps, schema_editor):
    MemoryEntry = apps.get_model("translations", "MemoryEntry")
    entries = list(MemoryEntry.objects.only("pk", "source_text", "target_text"))
    for entry in entries:
        entry.target_hash = _hash(entry.target_text)
        entry.source_key = _key(entry.source_text)
    MemoryEntry.objects.bulk_update(entries, ["target_hash", "source_key"], batch_size=1000)


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("translations", "MemoryEntry")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin (source_key gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("translations", "0003_review_comments_and_events")]

    operations = [
        migrations.RemoveConstraint(model_name="memoryentry", name="memory_entry_unique_pair"),
        migrations.AddField(
            model_name="memoryentry",
            name="target_hash",
            field=models.CharField(
                default="",
                help_text="SHA-256 of the whitespace-normalised target: a paragraph is too long "
                "for a unique index on its text, its hash is not.",
                max_length=64,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="memoryentry",
            name="source_key",
            field=models.CharField(
                blank=True,
                help_text="The source's longest distinct words, sorted: what the near-match index "
                "searches (translations.memory.near_match_key).",
                max_length=1000,
            ),
        ),
        migrations.RunPython(fill_hashes_and_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="memoryentry",
            constraint=models.UniqueConstraint(
                fields=("source_language", "target_language", "source_hash", "target_hash"),
                name="memory_entry_unique_pair",
            ),
        ),
        # Skips itself on databases other than PostgreSQL.
        TrigramExtension(),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
