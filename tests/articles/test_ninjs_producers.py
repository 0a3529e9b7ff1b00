"""ninjs as producers send it (issue 11, acceptance 4): ninjs 1.x, producer keys and API envelopes
are read leniently with a warning, items that are no story are passed over with their reason, and
a kill notice marks the wire story canceled."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
from articles.ingest.registry import detect, parse
from articles.models import PubStatus, WireStory
from articles.services.ingest import Action, ingest_file
from tests.factories import AgencyFactory, TranslatorFactory
from translations.models import Translation
from translations.services.desk import wire_story_claim

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ninjs-producers"


def results(name: str):
    data = (FIXTURES / name).read_bytes()
    assert detect(data, name).name == "ninjs"
    return parse(data, name)


def test_superdesk_ninjs_1x_is_read_with_a_warning():
    [item] = results("superdesk-ninjs-1x.json")

    assert isinstance(item, ParsedItem)
    assert item.headline == "Kazakhstan opens two rail crossings to China"
    assert item.language == "en"
    assert item.paragraphs == [
        "Kazakhstan will open two new rail crossings to China this autumn, the transport "
        "ministry said on Thursday.",
        "The crossings are meant to double the freight that leaves the Khorgos dry port each day.",
    ]
    assert (item.agency_version, item.pub_status) == ("2", "usable")
    assert item.guid.startswith("urn:newsml:localhost:2017-08-24T14:37:19")
    assert (item.byline, item.dateline) == ("Aigerim Seitova", "Astana")
    assert item.agency_name == "Australian Associated Press"
    assert item.internal_notes.startswith("Editor's note: Embargoed figures confirmed")
    assert any(w.startswith("not valid ninjs 2.2, read leniently") for w in item.warnings)
    assert "no uri: guid is the identifier" in item.warnings
    assert any("producer keys not read: authors" in w for w in item.warnings)


def test_an_envelope_is_unwrapped_and_an_advisory_passed_over():
    advisory, story = results("bbc-envelope-advisory-and-story.json")

    assert isinstance(advisory, SkippedItem)
    assert str(advisory) == (
        "item 1: a planning advisory (Coverage plans for the council budget meeting), "
        "no story to translate"
    )
    assert isinstance(story, ParsedItem)
    assert story.headline == "Council approves new bus routes for the valleys"
    assert story.language == "en"
    assert story.paragraphs == [
        "The council approved four new bus routes on Tuesday.",
        "The routes will link the valley towns with the hospital from September.",
    ]
    assert (story.agency_version, story.pub_status) == ("2", "usable")
    assert "unwrapped from an API envelope (item)" in story.warnings


def test_an_item_with_its_text_only_in_renditions_is_refused_saying_why():
    [error] = results("ap-media-api-envelope-renditions-only.json")

    assert isinstance(error, ParseError)
    assert str(error) == (
        "data.item: no body text: the item carries its text only as renditions to download "
        "(anpa, nitf); ingest the rendition itself"
    )


def test_an_official_item_and_a_producer_variant_in_one_envelope():
    official, variant = results("data-envelope-mixed-versions.json")

    assert official.headline == "Азербайджан и Казахстан договорились о новом паромном маршруте"
    assert (official.language, official.agency_version, official.pub_status) == (
        "ru",
        "1",
        "usable",
    )
    assert official.dateline == "БАКУ, 4 марта"
    assert official.paragraphs == [
        "Азербайджан и Казахстан подписали соглашение о новом паромном маршруте через Каспий.",
        "Первый рейс запланирован на май.",
    ]
    assert official.warnings == ["unwrapped from an API envelope (data)"]

    assert variant.headline == "Порт Алят увеличил перевалку грузов"
    assert (variant.guid, variant.agency_version) == ("trend-2024-1002", "3")
    assert variant.paragraphs == [
        "Порт Алят за два месяца переработал на треть больше грузов, чем год назад.",
        "Рост связан с транзитом по Среднему коридору.",
    ]
    assert "producer keys not read: trend_priority, trend_section" in variant.warnings


def test_a_document_no_producer_could_mean_is_refused_exactly():
    data = json.dumps({"data": {"item": {"guid": "x", "type": "text"}}}).encode()

    [error] = parse(data, "broken.json")

    assert str(error) == "data.item: no body text: x has no bodies and no descriptions"


@pytest.mark.django_db
def test_a_kill_notice_cancels_the_story_for_every_translation_made_from_it(tmp_path):
    agency = AgencyFactory(name="Kazinform", slug="kazinform", default_language="en")
    original = {
        "guid": "kazinform-2024-5531",
        "type": "text",
        "version": "1",
        "pubstatus": "usable",
        "language": "en",
        "headline": "Akmola region harvest figures",
        "body_text": "The Akmola region harvested a record wheat crop this year, officials said.",
    }
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"items": [original]}), encoding="utf-8")
    [created] = ingest_file(first, agency=agency)
    translation_story = wire_story_claim(
        wire_story=created.wire_story, actor=TranslatorFactory(), target_language="ru"
    )

    [killed] = ingest_file(FIXTURES / "items-envelope-kill.json", agency=agency)

    assert killed.action == Action.NEW_VERSION
    kill = killed.wire_story
    assert (kill.version, kill.pub_status) == (2, PubStatus.CANCELED)
    assert kill.internal_notes == (
        "Editor's note: Kill: do not use. Replacement to follow.\nContact: email, desk@example.kz"
    )
    assert list(Translation.objects.source_canceled()) == [
        Translation.objects.get(story=translation_story)
    ]
    assert WireStory.objects.filter(guid="kazinform-2024-5531").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_the_agencys_internal_notes_are_never_published(client, sample_story, sample_wire, version):
    sample_wire.internal_notes = "Editor's note: do not name the envoy. Contact: desk@example.kz"
    sample_wire.parse_warnings = ["no uri: guid is the identifier"]
    sample_wire.save(update_fields=["internal_notes", "parse_warnings"])

    page = client.get(sample_story.get_absolute_url())
    api = client.get(
        reverse("articles:api-story", kwargs={"version": version, "slug": sample_story.slug})
    )

    assert page.status_code == api.status_code == 200
    for response in (page, api):
        assert "do not name the envoy" not in response.content.decode()
        assert "desk@example.kz" not in response.content.decode()
        assert "guid is the identifier" not in response.content.decode()
