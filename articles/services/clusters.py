"""Placing wire stories in event clusters, and an editor's split and merge.

Placing one story is a few indexed queries: how common each of its keys is in the time window,
which stories share the informative ones, and those stories' memberships. It never scans the
window. A story joins the event of the member it matches best, so an editor's split or merge
stands: a later report joins the part whose members it resembles.
"""

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction

from articles.clusters.features import Kind, extract, jaccard
from articles.models import (
    EventCluster,
    EventClusterDecision,
    EventClusterMembership,
    Placement,
    WireStory,
    WireStoryFeature,
)

# What one shared key is worth before its rarity is counted; bands only find candidates.
# Names weigh less than numbers: a story about another event often has the same minister and
# the same capital; it rarely has the same figures.
KIND_WEIGHTS = {
    Kind.NUMBER: 1.0,
    Kind.DATE: 1.0,
    Kind.ENTITY: 0.6,
    Kind.PREFIX: 0.3,
    Kind.PLACE: 0.3,
}
# A year is shared by half of the wire; other numbers (37 %, 1 500 tonnes) are rarely shared.
YEAR_WEIGHT = 0.5
TEXT_WEIGHT = 4.0
QUOTE_WEIGHT = 1.5
# A key carried by more stories than this in the window tells nothing (Kazakhstan, 2026).
MAX_KEY_STORIES = 100
MAX_CANDIDATES = 30
# Placements are serialised so that two reports arriving together do not start two events.
PLACEMENT_LOCK = 0x4E45_5753  # "NEWS"


def window() -> timedelta:
    return timedelta(hours=settings.EVENT_CLUSTER_WINDOW_HOURS)


def story_time(wire_story: WireStory) -> datetime:
    return wire_story.sent_at or wire_story.received_at


@dataclass
class Match:
    wire_story_id: int
    keys: list[str] = field(default_factory=list)
    score: float = 0.0
    explanation: str = ""


def _key_weight(key: str, stories_with_key: int) -> float:
    kind, _, value = key.partition(":")
    weight = KIND_WEIGHTS.get(kind, 0.0)
    if kind == Kind.NUMBER and len(value) == 4 and value[:2] in {"19", "20"}:
        weight = YEAR_WEIGHT
    return weight / (1 + math.log(max(stories_with_key, 1)))


def _explain(match: Match, labels: dict[str, str], extra: list[str]) -> str:
    groups = {
        Kind.NUMBER: "same numbers",
        Kind.DATE: "same dates",
        Kind.ENTITY: "same names",
        Kind.PLACE: "same place",
    }
    shared = set(match.keys)
    parts = []
    for kind, title in groups.items():
        # In the order the new story says them, which is the order a reader checks them in.
        found = [label for k, label in labels.items() if k in shared and k.startswith(f"{kind}:")]
        if found:
            parts.append(f"{title} {', '.join(found[:6])}")
    return "; ".join(parts + extra)[:500]


def _apart(a: datetime, b: datetime) -> str:
    minutes = round(abs((a - b).total_seconds()) / 60)
    if minutes < 90:
        return f"{minutes} min apart"
    return f"{minutes / 60:.0f} h apart"


