"""Crediting every agency that reported a story's event (issue 12): the editor's choice.

The story names the agency it was translated from already; the other reports of the same event
(its event cluster) may be credited as well, each as an attribution of their own role ("Also
reported by"), which the provenance box, JSON-LD and ninjs show.
"""

from collections.abc import Iterable
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.db.models import Max

from articles.cache import agency_tag, purge_story, purge_tags
from articles.models import Agency, Attribution, AttributionRole, EventClusterMembership, Story
from translations import permissions
from translations.models import EventType

from .audit import audit_record
from .errors import WorkflowError


def event_agencies(story: Story) -> list[Agency]:
    """The agencies that reported the event the story was translated from, but the agency it
    was translated from (credited already), by name; empty for a story of no event."""
    try:
        source = story.translation.wire_story
    except ObjectDoesNotExist:
        return []
    cluster = EventClusterMembership.objects.filter(
        wire_story__agency=source.agency_id, wire_story__guid=source.guid
    ).values("cluster")
    return list(
        Agency.objects.filter(wire_stories__event_membership__cluster__in=cluster)
        .exclude(pk=source.agency_id)
        .distinct()
        .order_by("name")
    )


def credited_event_agencies(story: Story) -> list[Agency]:
    return [
        a.agency
        for a in story.attributions.filter(role=AttributionRole.ALSO_REPORTED_BY).select_related(
            "agency"
        )
    ]


def story_credit_event_agencies(
    *, story: Story, actor: AbstractBaseUser, agencies: Iterable[Agency]
) -> list[Agency]:
    """Credit exactly these agencies of the story's event as "Also reported by"; returns them.

    Only editors decide; an agency that did not report the event is refused by name. Credits
    not chosen any more are removed. A change is audited; none, nothing is written.
    """
    if not permissions.is_editor(actor):
        raise PermissionDenied("Only an editor may credit the agencies that reported an event.")
    chosen = {agency.pk: agency for agency in agencies}
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        offered = {agency.pk for agency in event_agencies(story)}
        strangers = sorted(a.name for pk, a in chosen.items() if pk not in offered)
        if strangers:
            raise WorkflowError(
                f"{', '.join(strangers)} did not report the event of “{story.headline}”: "
                "only the agencies of its event may be credited."
            )
        credits = story.attributions.filter(role=AttributionRole.ALSO_REPORTED_BY)
        current = set(credits.values_list("agency_id", flat=True))
        added = sorted((chosen[pk] for pk in chosen.keys() - current), key=lambda a: a.name)
        removed = sorted(
            Agency.objects.filter(pk__in=current - chosen.keys()).values_list("slug", flat=True)
        )
        if not added and not removed:
            return sorted(chosen.values(), key=lambda a: a.name)
        credits.filter(agency__slug__in=removed).delete()
        # After the chain the story came with: the reporter, the source, the distributor.
        after = (story.attributions.aggregate(last=Max("position"))["last"] or 0) + 1
        Attribution.objects.bulk_create(
            Attribution(
                story=story,
                agency=agency,
                credited_name=agency.name,
                role=AttributionRole.ALSO_REPORTED_BY,
                position=after + n,
            )
            for n, agency in enumerate(added)
        )
        audit_record(
            actor=actor,
            event_type=EventType.EVENT_AGENCIES_CREDITED,
            story=story,
            payload={
                "added": [agency.slug for agency in added],
                "removed": removed,
                "credited": sorted(chosen[pk].slug for pk in chosen),
            },
        )
        if story.publish_at is not None:
            # The story's pages (its own, JSON-LD, ninjs, the lists of the agencies now credited)
            # show the credits from now on, and an agency no longer credited stops listing it;
            # other stories' pages stay cached.
            transaction.on_commit(partial(purge_story, story), robust=True)
            if removed:
                tags = [agency_tag(slug) for slug in removed]
                transaction.on_commit(partial(purge_tags, *tags), robust=True)
    return sorted(chosen.values(), key=lambda a: a.name)
