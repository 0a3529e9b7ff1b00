"""Event clusters: reports of one event, from many agencies and languages, grouped on ingest."""

from collections import defaultdict

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles.models import EventClusterDecision, EventClusterMembership, Placement, WireStory
from articles.services.clusters import (
    event_cluster_merge,
    event_cluster_split,
    wire_story_place,
)
from articles.services.ingest import ingest_data
from bench.cluster_labels import load_items, place_all, store
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

# Three events and two distractors (the same minister and the same president, the same day).
SUBSET = {
    "titr-aktau-en": "titr",
    "titr-aktau-ru": "titr",
    "titr-aktau-kk": "titr",
    "titr-aktau-en2": "titr",
    "pantheon-en": "pantheon",
    "pantheon-ru": "pantheon",
    "pantheon-distractor-en": "budget",
    "jeenbekov-borders-en": "borders",
    "jeenbekov-borders-ru": "borders",
    "jeenbekov-borders-tr": "borders",
    "jeenbekov-regions-en": "regions",
}


def groups(clusters: dict[str, int]) -> set[frozenset[str]]:
    found = defaultdict(set)
    for item_id, cluster_id in clusters.items():
        found[cluster_id].add(item_id)
    return {frozenset(ids) for ids in found.values()}


def test_labelled_subset_forms_the_expected_events():
    clusters = place_all(load_items(set(SUBSET)))

    expected = defaultdict(set)
    for item_id, event in SUBSET.items():
        expected[event].add(item_id)
    assert groups(clusters) == {frozenset(ids) for ids in expected.values()}


def test_the_membership_says_why_in_words():
    items = load_items({"titr-aktau-kk", "titr-aktau-ru"})
    place_all(items)

    russian = EventClusterMembership.objects.get(wire_story__guid="urn:labelled:titr-aktau-ru")
    assert russian.placement == Placement.MATCHED
    assert russian.matched.guid == "urn:labelled:titr-aktau-kk"
    assert "same numbers" in russian.explanation
    assert "1,5" in russian.explanation
    assert "55" in russian.explanation
    assert "3 h apart" in russian.explanation
    assert "quotes Kazinform" in russian.explanation


def test_a_story_of_its_own_starts_an_event():
    clusters = place_all(load_items({"alcohol-ban-en"}))

    started = EventClusterMembership.objects.get(cluster_id=clusters["alcohol-ban-en"])
    assert (started.placement, started.explanation, started.matched) == (
        Placement.STARTED,
        "",
        None,
    )


def test_ingest_places_each_story_and_a_new_version_stays_in_its_event(
    django_capture_on_commit_callbacks,
):
    trend = AgencyFactory(name="Trend", slug="trend")
    akipress = AgencyFactory(name="AKIpress", slug="akipress")
    body = (
        "Kazakhstan and Azerbaijan to triple Trans-Caspian cargo\n\n"
        "BAKU, May 2 /Trend/ - Cargo through Alat port grew 37 % in 2014, minister "
        "Rovshan Rustamov said. The Trans-Caspian route carried 1.5 million tons."
    )
    other = body.replace("/Trend/", "/AKIpress/").replace("grew", "rose by")
    # Each delivery commits, then the task worker places its stories (at once, here).
    with django_capture_on_commit_callbacks(execute=True):
        ingest_data(body.encode(), name="trend.txt", agency=trend, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        ingest_data((body + " Talks.").encode(), name="trend.txt", agency=trend, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        ingest_data(other.encode(), name="aki.txt", agency=akipress, language="en")

    first, second = WireStory.objects.filter(agency=trend).order_by("version")
    third = WireStory.objects.get(agency=akipress)
    assert second.event_membership.placement == Placement.NEW_VERSION
    assert second.event_membership.cluster_id == first.event_membership.cluster_id
    assert third.event_membership.cluster_id == first.event_membership.cluster_id
    assert "same numbers 37" in third.event_membership.explanation


def test_a_split_is_kept_when_later_reports_arrive(editor):
    clusters = place_all(load_items({"pantheon-en", "pantheon-ru", "titr-aktau-en"}))
    pantheon = EventClusterMembership.objects.get(
        wire_story__guid="urn:labelled:pantheon-en"
    ).cluster
    russian = WireStory.objects.get(guid="urn:labelled:pantheon-ru")
    assert clusters["pantheon-ru"] == pantheon.pk

    part = event_cluster_split(cluster=pantheon, wire_stories=[russian], actor=editor)

    decision = EventClusterDecision.objects.get()
    assert (decision.kind, decision.actor, decision.source, decision.target) == (
        "split",
        editor,
        pantheon,
        part,
    )
    assert decision.wire_stories == [russian.pk]
    # A later Russian report of the same figure resembles the Russian member most: it joins the
    # part the editor split off, not the English one.
    [russian_item] = load_items({"pantheon-ru"})
    later = place_story(dict(russian_item, id="pantheon-ru-later", agency="Trend"))
    assert later.event_membership.cluster == part


def place_story(item: dict) -> WireStory:
    wire_story = store(item)
    wire_story_place(wire_story=wire_story)
    return wire_story


def test_merge_moves_every_member_and_is_recorded(editor):
    clusters = place_all(load_items({"pantheon-en", "titr-aktau-en"}))
    pantheon = EventClusterMembership.objects.get(wire_story__guid="urn:labelled:pantheon-en")
    titr = EventClusterMembership.objects.get(wire_story__guid="urn:labelled:titr-aktau-en")
    assert clusters["pantheon-en"] != clusters["titr-aktau-en"]

    event_cluster_merge(target=pantheon.cluster, source=titr.cluster, actor=editor)

    titr.refresh_from_db()
    assert (titr.cluster, titr.placement) == (pantheon.cluster, Placement.MERGED)
    assert EventClusterDecision.objects.get().kind == "merge"


def test_only_editors_split_and_merge_and_a_split_must_leave_someone(translator, editor):
    place_all(load_items({"pantheon-en", "pantheon-ru"}))
    member = EventClusterMembership.objects.get(wire_story__guid="urn:labelled:pantheon-en")

    with pytest.raises(PermissionDenied):
        event_cluster_split(
            cluster=member.cluster, wire_stories=[member.wire_story], actor=translator
        )
    everyone = [m.wire_story for m in member.cluster.memberships.all()]
    with pytest.raises(ValidationError, match="keeps some members"):
        event_cluster_split(cluster=member.cluster, wire_stories=everyone, actor=editor)
    assert not EventClusterDecision.objects.exists()


def test_placing_a_story_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    place_all(load_items({"titr-aktau-en", "titr-aktau-kk", "titr-aktau-en2", "pantheon-en"}))
    [item] = load_items({"titr-aktau-ru"})
    wire_story = store(item)

    # The savepoint and its release, PostgreSQL's advisory lock, attributions, earlier versions,
    # one look-up of every key, the candidates' memberships, the membership and the feature
    # rows: however many stories share the keys.
    with django_assert_max_num_queries(9):
        membership = wire_story_place(wire_story=wire_story)

    assert membership.placement == Placement.MATCHED
