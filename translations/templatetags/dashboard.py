"""The admin home's "your work" panel: what each user has to do, derived by queries."""

from django import template
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from articles.models import Feed, Story, StoryStatus, WireStory
from translations import permissions
from translations.models import AuditEvent, EventType, Translation
from translations.queue import QueueState, with_queue_state

register = template.Library()

ACTIVE_STATES = [
    StoryStatus.DRAFT,
    StoryStatus.IN_REVIEW,
    StoryStatus.CHANGES_REQUESTED,
    StoryStatus.APPROVED,
]
LIMIT = 25
WIRE_NEW_SHOWN = 100


def _with_source_flags(stories: QuerySet[Story]) -> QuerySet[Story]:
    return stories.annotate(
        source_changed=Exists(Translation.objects.source_changed().filter(story=OuterRef("pk"))),
        source_canceled=Exists(Translation.objects.source_canceled().filter(story=OuterRef("pk"))),
    )


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


def flagged_sources() -> QuerySet[Story]:
    """Published or still-worked-on stories whose source has a newer version or was canceled."""
    return (
        _with_source_flags(Story.objects.exclude(status=StoryStatus.WITHDRAWN))
        .filter(Q(source_changed=True) | Q(source_canceled=True))
        .order_by("-publish_at", "-pk")
    )


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
        # Counted up to WIRE_NEW_SHOWN and no further: the count reads every row it counts.
        panels["wire_new"] = (
            with_queue_state(WireStory.objects.latest_versions())
            .filter(queue_state=QueueState.NEW)[:WIRE_NEW_SHOWN]
            .count()
        )
        panels["wire_new_more"] = panels["wire_new"] >= WIRE_NEW_SHOWN
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
        panels["flagged"] = flagged_sources()[:LIMIT]
        panels["feeds"] = Feed.objects.needing_attention(timezone.now())[:LIMIT]
    return {"panels": panels, "request": context["request"]}
