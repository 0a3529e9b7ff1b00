"""Translation memory and glossary."""

from django.db import models
from django.db.models.functions import Lower


class MemoryEntry(models.Model):
    """An approved pair of paragraphs, reused when the same or a similar source comes again."""

    source_language = models.CharField(max_length=35)
    target_language = models.CharField(max_length=35)
    source_text = models.TextField()
    target_text = models.TextField()
    source_hash = models.CharField(
        max_length=64, db_index=True, help_text="SHA-256 of the whitespace-normalised source."
    )
    source_key = models.TextField(
        blank=True,
        help_text="The source's distinct word stems, sorted and space-separated: what the "
        "near-match index searches (translations.memory.near_match_key).",
    )
    target_hash = models.CharField(
        max_length=64,
        help_text="SHA-256 of the whitespace-normalised target: a paragraph is too long for a "
        "unique index on its text, its hash is not.",
    )
    story = models.ForeignKey(
        "articles.Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "memory entries"
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "source_hash", "target_hash"],
                name="memory_entry_unique_pair",
            )
        ]
        indexes = [models.Index(fields=["source_language", "target_language", "source_hash"])]

    def __str__(self) -> str:
        return self.source_text[:60]


class GlossaryTerm(models.Model):
    """A term the translation must render in a fixed way for one language pair."""

    source_language = models.CharField(max_length=35)
    target_language = models.CharField(max_length=35)
    source_term = models.CharField(max_length=200)
    target_term = models.CharField(
        max_length=200, help_text="A translation that leaves this out fails the glossary check."
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["source_language", "target_language", "source_term"]
        constraints = [
            # Matching ignores case, so "NATO" and "Nato" would be one term twice.
            models.UniqueConstraint(
                "source_language",
                "target_language",
                Lower("source_term"),
                name="glossary_term_unique",
            )
        ]
        # The admin list's order and its language filters (IndexedValuesFieldListFilter).
        indexes = [
            models.Index(
                fields=["source_language", "target_language", "source_term"],
                name="glossary_admin_order_idx",
            ),
            models.Index(fields=["target_language"], name="glossary_target_language_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.source_term} → {self.target_term}"
