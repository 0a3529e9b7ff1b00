"""The wire queue's derived state: what the desk has done with each wire story.

Computed by the query, from the translations and the discard mark, so there is no state
column to keep in step.
"""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Subquery, Value, When

from articles.models import StoryStatus, WireStoryQuerySet
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
