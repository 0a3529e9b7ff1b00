"""Feeds: where the wire arrives by itself, and how well each source is doing."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import DateTimeField, ExpressionWrapper, F, Q
from django.db.models.functions import Coalesce

# A failing feed waits poll_interval * 2**failures before the next try, never longer than this.
BACKOFF_CAP = timedelta(hours=6)
_MAX_DOUBLINGS = 16


class FeedKind(models.TextChoices):
    HTTP = "http", "HTTP URL"
    FOLDER = "folder", "Drop folder"


class FeedFormat(models.TextChoices):
    AUTO = "auto", "Detect from the content"
    NINJS = "ninjs", "IPTC ninjs (JSON)"
    NEWSML_G2 = "newsml-g2", "IPTC NewsML-G2 (XML)"
    RSS = "rss", "RSS 2.0 / Atom"
    TEXT = "text", "Plain text"


class FeedQuerySet(models.QuerySet):
    def enabled(self) -> "FeedQuerySet":
        return self.filter(enabled=True)

    def with_idle_at(self) -> "FeedQuerySet":
        """``idle_at``: when the feed counts as idle if nothing new arrives before then."""
        return self.annotate(
            idle_at=ExpressionWrapper(
                Coalesce("last_new_item_at", "created_at") + F("idle_after"),
                output_field=DateTimeField(),
            )
        )

    def needing_attention(self, now: datetime) -> "FeedQuerySet":
        """Enabled feeds that are failing, or idle: nothing new for longer than expected."""
        return (
            self.enabled()
            .with_idle_at()
            .filter(Q(consecutive_failures__gt=0) | Q(idle_at__lt=now))
            .order_by("-consecutive_failures", "idle_at", "name")
        )


class Feed(models.Model):
    """A source the wire arrives from without anyone running a command: a URL or a folder.

    The health fields are written by the poller only (``articles.services.feeds.feed_poll``).
    """

    name = models.CharField(max_length=120, unique=True)
    agency = models.ForeignKey(
        "articles.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="feeds",
        help_text="The agency delivering this feed. Left empty, each item must name its agency "
        "in its own credit, or it is refused.",
    )
    kind = models.CharField(max_length=16, choices=FeedKind.choices, default=FeedKind.HTTP)
    url = models.URLField(
        "URL", max_length=500, blank=True, help_text="For an HTTP feed: the address to poll."
    )
    folder = models.CharField(
        max_length=500,
        blank=True,
        help_text="For a drop folder: its absolute path on the server. Finished files are moved "
        "to done/ or failed/ inside it, never deleted.",
    )
    format = models.CharField(
        max_length=16,
        choices=FeedFormat.choices,
        default=FeedFormat.AUTO,
        help_text="Detected from each file's content unless set.",
    )
    language = models.CharField(
        max_length=35, blank=True, help_text="BCP 47 language, for items that do not say theirs."
    )
    poll_interval = models.DurationField(
        default=timedelta(minutes=5),
        help_text="How often to poll (HH:MM:SS). After a failure the wait doubles with every "
        "failure in a row, up to six hours.",
    )
    idle_after = models.DurationField(
        default=timedelta(hours=2),
        help_text="How long this source may go without a new item; past that the feed shows as "
        "idle, in red, in the admin and on the dashboard.",
    )
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    last_attempt_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_new_item_at = models.DateTimeField(null=True, blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    last_error = models.TextField(
        blank=True, editable=False, help_text="Why the last poll failed, or which items did."
    )
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)
    content_checksum = models.CharField(
        max_length=64, blank=True, editable=False, help_text="SHA-256 of the last body ingested."
    )

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=FeedKind.values), name="feed_kind_known"),
            models.CheckConstraint(
                condition=Q(format__in=FeedFormat.values), name="feed_format_known"
            ),
            models.CheckConstraint(
                condition=(Q(kind=FeedKind.HTTP) & ~Q(url="") & Q(folder=""))
                | (Q(kind=FeedKind.FOLDER) & ~Q(folder="") & Q(url="")),
                name="feed_kind_has_its_address",
                violation_error_message="An HTTP feed needs a URL and no folder; a drop folder "
                "needs a folder and no URL.",
            ),
            models.CheckConstraint(
                condition=Q(poll_interval__gte=timedelta(seconds=1)),
                name="feed_poll_interval_positive",
            ),
            models.CheckConstraint(
                condition=Q(idle_after__gte=F("poll_interval")),
                name="feed_idle_after_not_below_interval",
                violation_error_message="A feed cannot be idle before it was even polled: "
                "make “idle after” at least the poll interval.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_failing(self) -> bool:
        return self.consecutive_failures > 0

    def is_idle(self, now: datetime) -> bool:
        return (self.last_new_item_at or self.created_at) + self.idle_after < now

    def needs_attention(self, now: datetime) -> bool:
        """Mirrors FeedQuerySet.needing_attention for one feed."""
        return self.enabled and (self.is_failing or self.is_idle(now))

    @property
    def backoff(self) -> timedelta:
        """The wait after the last attempt: the interval, doubled for each failure in a row."""
        doublings = min(self.consecutive_failures, _MAX_DOUBLINGS)
        return min(self.poll_interval * 2**doublings, max(self.poll_interval, BACKOFF_CAP))

    @property
    def next_poll_at(self) -> datetime | None:
        """None: never polled, due at once."""
        return self.last_attempt_at + self.backoff if self.last_attempt_at else None

    def is_due(self, now: datetime) -> bool:
        return self.enabled and (self.next_poll_at is None or self.next_poll_at <= now)
