"""Provenance: which wire story version a story was translated from, by whom and how."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef

from articles.models import WireStory


class TranslationMethod(models.TextChoices):
    HUMAN = "human", "Human"
    MACHINE = "machine", "Machine"
    MACHINE_POST_EDITED = "machine_post_edited", "Machine, then post-edited"


class TranslationQuerySet(models.QuerySet):
    def with_source_changed(self) -> "TranslationQuerySet":
        """Annotate `source_changed`: the wire story has a version newer than the one translated.

        Derived by a query, so ingest has no flag to remember to set.
        """
        newer = WireStory.objects.filter(
            agency=OuterRef("wire_story__agency"),
            guid=OuterRef("wire_story__guid"),
            version__gt=OuterRef("wire_story__version"),
        )
        return self.annotate(source_changed=Exists(newer))

    def source_changed(self) -> "TranslationQuerySet":
        return self.with_source_changed().filter(source_changed=True)

    def source_canceled(self) -> "TranslationQuerySet":
        """Translations whose source the agency has since canceled (in any later version)."""
        canceled = WireStory.objects.filter(
            agency=OuterRef("wire_story__agency"),
            guid=OuterRef("wire_story__guid"),
            pub_status="canceled",
        )
        return self.filter(Exists(canceled))


class Translation(models.Model):
    """The provenance record of a story: what it was translated from, by whom, how."""

    story = models.OneToOneField(
        "articles.Story", on_delete=models.CASCADE, related_name="translation"
    )
    wire_story = models.ForeignKey(
        "articles.WireStory",
        on_delete=models.PROTECT,
        related_name="translations",
        help_text="The exact wire story version translated; rebasing moves it to a newer one.",
    )
    source_language = models.CharField(max_length=35)
    target_language = models.CharField(max_length=35)
    translators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="translations"
    )
    method = models.CharField(
        max_length=32, choices=TranslationMethod.choices, default=TranslationMethod.HUMAN
    )
    credit_line = models.CharField(
        max_length=255,
        blank=True,
        help_text='Printed with the story, e.g. "Translated from Trend"; publishing requires it '
        "when the agency's licence does.",
    )
    source_checksum = models.CharField(
        max_length=64, help_text="Checksum of the wire story version translated."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(method__in=TranslationMethod.values),
                name="translation_method_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(source_language=models.F("target_language")),
                name="translation_languages_differ",
                violation_error_message="Source and target language must differ.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.story} ← {self.wire_story}"


class ParagraphOrigin(models.TextChoices):
    TYPED = "typed", "Typed"
    MEMORY_EXACT = "memory_exact", "Memory, exact match"
    MEMORY_FUZZY = "memory_fuzzy", "Memory, near match"
    MACHINE = "machine", "Machine"


class ParagraphAlignment(models.Model):
    """Which source paragraphs one target paragraph comes from, and how it was made.

    One to one is the common case; a split repeats a source index on several target paragraphs,
    a merge lists several, an added paragraph lists none.
    """

    translation = models.ForeignKey(
        Translation, on_delete=models.CASCADE, related_name="alignments"
    )
    paragraph = models.OneToOneField(
        "articles.StoryParagraph", on_delete=models.CASCADE, related_name="alignment"
    )
    source_indexes = models.JSONField(
        default=list, help_text="Indexes of the source paragraphs in the pinned wire story version."
    )
    origin = models.CharField(
        max_length=16, choices=ParagraphOrigin.choices, default=ParagraphOrigin.TYPED
    )
    memory_score = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(origin__in=ParagraphOrigin.values),
                name="alignment_origin_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.paragraph.key} ← {self.source_indexes}"
