"""Stories: what the newsroom publishes, in its own language, and who may see them."""

import secrets
from datetime import datetime

from django.conf import settings
from django.db import connections, models
from django.db.models import Exists, F, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from .agencies import Agency, Attribution, AttributionRole


class StoryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ParagraphMethod(models.TextChoices):
    """How a published paragraph was made, as readers are told.

    Written by the translation desk when it publishes or corrects a story (the public
    provenance interface: see README.md, "Provenance per paragraph"); empty for a story the
    newsroom wrote itself.
    """

    HUMAN = "human", "Translated by a person"
    MEMORY = "memory", "Reused from an earlier translation"
    MACHINE = "machine", "Machine translation"
    MACHINE_POST_EDITED = "machine_post_edited", "Machine translation, edited by a person"


MACHINE_METHODS = frozenset({ParagraphMethod.MACHINE, ParagraphMethod.MACHINE_POST_EDITED})


class Section(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are listed in this order on the site."
    )

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:section", kwargs={"slug": self.slug})


class StoryQuerySet(models.QuerySet):
    def live(self, at: datetime | None = None) -> "StoryQuerySet":
        """What the public may see: published and its publish time reached (by `at`, now
        unless given).

        The one place that decides public visibility; every public page, list, feed, sitemap,
        search and API goes through it. `Story.is_live` mirrors it for one instance.
        """
        at = timezone.now() if at is None else at
        return self.filter(status=StoryStatus.PUBLISHED, publish_at__lte=at)

    def scheduled(self) -> "StoryQuerySet":
        return self.filter(status=StoryStatus.PUBLISHED, publish_at__gt=timezone.now())

    def withdrawn(self) -> "StoryQuerySet":
        return self.filter(status=StoryStatus.WITHDRAWN)

    def gone(self) -> "StoryQuerySet":
        """Withdrawn after being public: their URLs answer 410 Gone with the withdrawal note.

        A story withdrawn while still scheduled was never public, and answers 404 like any other.
        """
        return self.filter(status=StoryStatus.WITHDRAWN, publish_at__lte=F("withdrawn_at"))

    def with_last_correction(self) -> "StoryQuerySet":
        """Annotated `last_correction`: the time of the newest correction, or None.

        A subquery per story rather than a GROUP BY: a page of stories reads only its own
        corrections, and the stories keep their index order.
        """
        newest = Correction.objects.filter(story=OuterRef("pk")).order_by("-created_at")
        return self.annotate(last_correction=Subquery(newest.values("created_at")[:1]))

    def for_listing(self) -> "StoryQuerySet":
        return (
            self.select_related("section", "lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-publish_at", "-pk")
        )

    def credited_to(
        self,
        agency: Agency | None = None,
        role: AttributionRole | str | None = None,
        *,
        newest: int | None = None,
    ) -> "StoryQuerySet":
        """Stories in whose provenance chain `agency` plays `role` (either may be left open);
        with `newest`, at least the newest that many of them (a list's pages up to the one
        shown), apply every other filter first.

        The translation record names the agency a story was translated from even where no
        `translated_from` attribution spells it out, so it counts as that role too.
        """
        links = Attribution.objects.filter(story=OuterRef("pk"))
        if agency is not None:
            links = links.filter(agency=agency)
        if role:
            links = links.filter(role=role)
        conditions = [Exists(links)]
        if role in (None, "", AttributionRole.TRANSLATED_FROM):
            from articles.provenance import translated_q  # it imports the models

            conditions.append(translated_q(agency))
        if (
            newest is None
            or len(conditions) == 1
            or not connections[self.db].features.supports_slicing_ordering_in_compound
        ):
            condition = conditions[0]
            for other in conditions[1:]:
                condition |= other
            return self.filter(condition)
        # An OR of the two links is tested story by story, or by hashing every link of the
        # agency: either grows with the archive. The newest stories by each link are one index
        # range each, and the newest by either are among them.
        ordered = self.order_by("-publish_at", "-pk").values("pk")
        first, *others = (ordered.filter(condition)[:newest] for condition in conditions)
        return self.filter(pk__in=first.union(*others, all=True))


def new_paragraph_key() -> str:
    return "p" + secrets.token_hex(5)