def _best_match(
    wire_story: WireStory,
    at: datetime,
    labels: dict[str, str],
    signature: list[int],
    quoted: list[int],
) -> tuple[Match | None, EventClusterMembership | None]:
    span = (at - window(), at + window())
    stories_by_key = _stories_by_key(list(labels), span)
    matches: dict[int, Match] = {}
    for key, story_ids in stories_by_key.items():
        # A key carried by too many stories in the window tells nothing (Kazakhstan, 2026).
        if len(story_ids) > MAX_KEY_STORIES:
            continue
        for story_id in story_ids:
            match = matches.setdefault(story_id, Match(story_id))
            match.keys.append(key)
            match.score += _key_weight(key, len(story_ids))
    shortlist = sorted(
        (m for m in matches.values() if len(m.keys) >= 2 or m.keys[0].startswith(Kind.BAND)),
        key=lambda m: m.score,
        reverse=True,
    )[:MAX_CANDIDATES]
    members = (
        EventClusterMembership.objects.filter(
            wire_story_id__in=[m.wire_story_id for m in shortlist]
        )
        .select_related("wire_story__agency")
        # Not the candidates' texts and payloads: their signatures stand for them.
        .only(
            "cluster_id",
            "at",
            "signature",
            "quoted_agencies",
            "wire_story__language",
            "wire_story__agency__name",
        )
    )
    members = {m.wire_story_id: m for m in members}
    base = wire_story.language.split("-")[0].lower()
    best: tuple[Match | None, EventClusterMembership | None] = (None, None)
    for match in shortlist:
        member = members.get(match.wire_story_id)
        if member is None:
            continue
        other = member.wire_story
        extra = []
        if other.language.split("-")[0].lower() == base:
            similarity = jaccard(signature, member.signature)
            match.score += TEXT_WEIGHT * similarity
            if similarity >= 0.1:
                extra.append(f"{similarity:.0%} same text")
        if other.agency_id in quoted or wire_story.agency_id in member.quoted_agencies:
            match.score += QUOTE_WEIGHT
            extra.append(
                f"quotes {other.agency}"
                if other.agency_id in quoted
                else f"quoted by {other.agency}"
            )
        apart = abs((at - member.at).total_seconds())
        match.score *= 1 - 0.5 * min(apart / window().total_seconds(), 1)
        extra.append(_apart(at, member.at))
        match.explanation = _explain(match, labels, extra)
        if best[0] is None or match.score > best[0].score:
            best = (match, member)
    return best


KEYS_PER_STATEMENT = 400


def _stories_by_key(keys: list[str], span: tuple[datetime, datetime]) -> dict[str, list[int]]:
    """The stories carrying each key within the window, at most MAX_KEY_STORIES + 1 per key.

    One statement: a range of the (key, at, wire_story) index per key, each cut off after one
    story more than a useful key may have, so that a key every story carries costs no more
    than a rare one.
    """
    if not keys:
        return {}
    table = connection.ops.quote_name(WireStoryFeature._meta.db_table)
    start, end = (connection.ops.adapt_datetimefield_value(moment) for moment in span)
    one_key = (
        f"SELECT * FROM (SELECT key, wire_story_id FROM {table} "
        f"WHERE key = %s AND at BETWEEN %s AND %s LIMIT {MAX_KEY_STORIES + 1}) AS k{{}}"
    )
    found: dict[str, list[int]] = defaultdict(list)
    # SQLite allows 500 terms in a compound SELECT; a story long enough to carry more keys than
    # one statement holds is looked up in several.
    for chunk in itertools.batched(keys, KEYS_PER_STATEMENT):
        sql = " UNION ALL ".join(one_key.format(n) for n in range(len(chunk)))
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for key in chunk for value in (key, start, end)])
            for key, story_id in cursor.fetchall():
                found[key].append(story_id)
    return found


