"""NewsML-G2: the official IPTC examples, real agency deliveries, items that are no story, and
files that must be refused (malformed, XML bombs, external entities) with nothing written."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from articles.ingest.base import CreditRole, ParsedItem, ParseError, SkippedItem
from articles.ingest.registry import detect, parse
from articles.models import PubStatus, WireStory
from articles.services.ingest import Action, ingest_file
from tests.factories import AgencyFactory

G2 = Path(__file__).resolve().parent.parent / "fixtures" / "newsml-g2"
SCHEMA = G2 / "schema" / "NewsML-G2_2.35-spec-All-Power.xsd"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def items(path: Path) -> list:
    return parse(path.read_bytes(), path.name)


def only_item(path: Path) -> ParsedItem:
    (item,) = items(path)
    assert isinstance(item, ParsedItem), item
    return item


VALID_FIXTURES = sorted(
    [
        *G2.glob("official/LISTING_[12]_*.xml"),
        *G2.glob("official/LISTING_29_*.xml"),
        *G2.glob("agencies/*.xml"),
        *G2.glob("cases/*.xml"),
    ]
)


@pytest.mark.parametrize("path", VALID_FIXTURES, ids=lambda p: p.name)
def test_fixture_is_valid_newsml_g2(schema, path):
    """The files the parser is tested on are real G2, not something only our parser accepts."""
    assert schema.validate(etree.parse(str(path))), schema.error_log.last_error


@pytest.mark.parametrize("path", [*VALID_FIXTURES, *G2.glob("invalid/*.xml")], ids=lambda p: p.name)
def test_sniffed_as_newsml_g2_by_content(path):
    assert detect(path.read_bytes(), "delivery.bin").name == "newsml-g2"


# --- the official examples ------------------------------------------------------------------


def test_official_listing_2_text_document():
    item = only_item(G2 / "official" / "LISTING_2_NewsML-G2_Text_Document.xml")
    assert item.guid == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert item.headline == 'Fed to halt QE to avert "bubble"'
    assert item.language == "en-US"
    assert len(item.paragraphs) == 2
    assert item.paragraphs[0].startswith("(New York, NY - October 21) Et, sent luptat")
    assert item.paragraphs[1].startswith("Ugiating ea feugait utat")
    assert item.agency_version == "11"
    assert item.pub_status == "usable"
    assert item.sent_at == datetime(2018, 11, 21, 21, 25, 32, tzinfo=UTC)
    assert item.dateline == "New York, NY"  # contentMeta/located
    # infoSource without a role "originated the information" (G2's default).
    assert [(c.name, c.role) for c in item.credits] == [
        ("Associated Press", CreditRole.ORIGINAL_REPORTER)
    ]


def test_official_listing_1_is_an_embargoed_update_flash():
    item = only_item(G2 / "official" / "LISTING_1_A_NewsML-G2_News_Item.xml")
    assert item.headline == 'Fed to halt QE to avert "bubble"'
    assert item.language == "en-GB"  # xml:lang: there is no contentMeta/language
    # Its inlineXML holds only comments: a headline-only item, stored as a flash.
    assert item.paragraphs == ['Fed to halt QE to avert "bubble"']
    assert item.agency_version == "11 (update)"
    assert item.embargo_until == datetime(2018, 10, 23, 12, 0, tzinfo=UTC)
    assert item.dateline == "Berlin"
    assert item.agency_name == "REUTERS"


def test_official_listing_29_has_no_headline_and_is_refused():
    (error,) = items(G2 / "official" / "LISTING_29_Hop_History.xml")
    assert isinstance(error, ParseError)
    assert "no headline" in error.message
    assert "HOP-HISTORY-EXAMPLE" in error.message


def test_official_listing_25_fragment_is_refused():
    (error,) = items(
        G2 / "official" / "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
    )
    assert isinstance(error, ParseError)
    assert "unrecognised format" in error.message


@pytest.mark.django_db
def test_official_text_examples_ingest(tmp_path):
    agency = AgencyFactory(slug="acme")
    outcomes = [
        outcome
        for name in ("LISTING_1_A_NewsML-G2_News_Item.xml", "LISTING_2_NewsML-G2_Text_Document.xml")
        for outcome in ingest_file(G2 / "official" / name, agency=agency)
    ]
    assert [o.action for o in outcomes] == [Action.CREATED, Action.CREATED]
    stored = {w.language: w for w in WireStory.objects.all()}
    assert set(stored) == {"en-GB", "en-US"}
    assert stored["en-US"].format == "newsml-g2"
    assert len(stored["en-US"].paragraphs) == 2
    assert stored["en-GB"].embargo_until == datetime(2018, 10, 23, 12, 0, tzinfo=UTC)


# --- real agency deliveries -----------------------------------------------------------------

AGENCY_CASES = [
    # file, item, headline, language, paragraphs, first paragraph starts, version, status, dateline
    (
        "ap-earnings-writethru.xml",
        0,
        "Nutrisystem beats 4Q earnings and revenue expectations",
        "en",
        4,
        "The diet company Nutrisystem Inc. (NTRI) said on Monday",
        "2",
        "usable",
        "FORT WASHINGTON, Pa",
    ),
    (
        "ap-earnings-writethru.xml",
        1,
        "DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations",
        "en",
        3,
        "DiamondRock Hospitality Co. (DRH) on Monday",
        "2",
        "usable",
        "BETHESDA, Md",
    ),
    (
        "dpa-sport-xhtml.xml",
        0,
        "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter",
        "de",
        3,
        "London ist für Eintracht Frankfurt inzwischen",
        "1",
        "usable",
        "London",
    ),
    (
        "ansa-inlinedata.xml",
        0,
        "Catalan independence declaration unacceptable - Alfano",
        "en",
        3,
        "Italy's foreign minister Angelino Alfano called",
        "1",
        "usable",
        "Rome, October 11",
    ),
    (
        "stt-update.xml",
        0,
        "Eduskunta hyväksyi alkoholilain ja hallitus sai luottamuksen",
        "fi",
        4,
        "Myös työttömyysturvalaki meni läpi",
        "4 (update)",
        "usable",
        "Helsinki",
    ),
]


@pytest.mark.parametrize(
    ("name", "index", "headline", "language", "count", "first", "version", "status", "dateline"),
    AGENCY_CASES,
    ids=[f"{case[0]}[{case[1]}]" for case in AGENCY_CASES],
)
def test_agency_delivery(name, index, headline, language, count, first, version, status, dateline):
    item = items(G2 / "agencies" / name)[index]
    assert isinstance(item, ParsedItem), item
    assert item.headline == headline
    assert item.language == language
    assert len(item.paragraphs) == count, item.paragraphs
    assert item.paragraphs[0].startswith(first)
    assert item.agency_version == version
    assert item.pub_status == status
    assert item.dateline == dateline


def test_agency_tags_become_credits_and_leave_the_body():
    ap = items(G2 / "agencies" / "ap-earnings-writethru.xml")[0]
    dpa = only_item(G2 / "agencies" / "dpa-sport-xhtml.xml")
    ansa = only_item(G2 / "agencies" / "ansa-inlinedata.xml")
    stt = only_item(G2 / "agencies" / "stt-update.xml")
    # Inline candidates ("Nutrisystem Inc. (NTRI)", "Alfano") are kept at ingest only if they
    # name an agency; the tags are explicit credits.
    assert [c.name for c in ap.credits if c.explicit] == ["AP"]
    assert [c.name for c in dpa.credits if c.explicit] == ["dpa"]
    assert dpa.credit_line == "dpa"
    assert [c.name for c in ansa.credits if c.explicit] == ["ANSA"]
    assert [(c.name, c.explicit) for c in stt.credits] == [("STT", True)]
    assert not any("(AP)" in p or "(dpa)" in p or "(ANSA)" in p for p in ap.paragraphs)


def test_xhtml_header_and_editor_notes_stay_out_of_the_body():
    dpa = only_item(G2 / "agencies" / "dpa-sport-xhtml.xml")
    body = " ".join(dpa.paragraphs)
    assert "Extra" not in body  # the genre label in the XHTML header
    assert "Redaktion" not in body  # a non-public edNote
    assert dpa.agency_name == "dpa"


def test_newsmessage_items_each_keep_their_own_xml_as_raw():
    first, second = items(G2 / "agencies" / "ap-earnings-writethru.xml")
    assert first.location == "item 1 (line 11)"
    assert first.raw.startswith(b"<newsItem")
    assert b"Nutrisystem" in first.raw
    assert b"DiamondRock" not in first.raw
    assert second.location.startswith("item 2")


def test_correction_signal_infosource_roles_and_metadata():
    item = only_item(G2 / "cases" / "correction.xml")
    assert item.agency_version == "2 (correction)"
    assert [(c.name, c.role) for c in item.credits][:2] == [
        ("Kazinform", CreditRole.ORIGINAL_REPORTER),
        ("Trend", CreditRole.DISTRIBUTED_BY),
    ]
    assert item.credit_line == "Kazinform via Trend"
    assert item.byline == "By Aigerim Sadykova"
    assert item.summary == "Grain exports rose by a fifth in February."
    assert item.dateline == "ASTANA, March 5"
    assert item.paragraphs[0].startswith("Grain exports rose by 21 percent")


# --- not stories ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("picture-only.xml", "a picture item"),
        ("package.xml", "a package item"),
        ("planning.xml", "a planning item"),
    ],
)
def test_items_that_are_no_story_are_skipped_with_their_reason(name, reason):
    (result,) = items(G2 / "cases" / name)
    assert isinstance(result, SkippedItem)
    assert result.reason.startswith(reason)


@pytest.mark.django_db
def test_skipped_items_write_nothing():
    outcomes = ingest_file(G2 / "cases" / "planning.xml", agency=AgencyFactory())
    assert [o.action for o in outcomes] == [Action.SKIPPED]
    assert "planning item" in outcomes[0].message
    assert not WireStory.objects.exists()


# --- refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message", "where"),
    [
        ("malformed.xml", "malformed XML: Opening and ending tag mismatch", "line 8"),
        ("billion-laughs.xml", "a DOCTYPE declaration is not accepted", "line 1"),
        ("external-entity.xml", "a DOCTYPE declaration is not accepted", "line 1"),
        ("unknown-pubstatus.xml", "itemMeta/pubStatus 'stat:pending' is none of", "line 8"),
    ],
)
def test_bad_files_are_refused_with_reason_and_place(name, message, where):
    (error,) = items(G2 / "invalid" / name)
    assert isinstance(error, ParseError)
    assert error.message.startswith(message)
    assert error.where == where


def test_external_entity_is_never_read():
    (error,) = items(G2 / "invalid" / "external-entity.xml")
    assert "root:" not in str(error)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["malformed.xml", "billion-laughs.xml", "external-entity.xml", "unknown-pubstatus.xml"]
)
def test_refused_files_write_nothing(name):
    path = G2 / "invalid" / name
    outcomes = ingest_file(path, agency=AgencyFactory())
    assert [o.action for o in outcomes] == [Action.FAILED]
    assert str(path) in outcomes[0].source
    assert not WireStory.objects.exists()


@pytest.mark.django_db
def test_a_bad_item_in_a_message_costs_only_itself():
    outcomes = ingest_file(G2 / "invalid" / "mixed-message.xml", agency=AgencyFactory())
    assert [o.action for o in outcomes] == [Action.CREATED, Action.FAILED]
    assert "item 2 (line 13)" in outcomes[1].message
    assert "not an ISO 8601 date-time: 'yesterday'" in outcomes[1].message
    assert list(WireStory.objects.values_list("guid", flat=True)) == ["urn:x:good"]


# --- versions and cancel notices ------------------------------------------------------------


@pytest.mark.django_db
def test_cancel_notice_is_a_new_canceled_version_keeping_the_text():
    stt = AgencyFactory(slug="stt")
    ingest_file(G2 / "agencies" / "stt-update.xml", agency=stt)
    (outcome,) = ingest_file(G2 / "agencies" / "stt-cancel.xml", agency=stt)
    assert outcome.action == Action.NEW_VERSION
    first, canceled = WireStory.objects.order_by("version")
    assert (canceled.version, canceled.pub_status) == (2, PubStatus.CANCELED)
    assert canceled.agency_version == "5"
    assert canceled.headline == first.headline
    assert canceled.paragraphs == first.paragraphs


@pytest.mark.django_db
def test_cancel_notice_for_an_unknown_story_is_refused():
    (outcome,) = ingest_file(G2 / "agencies" / "stt-cancel.xml", agency=AgencyFactory())
    assert outcome.action == Action.FAILED
    assert "never received" in outcome.message
    assert not WireStory.objects.exists()
