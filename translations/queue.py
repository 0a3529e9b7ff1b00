"""The wire queue's derived state: what the desk has done with each wire story.

Computed by the query, from the translations and the discard mark, so there is no state
column to keep in step.
"""

from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, StringAgg, Subquery, Value, When

from articles.models import EventClusterMembership, StoryStatus, WireStory, WireStoryQuerySet
from translations.models import Translation


class QueueState(models.TextChoices):
    NEW = "new", "New"
    IN_TRANSLATION = "in_translation", "In translation"
    DONE = "done", "Done"
    DISCARDED = "discarded", "Discarded"


DONE_STATUSES = [StoryStatus.APPROVED, StoryStatus.PUBLISHED, StoryStatus.WITHDRAWN]


def _translations_of_guid():
    return Translation.objects.filter(
        wire_story__agency=OuterRef("agency"), wire_story__guid=OuterRef("guid")
    )


def with_queue_state(queryset: WireStoryQuerySet) -> WireStoryQuerySet:
    """Annotate queue_state, claimed_by (username), claimed_story (pk) and source_changed.

    source_changed: a translation of this agency story was made from an older version.
    """
    translations = _translations_of_guid()
    return queryset.annotate(
        queue_state=Case(
            When(discarded_at__isnull=False, then=Value(QueueState.DISCARDED.value)),
            When(
                Exists(translations.filter(story__status__in=DONE_STATUSES)),
                then=Value(QueueState.DONE.value),
            ),
            When(Exists(translations), then=Value(QueueState.IN_TRANSLATION.value)),
            default=Value(QueueState.NEW.value),
            output_field=models.CharField(),
        ),
        claimed_by=Subquery(translations.order_by("pk").values("story__assignee__username")[:1]),
        claimed_story=Subquery(translations.order_by("pk").values("story_id")[:1]),
        source_changed=Exists(translations.filter(wire_story__version__lt=OuterRef("version"))),
    )


# SQLite aggregates no DISTINCT with a separator: the list repeats names, event_names() dedupes.
SEPARATOR = "\x1f"


def event_names(aggregated: str | None) -> str:
    """An annotated list of an event's agencies or languages, each once, in order."""
    return ", ".join(sorted(set((aggregated or "").split(SEPARATOR)) - {""}))


def with_event(queryset: WireStoryQuerySet) -> WireStoryQuerySet:
    """Annotate the wire story's event: its reports, agencies and languages, why this story was
    grouped, and the translation of another report of it, if one is under way (covered_by...).
    """
    cluster = OuterRef("event_membership__cluster")
    members = EventClusterMembership.objects.filter(cluster=cluster).values("cluster")

    def per_event(aggregate):
        return Subquery(members.annotate(value=aggregate).values("value")[:1])

    others = Translation.objects.filter(wire_story__event_membership__cluster=cluster).exclude(
        wire_story__agency=OuterRef("agency"), wire_story__guid=OuterRef("guid")
    )
    covering = others.order_by("pk")
    return queryset.annotate(
        event_id=F("event_membership__cluster_id"),
        event_why=F("event_membership__explanation"),
        event_reports=per_event(Count("pk")),
        event_agencies=per_event(StringAgg("wire_story__agency__name", delimiter=Value(SEPARATOR))),
        event_languages=per_event(StringAgg("wire_story__language", delimiter=Value(SEPARATOR))),
        covered_by_story=Subquery(covering.values("story_id")[:1]),
        covered_by_headline=Subquery(covering.values("story__headline")[:1]),
        covered_by_translator=Subquery(covering.values("story__assignee__username")[:1]),
    )


def new_wire_stories() -> WireStoryQuerySet:
    """The wire stories whose queue_state (with_queue_state) is NEW, as a plain filter.

    The same rule, written so that PostgreSQL can stop at the first rows found (the annotated
    CASE is computed for every wire story before it is compared): the newest version of its
    agency guid, not discarded, and no translation of any version of it.
    """
    return (
        WireStory.objects.latest_versions()
        .filter(discarded_at__isnull=True)
        .exclude(Exists(_translations_of_guid()))
    )