@transaction.atomic
def wire_story_place(*, wire_story: WireStory) -> EventClusterMembership:
    """Place a newly stored wire story in its event, or start one; returns its membership.

    A new version of a guid stays in the event of its versions placed before it. Idempotent: a
    story already placed (by an earlier attempt of the placement task, or by another worker
    that got the lock first) keeps its membership, which is returned as it is.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PLACEMENT_LOCK])
    # Every placed version of the guid, this one included if it is placed already: one query
    # answers both "placed already?" and "in which event are its other versions?".
    versions = list(
        EventClusterMembership.objects.filter(
            wire_story__agency_id=wire_story.agency_id, wire_story__guid=wire_story.guid
        ).order_by("-wire_story__version")
    )
    for placed in versions:
        if placed.wire_story_id == wire_story.pk:
            return placed
    earlier = versions[0] if versions else None
    at = story_time(wire_story)
    features = extract(
        headline=wire_story.headline,
        paragraphs=wire_story.paragraphs,
        dateline=wire_story.dateline,
        language=wire_story.language,
    )
    quoted = sorted(
        {
            a.agency_id
            for a in wire_story.attributions.all()
            if a.agency_id and a.agency_id != wire_story.agency_id
        }
    )
    membership = EventClusterMembership(
        wire_story=wire_story,
        at=at,
        words=wire_story.word_count,
        signature=features.signature,
        quoted_agencies=quoted,
    )
    if earlier is not None:
        membership.cluster_id = earlier.cluster_id
        membership.placement = Placement.NEW_VERSION
        membership.matched_id = earlier.wire_story_id
        membership.explanation = f"a new version of {wire_story.guid}"
    else:
        match, member = _best_match(wire_story, at, features.labels, features.signature, quoted)
        if match is not None and match.score >= settings.EVENT_CLUSTER_THRESHOLD:
            membership.cluster_id = member.cluster_id
            membership.placement = Placement.MATCHED
            membership.matched_id = member.wire_story_id
            membership.score = round(match.score, 3)
            membership.explanation = match.explanation
        else:
            membership.cluster = EventCluster.objects.create()
            membership.placement = Placement.STARTED
    membership.save(force_insert=True)
    WireStoryFeature.objects.bulk_create(
        WireStoryFeature(wire_story=wire_story, key=key, label=label, at=at)
        for key, label in features.labels.items()
    )
    return membership


def _check_editor(actor: AbstractBaseUser) -> None:
    if not actor.has_perm("articles.regroup_eventcluster"):
        raise PermissionDenied("Only an editor may split or merge events.")


@transaction.atomic
def event_cluster_split(
    *, cluster: EventCluster, wire_stories: Iterable[WireStory], actor: AbstractBaseUser
) -> EventCluster:
    """Move the given members (with every version of their guids) into a new event."""
    _check_editor(actor)
    chosen = list(wire_stories)
    pairs = {(w.agency_id, w.guid) for w in chosen}
    members = list(
        EventClusterMembership.objects.select_for_update()
        .filter(cluster=cluster)
        .select_related("wire_story")
    )
    moving = [m for m in members if (m.wire_story.agency_id, m.wire_story.guid) in pairs]
    outside = {w.pk for w in chosen} - {m.wire_story_id for m in members}
    if outside:
        raise ValidationError(f"Wire stories {sorted(outside)} are not in {cluster}.")
    if not moving or len(moving) == len(members):
        raise ValidationError("A split keeps some members in the event and moves the others.")
    new = EventCluster.objects.create()
    _regroup(
        sorted(m.wire_story_id for m in moving),
        kind=EventClusterDecision.Kind.SPLIT,
        actor=actor,
        source=cluster,
        target=new,
    )
    return new


@transaction.atomic
def event_cluster_merge(
    *, target: EventCluster, source: EventCluster, actor: AbstractBaseUser
) -> EventCluster:
    """Move every member of ``source`` into ``target``; the emptied event stays for the record."""
    _check_editor(actor)
    if target.pk == source.pk:
        raise ValidationError("An event cannot be merged into itself.")
    moving = EventClusterMembership.objects.select_for_update().filter(cluster=source)
    ids = sorted(moving.values_list("wire_story_id", flat=True))
    if not ids:
        raise ValidationError(f"{source} has no members to merge.")
    _regroup(ids, kind=EventClusterDecision.Kind.MERGE, actor=actor, source=source, target=target)
    return target


def _regroup(
    ids: list[int],
    *,
    kind: str,
    actor: AbstractBaseUser,
    source: EventCluster,
    target: EventCluster,
) -> None:
    """Move these wire stories from ``source`` to ``target`` and keep the editor's decision, which
    later placements respect."""
    placement = Placement.SPLIT if kind == EventClusterDecision.Kind.SPLIT else Placement.MERGED
    EventClusterMembership.objects.filter(wire_story_id__in=ids).update(
        cluster=target, placement=placement
    )
    EventClusterDecision.objects.create(
        kind=kind, actor=actor, source=source, target=target, wire_stories=ids
    )
