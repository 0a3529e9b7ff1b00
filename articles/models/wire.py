"""Wire stories: each delivery of an agency's story, kept exactly as received."""

from django.db import models
from django.db.models import Exists, OuterRef, Q


class PubStatus(models.TextChoices):
    USABLE = "usable", "Usable"
    WITHHELD = "withheld", "Withheld"
    CANCELED = "canceled", "Canceled"


class LanguageSource(models.TextChoices):
    """Where a wire story's language came from; only the agency's habit is a guess."""

    ITEM = "item", "Stated by the item"
    INGEST = "ingest", "Given at ingest"
    DETECTED = "detected", "Detected from the text"
    AGENCY_DEFAULT = "agency_default", "Agency's usual language (detection unsure)"
    DESK = "desk", "Confirmed by the desk"


class WireStoryQuerySet(models.QuerySet):
    def language_uncertain(self) -> "WireStoryQuerySet":
        """Stories whose language is the agency's habit, not a fact: the desk must confirm it."""
        return self.filter(language_source=LanguageSource.AGENCY_DEFAULT)

    def newer_versions(self) -> "WireStoryQuerySet":
        """Later deliveries of the same agency guid as the outer row (for Exists subqueries)."""
        return self.filter(
            agency=OuterRef("agency"), guid=OuterRef("guid"), version__gt=OuterRef("version")
        )

    def latest_versions(self) -> "WireStoryQuerySet":
        """Only the newest version of each agency guid: what the queue shows."""
        return self.exclude(Exists(WireStory.objects.newer_versions()))

    def one_per_event(self) -> "WireStoryQuerySet":
        """Of these stories, one per event: the most complete (most words), then the earliest.

        Stories of no event, and alone in theirs, all stay. The rule is
        EventCluster.summary()'s most_complete, applied to whichever stories these are (the
        queue's filters choose them).
        """
        member = "event_membership__"
        words, at = OuterRef(f"{member}words"), OuterRef(f"{member}at")
        better = self.filter(event_membership__cluster=OuterRef(f"{member}cluster")).filter(
            Q(event_membership__words__gt=words)
            | Q(event_membership__words=words, event_membership__at__lt=at)
            | Q(event_membership__words=words, event_membership__at=at, pk__lt=OuterRef("pk"))
        )
        return self.filter(~Exists(better))

    def with_is_latest(self) -> "WireStoryQuerySet":
        return self.annotate(is_latest=~Exists(WireStory.objects.newer_versions()))


class WireStory(models.Model):
    """One version of one story as an agency delivered it.

    A later delivery of the same guid is a new row with the next version number, never an
    overwrite: translations stay pinned to the version they were made from.
    """

    agency = models.ForeignKey(
        "articles.Agency", on_delete=models.PROTECT, related_name="wire_stories"
    )
    guid = models.CharField(max_length=255, help_text="The agency's own id for the story.")
    version = models.PositiveIntegerField(
        default=1, help_text="Our version number: 1 for the first delivery of a guid, then 2, 3…"
    )
    agency_version = models.CharField(
        max_length=64, blank=True, help_text="The version label the agency gave, if any."
    )
    language = models.CharField(max_length=35, help_text="BCP 47 tag, e.g. ru, en, kk-Cyrl.")
    language_source = models.CharField(
        max_length=16,
        choices=LanguageSource.choices,
        default=LanguageSource.ITEM,
        help_text="Where the language came from. “Agency's usual language” means detection was "
        "unsure: the story shows as language uncertain until a translator confirms or changes it.",
    )
    detected_language = models.CharField(
        max_length=35, blank=True, help_text="What detection said, even when it was unsure."
    )
    detection_confidence = models.FloatField(
        null=True, blank=True, help_text="Detection's confidence, 0 to 1."
    )
    headline = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    paragraphs = models.JSONField(
        default=list,
        help_text="The body as a list of plain-text paragraphs; a paragraph's index is its id "
        "within this version.",
    )
    byline = models.CharField(max_length=255, blank=True)
    dateline = models.CharField(max_length=255, blank=True)
    credit_line = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the agency sent this version."
    )
    received_at = models.DateTimeField(auto_now_add=True)
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Nothing made from this story may be public before this time.",
    )
    pub_status = models.CharField(
        max_length=16,
        choices=PubStatus.choices,
        default=PubStatus.USABLE,
        help_text="The agency's word on the story. Withheld or canceled sources block publishing.",
    )
    source_url = models.URLField(max_length=500, blank=True)
    format = models.CharField(max_length=16, help_text="The parser that read it: text, ninjs…")
    raw_payload = models.BinaryField(help_text="The delivery exactly as received, byte for byte.")
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the raw payload.")
    parse_warnings = models.JSONField(
        default=list,
        blank=True,
        help_text="What the parser read leniently (a producer's variant of the format), for "
        "the desk to check.",
    )
    internal_notes = models.TextField(
        blank=True,
        help_text="The agency's editor's notes and contacts from the item's metadata. Shown on "
        "the desk, never published.",
    )
    discarded_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the desk decides not to translate the story."
    )

    objects = WireStoryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name_plural = "wire stories"
        permissions = [
            ("claim_wirestory", "Can claim a wire story and start its translation"),
            ("reassign_wirestory", "Can reassign a claimed wire story to another translator"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pub_status__in=PubStatus.values),
                name="wirestory_pub_status_known",
            ),
            models.UniqueConstraint(
                fields=["agency", "guid", "version"], name="wirestory_unique_version"
            ),
            models.UniqueConstraint(
                fields=["agency", "guid", "checksum"], name="wirestory_unique_payload"
            ),
            models.CheckConstraint(
                condition=models.Q(version__gte=1), name="wirestory_version_gte_1"
            ),
            models.CheckConstraint(condition=~models.Q(language=""), name="wirestory_language_set"),
            models.CheckConstraint(
                condition=models.Q(language_source__in=LanguageSource.values),
                name="wirestory_language_source_known",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "guid", "-version"]),
            # The wire queue's pages, newest first, over the whole wire or one agency's; and the
            # admin home's recent wire (new stories, newer versions) as an index range.
            models.Index(fields=["-received_at", "-id"], name="wirestory_queue_order"),
            models.Index(
                fields=["agency", "-received_at", "-id"], name="wirestory_agency_queue_order"
            ),
            # Also the queue's list of languages: one probe per language.
            models.Index(
                fields=["language", "-received_at", "-id"], name="wirestory_language_queue_order"
            ),
            # Cancellations are rare and never stop mattering: the admin home starts from them
            # to flag the stories translated from a canceled source, so the index holds only them.
            models.Index(
                fields=["agency", "guid"],
                condition=models.Q(pub_status=PubStatus.CANCELED),
                name="wirestory_canceled_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.headline} ({self.agency}, v{self.version})"

    @property
    def is_language_uncertain(self) -> bool:
        return self.language_source == LanguageSource.AGENCY_DEFAULT

    @property
    def word_count(self) -> int:
        """Words of the headline, summary and text: how complete a report of its event is."""
        return len(" ".join([self.headline, self.summary, *self.paragraphs]).split())

    @property
    def is_usable(self) -> bool:
        return self.pub_status == PubStatus.USABLE

    def latest_version(self) -> "WireStory":
        return (
            WireStory.objects.filter(agency_id=self.agency_id, guid=self.guid)
            .order_by("-version")
            .first()
        ) or self
