"""Each story's way from the wire to the public, read from the audit log in one query.

received: the first delivery of the agency story (any version: the desk could start then);
claimed, submitted, approved: the first audit event of that kind; published: the time the
story became public (Story.publish_at, which the publish event set, embargo included).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from articles.models import PubStatus, Story, StoryStatus, WireStory
from translations.models import AuditEvent, EventType, Translation

# Percentiles are taken in Python over the period's stories: enough for years of a desk's
# output, and a bound that keeps one page's memory in check.
MAX_STORIES = 20_000


@dataclass(frozen=True)
class Stage:
    """One step of the way, e.g. from received to claimed."""

    name: str
    start: str
    end: str


STAGES = [
    Stage("Waiting for a translator", "received", "claimed"),
    Stage("Translating", "claimed", "submitted"),
    Stage("In review", "submitted", "approved"),
    Stage("Approved, to publish", "approved", "published"),
]


@dataclass(frozen=True)
class StoryTimeline:
    story_id: int
    headline: str
    agency: str
    language_pair: str
    member: str
    received: datetime
    claimed: datetime | None
    submitted: datetime | None
    approved: datetime | None
    published: datetime

    @property
    def wire_to_publication(self) -> timedelta:
        return self.published - self.received

    def stage(self, stage: Stage) -> timedelta | None:
        start, end = getattr(self, stage.start), getattr(self, stage.end)
        if start is None or end is None:
            return None
        return end - start


def _first_event(*types: EventType) -> Subquery:
    events = AuditEvent.objects.filter(story=OuterRef("pk"), event_type__in=types)
    return Subquery(events.order_by("created_at", "pk").values("created_at")[:1])


def _first_received(prefix: str = "translation__wire_story__") -> Subquery:
    versions = WireStory.objects.filter(
        agency=OuterRef(f"{prefix}agency"), guid=OuterRef(f"{prefix}guid")
    )
    return Subquery(versions.order_by("received_at").values("received_at")[:1])


def display_name(first: str, last: str, username: str) -> str:
    return f"{first} {last}".strip() or username


def published_timelines(since: datetime, until: datetime | None = None) -> list[StoryTimeline]:
    """Translated stories that became public in [since, until], newest first: one query.

    A story withdrawn since still counts: it was published, and the desk's speed was what it
    was. One withdrawn while still scheduled was never public and does not.
    """
    until = until or timezone.now()
    public = Story.objects.live() | Story.objects.gone()
    rows = (
        public.filter(publish_at__gte=since, publish_at__lte=until, translation__isnull=False)
        .annotate(
            received_at=_first_received(),
            claimed_at=_first_event(EventType.WIRE_CLAIMED),
            submitted_at=_first_event(EventType.STORY_SUBMITTED),
            approved_at=_first_event(EventType.STORY_APPROVED),
        )
        .order_by("-publish_at", "-pk")
        .values(
            "pk",
            "headline",
            "publish_at",
            "received_at",
            "claimed_at",
            "submitted_at",
            "approved_at",
            "translation__wire_story__agency__name",
            "translation__source_language",
            "translation__target_language",
            "assignee__first_name",
            "assignee__last_name",
            "assignee__username",
        )[:MAX_STORIES]
    )
    return [
        StoryTimeline(
            story_id=row["pk"],
            headline=row["headline"],
            agency=row["translation__wire_story__agency__name"],
            language_pair=(
                f"{row['translation__source_language']} → {row['translation__target_language']}"
            ),
            member=display_name(
                row["assignee__first_name"] or "",
                row["assignee__last_name"] or "",
                row["assignee__username"] or "nobody",
            ),
            received=row["received_at"],
            claimed=row["claimed_at"],
            submitted=row["submitted_at"],
            approved=row["approved_at"],
            published=row["publish_at"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Waiting:
    """A wire story not yet published: where it stands and since when it came in."""

    headline: str
    agency: str
    stage: str
    member: str
    received: datetime
    story_id: int | None = None
    wire_story_id: int | None = None

    def waited(self, now: datetime) -> timedelta:
        return now - self.received


def waiting_longest(limit: int = 20) -> list[Waiting]:
    """The stories the desk has kept waiting longest: claimed and not yet public, or not
    claimed at all (and not discarded). Two queries."""
    in_progress = (
        Story.objects.filter(
            status__in=[
                StoryStatus.DRAFT,
                StoryStatus.IN_REVIEW,
                StoryStatus.CHANGES_REQUESTED,
                StoryStatus.APPROVED,
            ],
            translation__isnull=False,
        )
        .annotate(received_at=_first_received())
        .select_related("translation__wire_story__agency", "assignee")
        .order_by("received_at", "pk")[:limit]
    )
    waiting = [
        Waiting(
            headline=story.headline,
            agency=story.translation.wire_story.agency.name,
            stage=story.display_status,
            member=(
                display_name(
                    story.assignee.first_name, story.assignee.last_name, story.assignee.username
                )
                if story.assignee
                else "nobody"
            ),
            received=story.received_at,
            story_id=story.pk,
        )
        for story in in_progress
    ]
    waiting += [
        Waiting(
            headline=wire.headline,
            agency=wire.agency.name,
            stage="Not claimed",
            member="",
            received=wire.first_received_at,
            wire_story_id=wire.pk,
        )
        for wire in _unclaimed(limit)
    ]
    waiting.sort(key=lambda item: item.received)
    return waiting[:limit]


def _unclaimed(limit: int) -> QuerySet[WireStory]:
    claimed = Translation.objects.filter(
        wire_story__agency=OuterRef("agency"), wire_story__guid=OuterRef("guid")
    )
    return (
        WireStory.objects.latest_versions()
        .filter(discarded_at__isnull=True)
        .exclude(pub_status=PubStatus.CANCELED)
        .exclude(Exists(claimed))
        .annotate(first_received_at=_first_received(prefix=""))
        .select_related("agency")
        .order_by("first_received_at", "pk")[:limit]
    )
