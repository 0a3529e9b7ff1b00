"""Claiming a report of an event another translator already translates (issue 12, acceptance 2)."""

import pytest
from django.urls import reverse

from articles.models import WireStory
from bench.cluster_labels import load_items, place_all
from tests.factories import TranslatorFactory
from translations.models import AuditEvent, EventType, Translation

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_wirestory_changelist")


@pytest.fixture
def one_event():
    """Trend's Russian and Kazinform's Kazakh reports of the Aktau meeting, grouped on ingest."""
    clusters = place_all(load_items({"titr-aktau-ru", "titr-aktau-kk"}))
    assert clusters["titr-aktau-ru"] == clusters["titr-aktau-kk"]
    return (
        WireStory.objects.get(guid="urn:labelled:titr-aktau-ru"),
        WireStory.objects.get(guid="urn:labelled:titr-aktau-kk"),
    )


def claim_url(wire: WireStory) -> str:
    return reverse("admin:articles_wirestory_claim", args=[wire.pk])


def test_the_second_translator_is_told_who_translates_the_event_and_may_go_on(client, one_event):
    russian, kazakh = one_event
    first = TranslatorFactory(first_name="Aigerim", last_name="Sadykova")
    second = TranslatorFactory()
    client.force_login(first)
    client.post(claim_url(russian))
    client.force_login(second)

    queue = client.get(QUEUE).content.decode()
    cluster = russian.event_membership.cluster_id
    reports = client.get(QUEUE, {"event_membership__cluster": cluster}).content.decode()
    warned = client.post(claim_url(kazakh), follow=True).content.decode()

    assert "2 reports" in queue
    assert "Kazinform, Trend" in queue
    assert "same numbers 10, 1,5, 55" in queue
    first_story = Translation.objects.get(wire_story=russian).story
    # The second translator may not open the first's draft: the link leads to its source.
    assert (
        f'covered by <a href="{reverse("admin:articles_wirestory_change", args=[russian.pk])}">'
        f"“{first_story.headline}”</a> ({first.username})"
    ) in reports
    assert "Aigerim Sadykova already translates the same event from Trend" in warned
    assert "Translate this report anyway" in warned
    assert not Translation.objects.filter(wire_story=kazakh).exists()

    response = client.post(claim_url(kazakh), {"despite_same_event": "1"})

    translation = Translation.objects.get(wire_story=kazakh)
    assert response.url == reverse("admin:articles_story_translate", args=[translation.story_id])
    event = AuditEvent.objects.get(event_type=EventType.WIRE_CLAIMED, actor=second)
    assert event.payload["same_event_as"] == {
        "story": first_story.pk,
        "translator": "Aigerim Sadykova",
    }


def test_a_claim_of_a_report_nobody_covers_records_no_duplicate(client, one_event, translator):
    russian, _ = one_event
    client.force_login(translator)

    client.post(claim_url(russian))

    event = AuditEvent.objects.get(event_type=EventType.WIRE_CLAIMED)
    assert "same_event_as" not in event.payload
