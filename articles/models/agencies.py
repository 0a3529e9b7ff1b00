"""Agencies, the names they go by, and the links of a story's provenance chain."""

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse


class AgencyQuerySet(models.QuerySet):
    def active(self) -> "AgencyQuerySet":
        return self.filter(is_active=True)

    def by_name(self, name: str) -> "Agency | None":
        """The agency called `name` or known by it as an alias, ignoring case; else None."""
        name = " ".join(name.split())
        if not name:
            return None
        return (
            self.filter(models.Q(name__iexact=name) | models.Q(aliases__name__iexact=name))
            .distinct()
            .first()
        )


class Agency(models.Model):
    """A wire service or other source organisation (Trend, Kazinform, Reuters)."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    website = models.URLField(blank=True)
    default_language = models.CharField(
        max_length=35,
        blank=True,
        help_text="BCP 47 tag of the language the agency usually files in.",
    )
    credit_template = models.CharField(
        max_length=200,
        default="Translated from {agency}",
        help_text="The credit line printed under every story translated from this agency; "
        "{agency} is replaced by the agency's name.",
    )
    allows_republication = models.BooleanField(
        default=True,
        help_text="Our licence lets us republish this agency's stories. Publishing is refused "
        "when it does not.",
    )
    requires_credit = models.BooleanField(
        default=True,
        help_text="The licence requires the credit line on every story made from this agency.",
    )
    requires_link = models.BooleanField(
        default=False,
        help_text="The licence requires a link to the agency's original story.",
    )
    licence_terms = models.TextField(blank=True, help_text="The licence as agreed, for editors.")
    is_active = models.BooleanField(
        default=True, help_text="Inactive agencies keep their history but deliver no new stories."
    )

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="agency_name_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(credit_template__contains="{agency}"),
                name="agency_credit_template_names_agency",
                violation_error_message="The credit template must contain {agency}.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:agency", kwargs={"slug": self.slug})

    @property
    def credit_line(self) -> str:
        return self.credit_template.replace("{agency}", self.name)


class AgencyAlias(models.Model):
    """Another name of an agency, so that "Trend News Agency" and "Trend" are one agency."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agency aliases"
        constraints = [models.UniqueConstraint(Lower("name"), name="agency_alias_ci_unique")]

    def __str__(self) -> str:
        return self.name


class AttributionRole(models.TextChoices):
    ORIGINAL_REPORTER = "original_reporter", "Original reporter"
    TRANSLATED_FROM = "translated_from", "Translated from"
    DISTRIBUTED_BY = "distributed_by", "Distributed by"
    # Credited by an editor: another agency's report of the same event (an event cluster).
    ALSO_REPORTED_BY = "also_reported_by", "Also reported by"


class Attribution(models.Model):
    """One link of a provenance chain: an agency, with the part it played.

    It belongs to a wire story (as the credits were found on ingest) or to a story (as published).
    A credit that names no known agency keeps its verbatim name, unresolved, for an editor to map;
    an agency is never invented from a credit.
    """

    wire_story = models.ForeignKey(
        "articles.WireStory",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attributions",
    )
    story = models.ForeignKey(
        "articles.Story",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attributions",
    )
    agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attributions",
        help_text="Empty while the credit is unresolved: map it to an agency (or add an alias).",
    )
    credited_name = models.CharField(
        max_length=200, help_text="The name exactly as the credit wrote it."
    )
    other_spellings = models.JSONField(
        default=list,
        blank=True,
        help_text="Other names the same item credited this agency by, in this role "
        "(“Kuwait News Agency” beside “KUNA”). One agency and role is one attribution; the "
        "spellings are kept for the record.",
    )
    role = models.CharField(max_length=32, choices=AttributionRole.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=AttributionRole.values), name="attribution_role_known"
            ),
            models.CheckConstraint(
                condition=models.Q(wire_story__isnull=False, story__isnull=True)
                | models.Q(wire_story__isnull=True, story__isnull=False),
                name="attribution_has_one_owner",
                violation_error_message="An attribution belongs to a wire story or to a story.",
            ),
            models.CheckConstraint(
                condition=~models.Q(credited_name=""), name="attribution_credited_name_set"
            ),
            models.UniqueConstraint(
                fields=["wire_story", "role", "credited_name"],
                name="attribution_unique_per_wire_story",
            ),
            models.UniqueConstraint(
                fields=["story", "role", "credited_name"], name="attribution_unique_per_story"
            ),
            # Two spellings of one agency are one link of the chain, not two.
            models.UniqueConstraint(
                fields=["wire_story", "role", "agency"],
                condition=models.Q(agency__isnull=False),
                name="attribution_one_per_agency_role_wire",
            ),
            models.UniqueConstraint(
                fields=["story", "role", "agency"],
                condition=models.Q(agency__isnull=False),
                name="attribution_one_per_agency_role_story",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.agency or self.credited_name}"

    @property
    def is_resolved(self) -> bool:
        return self.agency_id is not None
