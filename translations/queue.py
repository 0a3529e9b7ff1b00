"""The wire queue's derived state: what the desk has done with each wire story.

Computed by the query, from the translations, the discard mark and the story's event, so
there is no state column to keep in step.
"""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Subquery, Value, When

from articles.models import StoryStatus, WireStory, WireStoryQuerySet
from translations.models import Translation


class QueueState(models.TextChoices):
    NEW = "new", "New"
    COVERED = "covered", "Covered by another report"
    IN_TRANSLATION = "in_translation", "In translation"
    DONE = "done", "Done"
    DISCARDED = "discarded", "Discarded"


DONE_STATUSES = [StoryStatus.APPROVED, StoryStatus.PUBLISHED, StoryStatus.WITHDRAWN]


def _translations_of_guid():
    return Translation.objects.filter(
        wire_story__agency=OuterRef("agency"), wire_story__guid=OuterRef("guid")
    )


def _translations_of_other_reports():
    """Translations of the other reports of the outer wire story's event, first claimed first."""
    return (
        Translation.objects.filter(
            wire_story__event_membership__cluster=OuterRef("event_membership__cluster")
        )
        .exclude(wire_story__agency=OuterRef("agency"), wire_story__guid=OuterRef("guid"))
        .order_by("pk")
    )


def with_queue_state(queryset: WireStoryQuerySet) -> WireStoryQuerySet:
    """Annotate queue_state, claimed_by (username), claimed_story (pk) and source_changed.

    source_changed: a translation of this agency story was made from an older version.
    Covered: nobody translates this report, but someone translates another report of its event.
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
            When(Exists(_translations_of_other_reports()), then=Value(QueueState.COVERED.value)),
            default=Value(QueueState.NEW.value),
            output_field=models.CharField(),
        ),
        claimed_by=Subquery(translations.order_by("pk").values("story__assignee__username")[:1]),
        claimed_story=Subquery(translations.order_by("pk").values("story_id")[:1]),
        source_changed=Exists(translations.filter(wire_story__version__lt=OuterRef("version"))),
    )


def queue_state_q(state: QueueState) -> Q:
    """The stories in `state`, as a condition: what with_queue_state() computes, written so that
    the database filters by joins instead of computing every story's state."""
    translations = _translations_of_guid()
    done = Exists(translations.filter(story__status__in=DONE_STATUSES))
    kept = Q(discarded_at__isnull=True)
    match state:
        case QueueState.DISCARDED:
            return ~kept
        case QueueState.DONE:
            return kept & done
        case QueueState.IN_TRANSLATION:
            return kept & ~done & Exists(translations)
        case QueueState.COVERED:
            return kept & ~Exists(translations) & Exists(_translations_of_other_reports())
        case QueueState.NEW:
            return kept & ~Exists(translations) & ~Exists(_translations_of_other_reports())
    raise ValueError(f"Unknown queue state {state!r}.")


def with_covering(queryset: WireStoryQuerySet) -> WireStoryQuerySet:
    """Annotate what the queue links to: the claimed story's headline (claimed_headline), and
    the translation of another report of the wire story's event, if one is under way: its
    story (covered_by_story, _headline, _translator) and its source (covered_by_wire, the
    agency and guid as covered_by_agency, covered_by_guid).
    """
    covering = _translations_of_other_reports()
    return queryset.annotate(
        claimed_headline=Subquery(
            _translations_of_guid().order_by("pk").values("story__headline")[:1]
        ),
        covered_by_story=Subquery(covering.values("story_id")[:1]),
        covered_by_headline=Subquery(covering.values("story__headline")[:1]),
        covered_by_translator=Subquery(covering.values("story__assignee__username")[:1]),
        covered_by_wire=Subquery(covering.values("wire_story_id")[:1]),
        covered_by_agency=Subquery(covering.values("wire_story__agency_id")[:1]),
        covered_by_guid=Subquery(covering.values("wire_story__guid")[:1]),
    )


def new_wire_stories() -> WireStoryQuerySet:
    """The wire stories whose queue_state (with_queue_state) is NEW, as a plain filter.

    The same rule, written so that PostgreSQL can stop at the first rows found (the annotated
    CASE is computed for every wire story before it is compared): the newest version of its
    agency guid, not discarded, and no translation of it or of another report of its event.
    """
    return WireStory.objects.latest_versions().filter(queue_state_q(QueueState.NEW))
