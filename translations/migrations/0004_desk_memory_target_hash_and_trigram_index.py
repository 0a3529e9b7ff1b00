"""Memory entries are unique by the hash of their target (a long paragraph does not fit in a
B-tree index entry on PostgreSQL), and the near-match look-up gets a trigram index.

The trigram index exists on PostgreSQL only; SQLite scores candidates in Python instead.
"""

import hashlib

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

INDEX = "memory_source_trgm"


def _hash(text):
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def fill_target_hashes(apps, schema_editor):
    MemoryEntry = apps.get_model("translations", "MemoryEntry")
    entries = list(MemoryEntry.objects.only("pk", "target_text"))
    for entry in entries:
        entry.target_hash = _hash(entry.target_text)
    MemoryEntry.objects.bulk_update(entries, ["target_hash"], batch_size=1000)


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("translations", "MemoryEntry")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin (source_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("translations", "0003_desk_comment_resolved_event")]

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
        migrations.RunPython(fill_target_hashes, migrations.RunPython.noop),
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