class Story(models.Model):
    """A story as the newsroom publishes it.

    The status moves only through the workflow services (translations.services): never set it
    in a form, in list_editable or with queryset.update().
    """

    headline = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    summary = models.TextField(blank=True)
    language = models.CharField(max_length=35, help_text="BCP 47 tag of the story's language.")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    lead_image = models.ForeignKey(
        "articles.Image",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_stories",
    )
    dateline = models.CharField(max_length=255, blank=True)
    byline = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=32, choices=StoryStatus.choices, default=StoryStatus.DRAFT, editable=False
    )
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The public sees a published story from this time on; until then it is "
        "scheduled.",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_stories",
        help_text="The translator who works on the story.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    revision = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by every save; a save based on an older revision is refused.",
    )
    editing_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    editing_since = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawal_note = models.TextField(
        blank=True, editable=False, help_text="Shown to readers on the withdrawn story's URL."
    )

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name_plural = "stories"
        permissions = [
            ("edit_any_story", "Can edit any draft story, assigned or not"),
            ("review_story", "Can request changes on and approve stories"),
            ("publish_story", "Can publish, schedule, correct and withdraw stories"),
            ("preview_any_story", "Can preview any unpublished story"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=[StoryStatus.PUBLISHED, StoryStatus.WITHDRAWN])
                | models.Q(publish_at__isnull=False),
                name="story_published_has_publish_at",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=StoryStatus.WITHDRAWN)
                | (models.Q(withdrawn_at__isnull=False) & ~models.Q(withdrawal_note="")),
                name="story_withdrawn_has_note",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=StoryStatus.values), name="story_status_valid"
            ),
            models.CheckConstraint(condition=~models.Q(language=""), name="story_language_set"),
        ]
        # The public lists' order (live(), newest first, the id breaking ties), overall and per
        # section: an index range read from the top, as far as the page goes.
        indexes = [
            models.Index(fields=["status", "-publish_at", "-id"], name="story_live_order_idx"),
            models.Index(
                fields=["section", "status", "-publish_at", "-id"], name="story_section_order_idx"
            ),
            # The admin's story list: newest first, whole or by section or language; by headline.
            models.Index(fields=["-publish_at", "-id"], name="story_admin_recent_idx"),
            models.Index(fields=["section", "-publish_at"], name="story_admin_section_idx"),
            models.Index(fields=["language", "-publish_at"], name="story_admin_language_idx"),
            models.Index(fields=["headline"], name="story_admin_headline_idx"),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("articles:story", kwargs={"slug": self.slug})

    @property
    def is_live(self) -> bool:
        """The instance mirror of StoryQuerySet.live()."""
        return (
            self.status == StoryStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_gone(self) -> bool:
        """The instance mirror of StoryQuerySet.gone()."""
        return (
            self.status == StoryStatus.WITHDRAWN
            and self.publish_at is not None
            and self.withdrawn_at is not None
            and self.publish_at <= self.withdrawn_at
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == StoryStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def display_status(self) -> str:
        """The status an editor reads: a published story whose time is ahead is "Scheduled"."""
        return "Scheduled" if self.is_scheduled else self.get_status_display()


class StoryParagraph(models.Model):
    """One paragraph of a story's body, with a key that stays the same across edits."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="paragraphs")
    key = models.CharField(max_length=16, default=new_paragraph_key, editable=False)
    position = models.PositiveIntegerField()
    text = models.TextField()
    method = models.CharField(
        max_length=24,
        choices=ParagraphMethod.choices,
        blank=True,
        editable=False,
        help_text="How the published paragraph was made; set when the story is published or "
        "corrected, empty for the newsroom's own text. A story with a machine-made paragraph "
        "tells readers so.",
    )
    source_indexes = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="The source paragraphs (0-based, in the wire story version translated) this "
        "published paragraph translates; set with `method`.",
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["story", "key"], name="paragraph_key_unique"),
            models.CheckConstraint(
                condition=models.Q(method__in=["", *ParagraphMethod.values]),
                name="paragraph_method_known",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def source_numbers(self) -> list[int]:
        """The source paragraphs as readers count them, from 1."""
        return [index + 1 for index in self.source_indexes]


class Correction(models.Model):
    """A public, timestamped note on what a correction to a published story changed."""

    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="corrections")
    note = models.TextField(help_text="Shown to readers under the story.")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(note=""), name="correction_note_set")
        ]

    def __str__(self) -> str:
        return f"Correction to {self.story} at {self.created_at:%Y-%m-%d %H:%M}"
