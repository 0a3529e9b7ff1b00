"""What the editors decide for the whole public site."""

from django.db import models


class SiteSettings(models.Model):
    """The one row of site-wide choices editors make in the admin (Articles › Site settings).

    A singleton: its primary key is always 1, which a constraint enforces.
    """

    SINGLETON_PK = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_PK, editable=False)
    show_paragraph_provenance = models.BooleanField(
        "show provenance per paragraph",
        default=False,
        help_text="Readers and the ninjs API see, for every paragraph of a translated story, "
        "which source paragraphs it translates and whether a person, the translation memory or "
        "a machine made it. A story made with machine translation says so whatever this is.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "site settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="site_settings_singleton")
        ]

    def __str__(self) -> str:
        return "Site settings"
