"""Split and merge events in the admin, with the decision kept (issue 12, acceptance 3)."""

import pytest
from django.urls import reverse

from articles.models import EventClusterDecision, EventClusterMembership, WireStory
from articles.services.clusters import wire_story_place
from bench.cluster_labels import load_items, place_all, store

pytestmark = pytest.mark.django_db

MEMBERS = reverse("admin:articles_eventclustermembership_changelist")
EVENTS = reverse("admin:articles_eventcluster_changelist")


def member(item_id: str) -> EventClusterMembership:
    return EventClusterMembership.objects.get(wire_story__guid=f"urn:labelled:{item_id}")


def test_an_editor_splits_in_the_admin_and_a_later_report_joins_the_right_part(client, editor):
    place_all(load_items({"pantheon-en", "pantheon-ru"}))
    english, russian = member("pantheon-en"), member("pantheon-ru")
    assert english.cluster_id == russian.cluster_id
    client.force_login(editor)

    response = client.post(
        MEMBERS, {"action": "split", "_selected_action": [russian.pk]}, follow=True
    )

    assert "1 report split off" in response.content.decode()
    russian.refresh_from_db()
    assert russian.cluster_id != english.cluster_id
    decision = EventClusterDecision.objects.get()
    assert (decision.kind, decision.actor, decision.wire_stories) == ("split", editor, [russian.pk])
    [item] = load_items({"pantheon-ru"})
    later = store(dict(item, id="pantheon-ru-2", agency="Trend"))
    assert wire_story_place(wire_story=later).cluster_id == russian.cluster_id
    page = client.get(reverse("admin:articles_eventcluster_change", args=[english.cluster_id]))
    assert "split" in page.content.decode()


def test_an_editor_merges_in_the_admin(client, editor):
    place_all(load_items({"pantheon-en", "titr-aktau-en"}))
    pantheon, titr = member("pantheon-en"), member("titr-aktau-en")
    client.force_login(editor)

    response = client.post(
        EVENTS,
        {"action": "merge", "_selected_action": [pantheon.cluster_id, titr.cluster_id]},
        follow=True,
    )

    assert "1 event merged" in response.content.decode()
    # The earliest event (the 2017 one) keeps the members.
    assert WireStory.objects.filter(event_membership__cluster=pantheon.cluster_id).count() == 2
    assert EventClusterDecision.objects.get().kind == "merge"


def test_a_translator_sees_events_but_cannot_split_them(client, translator):
    place_all(load_items({"pantheon-en", "pantheon-ru"}))
    client.force_login(translator)

    assert client.get(MEMBERS).status_code == 200
    client.post(MEMBERS, {"action": "split", "_selected_action": [member("pantheon-ru").pk]})

    assert not EventClusterDecision.objects.exists()
    assert member("pantheon-ru").cluster_id == member("pantheon-en").cluster_id
