"""Event clusters: one event as many agencies reported it, in whatever languages."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models


class EventCluster(models.Model):
    """One event. Its members are wire stories; what it shows is derived from them."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("regroup_eventcluster", "Can split and merge events")]

    def __str__(self) -> str:
        return f"Event {self.pk}"

    def summary(self) -> "EventSummary":
        """The event as the wire queue shows it, from its (prefetched) memberships.

        Memberships need their wire story's agency, guid, version, headline and language loaded.
        """
        members = list(self.memberships.all())
        newest: dict[tuple[int, str], EventClusterMembership] = {}
        for member in members:
            wire = member.wire_story
            known = newest.get((wire.agency_id, wire.guid))
            if known is None or known.wire_story.version < wire.version:
                newest[(wire.agency_id, wire.guid)] = member
        reports = sorted(newest.values(), key=lambda m: (m.at, m.wire_story_id))
        return EventSummary(
            reports=reports,
            earliest=min(members, key=lambda m: (m.at, m.wire_story_id)),
            # The same order as WireStoryQuerySet.one_per_event(): most words, then earliest.
            most_complete=min(reports, key=lambda m: (-m.words, m.at, m.wire_story_id)),
            agencies=sorted({m.wire_story.agency.name for m in reports}),
            languages=sorted({m.wire_story.language for m in reports}),
        )


@dataclass(frozen=True)
class EventSummary:
    """An event's reports (the newest version of each, in the order they came), the first
    report of all, the most complete of the newest versions, and who reported it in what."""

    reports: list["EventClusterMembership"]
    earliest: "EventClusterMembership"
    most_complete: "EventClusterMembership"
    agencies: list[str]
    languages: list[str]


class Placement(models.TextChoices):
    STARTED = "started", "Started the event"
    MATCHED = "matched", "Matched automatically"
    NEW_VERSION = "new_version", "A new version of a member"
    SPLIT = "split", "Split off by an editor"
    MERGED = "merged", "Merged by an editor"


class EventClusterMembership(models.Model):
    """Where one wire story was placed, and why: the score and its explanation are kept."""

    wire_story = models.OneToOneField(
        "articles.WireStory",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="event_membership",
    )
    cluster = models.ForeignKey(EventCluster, on_delete=models.PROTECT, related_name="memberships")
    placement = models.CharField(
        max_length=16,
        choices=Placement.choices,
        help_text="How the story came into its event; an editor's split or merge is kept: "
        "later stories join the event of the members they match.",
    )
    matched = models.ForeignKey(
        "articles.WireStory",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member this story matched best when it was placed.",
    )
    score = models.FloatField(default=0)
    explanation = models.CharField(
        max_length=500,
        blank=True,
        help_text="Why it was grouped, as the queue shows it: same numbers, names, place, "
        "time apart.",
    )
    at = models.DateTimeField(help_text="The story's time (sent, else received).")
    words = models.PositiveIntegerField(
        default=0,
        help_text="Words of the headline, summary and text: of an event's newest versions, the "
        "one with the most is its most complete report, the source the queue offers to claim.",
    )
    signature = models.JSONField(
        default=list, help_text="MinHash of the text, for same-language similarity."
    )
    quoted_agencies = models.JSONField(
        default=list, help_text="Ids of the other agencies the story credits as its source."
    )

    class Meta:
        ordering = ["at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(placement__in=Placement.values),
                name="eventclustermembership_placement_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.wire_story_id} in {self.cluster}"


class WireStoryFeature(models.Model):
    """One look-up key of a wire story (a number, a name, a place, a text band), with its time.

    Placing a story asks "who else has these keys, within the window": one index range per key,
    never a scan of the window.
    """

    wire_story = models.ForeignKey(
        "articles.WireStory", on_delete=models.CASCADE, related_name="features"
    )
    key = models.CharField(max_length=64)
    label = models.CharField(max_length=100, blank=True)
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["wire_story", "key"], name="wirestoryfeature_unique")
        ]
        indexes = [models.Index(fields=["key", "at", "wire_story"], name="wirestoryfeature_lookup")]

    def __str__(self) -> str:
        return self.key


class EventClusterDecision(models.Model):
    """An editor's split or merge, kept as the audit trail of the clustering."""

    class Kind(models.TextChoices):
        SPLIT = "split", "Split"
        MERGE = "merge", "Merge"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    source = models.ForeignKey(
        EventCluster,
        on_delete=models.PROTECT,
        related_name="decisions_as_source",
        help_text="Split: the event split. Merge: the event merged away (left empty).",
    )
    target = models.ForeignKey(
        EventCluster,
        on_delete=models.PROTECT,
        related_name="decisions_as_target",
        help_text="Split: the new event. Merge: the event that kept the members.",
    )
    wire_stories = models.JSONField(help_text="Ids of the wire stories moved.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["split", "merge"]),
                name="eventclusterdecision_kind_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="eventclusterdecision_two_events",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.source} → {self.target}"
