"""The admin home's "your work" panel: what each user has to do, derived by queries."""

from datetime import timedelta

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from articles.models import Feed, PubStatus, Story, StoryStatus, WireStory
from translations import permissions
from translations.models import AuditEvent, EventType
from translations.queue import new_wire_stories

register = template.Library()

ACTIVE_STATES = [
    StoryStatus.DRAFT,
    StoryStatus.IN_REVIEW,
    StoryStatus.CHANGES_REQUESTED,
    StoryStatus.APPROVED,
]
LIMIT = 25
WIRE_NEW_SHOWN = 100
# A newer version of a source is flagged for a week: long enough for the desk to see it on its
# next shift, short enough that the panel is not the archive's history of updates.
FLAGGED_WINDOW = timedelta(days=7)
# The two panels that read a window of the wire (thousands of rows on a busy day: 60 ms of the
# page at 100,000 stories) are the same for everyone and may be a minute old: a wire story or a
# newer version shows up to a minute late, a flag stays up to a minute after it is dealt with.
# What each user has to do (their stories, the review queue, publishing) is always read live.
PANEL_SECONDS = 60
WIRE_NEW_KEY = "admin:dashboard:wire-new"
FLAGGED_KEY = "admin:dashboard:flagged"


def review_queue() -> QuerySet[Story]:
    """Stories in review, the one waiting longest first."""
    submitted = AuditEvent.objects.filter(
        story=OuterRef("pk"),
        event_type__in=[EventType.STORY_SUBMITTED, EventType.STORY_RESUBMITTED],
    ).order_by("-created_at", "-pk")
    return (
        Story.objects.filter(status=StoryStatus.IN_REVIEW)
        .annotate(submitted_at=Subquery(submitted.values("created_at")[:1]))
        .select_related("assignee")
        .order_by("submitted_at", "pk")
    )


def new_wire_count() -> int:
    """New wire stories received within the event window, counted up to WIRE_NEW_SHOWN.

    Only the window: older news the desk has let pass, and a report arriving now no longer
    joins its event. Counting the whole wire would read the archive to find the few new ones;
    the window is one range of the received_at index, and the count stops at WIRE_NEW_SHOWN.
    """
    since = timezone.now() - timedelta(hours=settings.EVENT_CLUSTER_WINDOW_HOURS)
    return new_wire_stories().filter(received_at__gte=since).order_by()[:WIRE_NEW_SHOWN].count()


def flagged_sources() -> QuerySet[Story]:
    """Published or still-worked-on stories whose source has a newer version received within
    FLAGGED_WINDOW, or was canceled by the agency (at any time), newest story first.

    Driven from the wire: the recent updates (a received_at index range) and the cancellations
    (a partial index) are few, so PostgreSQL reads those, then the versions of the same agency
    stories and their translations. Walking the stories instead and asking each of its source
    reads the whole archive when nothing is flagged, which is most days.
    """
    since = timezone.now() - FLAGGED_WINDOW
    flagging = WireStory.objects.filter(
        Q(received_at__gte=since, version__gt=1) | Q(pub_status=PubStatus.CANCELED)
    )
    sources = WireStory.objects.filter(
        Exists(flagging.filter(agency=OuterRef("agency"), guid=OuterRef("guid")))
    )
    source = "translation__wire_story__"
    same_source = WireStory.objects.filter(
        agency=OuterRef(f"{source}agency"), guid=OuterRef(f"{source}guid")
    )
    return (
        Story.objects.exclude(status=StoryStatus.WITHDRAWN)
        .filter(translation__wire_story__in=sources.values("pk"))
        .annotate(
            source_changed=Exists(
                same_source.filter(version__gt=OuterRef(f"{source}version"), received_at__gte=since)
            ),
            source_canceled=Exists(same_source.filter(pub_status=PubStatus.CANCELED)),
        )
        .filter(Q(source_changed=True) | Q(source_canceled=True))
        .order_by("-publish_at", "-pk")
    )


def flagged_panel() -> list[Story]:
    """flagged_sources()'s first LIMIT stories, which of them is flagged and why from the cache
    (PANEL_SECONDS), the stories themselves read by primary key."""
    flags = cache.get(FLAGGED_KEY)
    if flags is None:
        stories = list(flagged_sources()[:LIMIT])
        flags = [(story.pk, story.source_changed, story.source_canceled) for story in stories]
        cache.set(FLAGGED_KEY, flags, PANEL_SECONDS)
        return stories
    found = Story.objects.exclude(status=StoryStatus.WITHDRAWN).in_bulk([pk for pk, *_ in flags])
    stories = []
    for pk, changed, canceled in flags:
        if story := found.get(pk):
            story.source_changed, story.source_canceled = changed, canceled
            stories.append(story)
    return stories


@register.inclusion_tag("admin/review/_dashboard.html", takes_context=True)
def review_dashboard(context) -> dict:
    user = context["request"].user
    panels = {}
    if permissions.is_desk_member(user):
        assigned = (
            Story.objects.filter(assignee=user, status__in=ACTIVE_STATES)
            .annotate(
                open_comments=Count("review_comments", filter=Q(review_comments__resolved_at=None))
            )
            .order_by("-updated_at")
        )
        panels["changes_requested"] = assigned.filter(status=StoryStatus.CHANGES_REQUESTED)[:LIMIT]
        panels["assigned"] = assigned.exclude(status=StoryStatus.CHANGES_REQUESTED)[:LIMIT]
        panels["wire_new"] = cache.get_or_set(WIRE_NEW_KEY, new_wire_count, PANEL_SECONDS)
        panels["wire_new_more"] = panels["wire_new"] >= WIRE_NEW_SHOWN
        panels["wire_new_hours"] = settings.EVENT_CLUSTER_WINDOW_HOURS
    if permissions.can_review(user):
        if "assigned" in panels and not (panels["changes_requested"] or panels["assigned"]):
            # An editor who translates nothing today is spared two empty lists.
            del panels["changes_requested"], panels["assigned"]
        panels["review_queue"] = review_queue()[:LIMIT]
        panels["to_publish"] = (
            Story.objects.filter(status=StoryStatus.APPROVED)
            .select_related("assignee")
            .order_by("updated_at")[:LIMIT]
        )
        panels["scheduled"] = Story.objects.scheduled().order_by("publish_at")[:LIMIT]
        panels["flagged"] = flagged_panel()
        panels["flagged_days"] = FLAGGED_WINDOW.days
        panels["feeds"] = Feed.objects.needing_attention(timezone.now())[:LIMIT]
    return {"panels": panels, "request": context["request"]}
