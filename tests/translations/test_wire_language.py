"""A language ingest could only guess is shown as uncertain in the queue, and the desk confirms or
corrects it (wire_story_confirm_language), with an audit event."""

import pytest
from django.urls import reverse

from articles.models import LanguageSource
from tests.factories import AgencyFactory, UserFactory, WireStoryFactory
from translations.models import AuditEvent, EventType, Translation
from translations.services.desk import wire_story_claim, wire_story_confirm_language

pytestmark = pytest.mark.django_db


def uncertain_wire(**kwargs):
    return WireStoryFactory(
        agency=AgencyFactory(name="Kazinform", slug="kazinform", default_language="kk"),
        language="kk",
        language_source=LanguageSource.AGENCY_DEFAULT,
        detected_language="ky",
        detection_confidence=0.61,
        **kwargs,
    )


def test_the_queue_flags_an_uncertain_language_and_filters_by_it(client, translator):
    wire = uncertain_wire(headline="Темир жол")
    certain = WireStoryFactory(headline="Переговоры в Баку")
    client.force_login(translator)

    everything = client.get(reverse("admin:articles_wirestory_changelist")).content.decode()
    uncertain = client.get(
        reverse("admin:articles_wirestory_changelist"), {"language_uncertain": "yes"}
    ).content.decode()

    assert ">language uncertain</span>" in everything
    assert "detection said ky at 61%" in everything
    assert wire.headline in uncertain
    assert certain.headline not in uncertain


def test_a_translator_corrects_the_language_and_it_is_recorded(client, translator):
    wire = uncertain_wire()
    client.force_login(translator)

    response = client.post(
        reverse("admin:articles_wirestory_language", args=[wire.pk]), {"language": "ky"}
    )

    wire.refresh_from_db()
    assert response.status_code == 302
    assert (wire.language, wire.language_source) == ("ky", LanguageSource.DESK)
    assert not wire.is_language_uncertain
    event = AuditEvent.objects.get(event_type=EventType.WIRE_LANGUAGE_CONFIRMED)
    assert (event.actor, event.wire_story, event.from_status, event.to_status) == (
        translator,
        wire,
        "kk",
        "ky",
    )
    assert event.payload["previous_source"] == "agency_default"
    page = client.get(reverse("admin:articles_wirestory_change", args=[wire.pk])).content.decode()
    assert ">language uncertain</span>" not in page


def test_confirming_as_shown_clears_the_flag_from_the_queue_action(client, editor):
    wire = uncertain_wire()
    client.force_login(editor)

    client.post(
        reverse("admin:articles_wirestory_changelist"),
        {"action": "confirm_language", "_selected_action": [wire.pk]},
    )

    wire.refresh_from_db()
    assert (wire.language, wire.language_source) == ("kk", LanguageSource.DESK)


def test_a_translation_already_started_takes_the_corrected_language(translator):
    wire = uncertain_wire()
    story = wire_story_claim(wire_story=wire, actor=translator, target_language="en")

    wire_story_confirm_language(wire_story=wire, language="ky", actor=translator)

    assert Translation.objects.get(story=story).source_language == "ky"


def test_a_bad_tag_is_refused_with_the_reason(client, translator):
    wire = uncertain_wire()
    client.force_login(translator)

    response = client.post(
        reverse("admin:articles_wirestory_language", args=[wire.pk]),
        {"language": "kazakh!"},
        follow=True,
    )

    wire.refresh_from_db()
    assert "is not a BCP 47 language tag" in response.content.decode()
    assert wire.language_source == LanguageSource.AGENCY_DEFAULT


def test_staff_outside_the_desk_cannot_set_a_language(client):
    wire = uncertain_wire()
    client.force_login(UserFactory(is_staff=True))

    response = client.post(
        reverse("admin:articles_wirestory_language", args=[wire.pk]), {"language": "ky"}
    )

    assert response.status_code == 403
    wire.refresh_from_db()
    assert wire.language == "kk"
