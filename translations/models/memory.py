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
        indexes = [
            models.Index(fields=["source_language", "target_language", "source_hash"]),
            # The memory's generation: its newest entry of a language pair, read on every desk
            # page (translations.memory_offers.memory_generation).
            models.Index(
                fields=["source_language", "target_language", "id"], name="memory_pair_newest"
            ),
        ]

    def __str__(self) -> str:
        return self.source_text[:60]


class MemoryOffers(models.Model):
    """The near matches the translation memory offers for one source text of a translation, kept
    with it so that opening the desk does not search the memory again.

    Derived, never edited by hand, and never trusted blindly: kept offers are stale when the
    memory of the language pair has grown since (memory_generation), and missing when the source
    text is new (a rebase, paragraphs merged); the desk then looks them up again and keeps them.
    translations.memory_offers reads and writes them; a task refreshes them when the source or
    the memory changes.
    """

    translation = models.ForeignKey(
        "translations.Translation", on_delete=models.CASCADE, related_name="memory_offers"
    )
    source_hash = models.CharField(
        max_length=64,
        help_text="SHA-256 of the whitespace-normalised source text the matches are for: one "
        "source paragraph, or the several a target paragraph translates together.",
    )
    memory_generation = models.PositiveBigIntegerField(
        help_text="The newest memory entry of the language pair when the matches were looked up "
        "(0: the memory was empty). A newer entry makes them stale."
    )
    matches = models.JSONField(
        default=list,
        blank=True,
        help_text="Best first, at most FUZZY_OFFERS: each entry's id, source, target and score. "
        "Memory entries are never edited, so a copy stays true.",
    )
    looked_up_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "memory offers"
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "source_hash"], name="memory_offers_one_per_text"
            )
        ]

    def __str__(self) -> str:
        return f"{len(self.matches)} near matches for translation {self.translation_id}"


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
