"""IPTC 7901 and ANPA 1312 (issue 11, acceptance 4): envelopes and headers read, the real headline
and body found, versions and kills as versions, service messages skipped, legacy encodings decoded
by declaration or sure detection only."""

from pathlib import Path

import pytest

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
from articles.ingest.registry import detect, parse
from articles.models import PubStatus, WireStory
from articles.services.ingest import Action, ingest_file
from tests.factories import AgencyFactory, TranslatorFactory
from translations.models import Translation
from translations.services.desk import wire_story_claim

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wire-text"
HEAT = "Deng scores 30 as short-handed Heat beat Hawks 115-111"
CHIEFS = "Chiefs and Rams stage a shootout, but history warns against a Super Bowl rematch"


def one(name: str):
    data = (FIXTURES / name).read_bytes()
    [result] = parse(data, name)
    return detect(data, name).name, result


@pytest.mark.parametrize(
    ("name", "fmt", "headline", "version", "status", "paragraphs"),
    [
        ("anpa-ap-sports.anpa", "anpa1312", HEAT, "", "usable", 3),
        ("anpa-ap-sports-1stld.anpa", "anpa1312", HEAT, "1stLd-Writethru", "usable", 3),
        ("anpa-ap-kill.anpa", "anpa1312", "KILL: Heat-Hawks story", "KILL", "canceled", 1),
        ("iptc7901-dpa-english.txt", "iptc7901", CHIEFS, "", "usable", 2),
        ("iptc7901-refile.txt", "iptc7901", CHIEFS, "REFILE", "usable", 2),
    ],
)
def test_each_file_gives_its_headline_body_version_and_status(
    name, fmt, headline, version, status, paragraphs
):
    found, item = one(name)

    assert found == fmt
    assert isinstance(item, ParsedItem), str(item)
    assert (item.headline, item.agency_version, item.pub_status) == (headline, version, status)
    assert len(item.paragraphs) == paragraphs


def test_anpa_header_lines_and_typography():
    _, item = one("anpa-ap-sports.anpa")

    assert (item.dateline, item.byline) == ("ATLANTA", "CHARLES ODUM")
    assert [(c.name, c.role) for c in item.credits] == [("AP", "original_reporter")]
    assert item.paragraphs[0].startswith("Luol Deng scored 30 points")
    assert (
        item.paragraphs[2] == "\u201cI just want to make sure everything's good,\u201d Wade said."
    )
    assert "AP-WF" not in " ".join(item.paragraphs)
    # Notes to editors stay internal.
    assert (
        item.internal_notes
        == "AP Photo GATK105, GATK106\nEds: Heat 115, Hawks 111. With AP Photos."
    )


def test_iptc_7901_keyword_byline_sign_off_and_notes_not_for_publication():
    _, item = one("iptc7901-dpa-english.txt")

    assert item.byline == "Tom Krasovic, The San Diego Union-Tribune"
    assert item.dateline == "San Diego"
    assert [(c.name, c.role) for c in item.credits] == [
        ("tca", "original_reporter"),
        ("dpa", "distributed_by"),
    ]
    assert item.paragraphs == [
        "History says Monday night's game in the old Los Angeles Memorial Coliseum was no "
        "preview of the Super Bowl.",
        "The Rams won 54-51, the third highest-scoring game in the league's history.",
    ]
    assert "Editorial contacts: Reporting by Tom Krasovic" in item.internal_notes
    assert "dpa tca bag" not in " ".join(item.paragraphs)


def test_a_line_test_is_a_service_message_not_a_story():
    _, result = one("anpa-line-test.anpa")

    assert isinstance(result, SkippedItem)
    assert str(result) == "a service message (line test), no story"


def test_windows_1251_without_a_declaration_is_detected_and_said():
    _, item = one("iptc7901-cp1251-russian.txt")

    assert item.headline == "Казахстан увеличил экспорт зерна в страны Центральной Азии"
    assert item.dateline == "АСТАНА, 14 марта"
    assert item.paragraphs[1].startswith("По данным ведомства, основным покупателем")
    [warning] = item.warnings
    assert warning.startswith("not UTF-8: decoded as cp1251 (detected, ")


def test_a_declared_latin_1_is_decoded_as_declared():
    _, item = one("iptc7901-latin1-declared.txt")

    assert item.headline == "Kasachstan plant zwei neue Windparks am Kaspischen Meer"
    assert "Küste" in item.paragraphs[0]
    assert item.warnings == ["decoded as ISO-8859-1, as the header declares"]


def test_bytes_no_encoding_explains_are_refused_never_guessed():
    _, error = one("iptc7901-undecidable.txt")

    assert isinstance(error, ParseError)
    assert "not UTF-8 and no declared encoding, and detection is unsure" in str(error)


@pytest.mark.django_db
def test_writethru_and_kill_are_versions_and_the_kill_cancels_the_translation():
    agency = AgencyFactory(name="Associated Press", slug="ap", default_language="en")
    [first] = ingest_file(FIXTURES / "anpa-ap-sports.anpa", agency=agency)
    story = wire_story_claim(
        wire_story=first.wire_story, actor=TranslatorFactory(), target_language="ru"
    )

    [writethru] = ingest_file(FIXTURES / "anpa-ap-sports-1stld.anpa", agency=agency)
    [kill] = ingest_file(FIXTURES / "anpa-ap-kill.anpa", agency=agency)
    [test] = ingest_file(FIXTURES / "anpa-line-test.anpa", agency=agency)

    assert (first.action, writethru.action, kill.action) == (
        Action.CREATED,
        Action.NEW_VERSION,
        Action.NEW_VERSION,
    )
    versions = WireStory.objects.order_by("version")
    assert [(w.version, w.agency_version, w.pub_status) for w in versions] == [
        (1, "", PubStatus.USABLE),
        (2, "1stLd-Writethru", PubStatus.USABLE),
        (3, "KILL", PubStatus.CANCELED),
    ]
    assert versions[0].language == "en"
    assert list(Translation.objects.source_canceled()) == [Translation.objects.get(story=story)]
    assert test.action == Action.SKIPPED
    assert "line test" in test.message


@pytest.mark.django_db
def test_an_undecidable_file_fails_with_its_reason_and_writes_nothing():
    agency = AgencyFactory(name="Associated Press", slug="ap", default_language="en")

    [outcome] = ingest_file(FIXTURES / "iptc7901-undecidable.txt", agency=agency)

    assert outcome.action == Action.FAILED
    assert "detection is unsure" in outcome.message
    assert WireStory.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("LINE TEST\n\nThe quick brown fox jumps over the lazy dog.", "line test"),
        ("ADVISORY: Coverage plans for the summit\n\nReporters will be in Astana.", "advisory"),
        ("AP-BUDGET\n\nTop stories for Tuesday morning.", "budget"),
    ],
)
def test_a_service_message_sent_as_plain_text_is_skipped(text, kind):
    [result] = parse(text.encode(), "message.txt")

    assert str(result) == f"a service message ({kind}), no story"


def test_a_story_about_a_budget_is_a_story():
    [result] = parse(b"Senate passes the budget\n\nThe Senate passed the budget.", "story.txt")

    assert isinstance(result, ParsedItem)
