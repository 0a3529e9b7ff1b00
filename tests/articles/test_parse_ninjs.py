"""The ninjs parser against the IPTC examples and test suite, plus hand-written documents."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from articles.ingest import registry
from articles.ingest.base import CreditRole, ParsedItem, ParseError, ParseResult
from articles.ingest.ninjs import parse_ninjs
from tests.articles.ninjs_helpers import doc, error, item
from tests.conftest import NINJS_DIR as NINJS

EXAMPLES = sorted((NINJS / "examples").glob("*/*.json"))
SHOULD_FAIL = sorted((NINJS / "test_suite/2.1/should_fail").glob("*.json"))
SHOULD_PASS = sorted((NINJS / "test_suite/2.1/should_pass").glob("*.json"))


def ids(paths: list[Path]) -> list[str]:
    return [f"{path.parent.name}/{path.name}" for path in paths]


def parse_file(path: Path) -> list[ParseResult]:
    return registry.parse(path.read_bytes(), path.name)


# --- the IPTC files -------------------------------------------------------------------------


def test_the_iptc_files_are_there() -> None:
    # Guards the parametrised tests below against silently running over nothing.
    assert (len(EXAMPLES), len(SHOULD_FAIL), len(SHOULD_PASS)) == (11, 4, 13)


@pytest.mark.parametrize("path", EXAMPLES, ids=ids(EXAMPLES))
def test_every_example_parses(path: Path) -> None:
    results = parse_file(path)

    assert registry.detect(path.read_bytes(), path.name).name == "ninjs"
    assert [str(r) for r in results if isinstance(r, ParseError)] == []
    assert len(results) >= 1
    for result in results:
        assert isinstance(result, ParsedItem)
        assert result.format == "ninjs"
        assert result.guid
        assert result.headline
        assert result.paragraphs
        assert all(p and "<" not in p for p in result.paragraphs)
        assert result.raw == path.read_bytes()  # a single document is stored as received


# Each should_fail file breaks one rule; the error must name the path and the rule.
SHOULD_FAIL_MESSAGES = {
    "001_bad_association.json": "associations.0: Unevaluated properties are not allowed "
    "('incorrectproperty' was unexpected)",
    "002_good_association_but_no_name.json": "associations.0: 'name' is a required property",
    "003_good_association_but_no_uri.json": "associations.0: 'uri' is a required property",
    "004_bad_rights.json": "rightsinfo: the object is valid under each of "
    "{'required': ['encodedrights']}, {'required': ['linkedrights']}",
}


@pytest.mark.parametrize("path", SHOULD_FAIL, ids=ids(SHOULD_FAIL))
def test_every_should_fail_file_is_rejected_by_the_schema(path: Path) -> None:
    results = parse_file(path)

    assert results
    assert all(isinstance(r, ParseError) for r in results)
    assert SHOULD_FAIL_MESSAGES[path.name] in str(results[0])
    # The files declare no version and use lowercase keys, so the newest 2.x schema applies;
    # 2.2 is 2.1 plus digitalsourcetype, so the verdicts are the 2.1 suite's.
    assert "(ninjs 2.2 schema" in str(results[0])


# Every should_pass file is schema-valid. Only those with something to read as text become
# items: the others are schema fragments (a uri, a standard block, headlines without any body
# or description) that the product cannot show to a translator, so they fail with "no body text".
SHOULD_PASS_WITH_TEXT = {
    "001_ninjs_example.json": ["Extensible description test"],
    "010_geojson.json": None,  # the AP picture: its caption is the text
    "011_contactinfo.json": None,
    "014_expires.json": ["Extensible description test"],
}


@pytest.mark.parametrize("path", SHOULD_PASS, ids=ids(SHOULD_PASS))
def test_every_should_pass_file_passes_the_schema(path: Path) -> None:
    [result] = parse_file(path)

    if path.name in SHOULD_PASS_WITH_TEXT:
        assert isinstance(result, ParsedItem), str(result)
        expected = SHOULD_PASS_WITH_TEXT[path.name]
        assert (
            result.paragraphs == expected
            if expected
            else result.paragraphs[0].startswith("FILE - In this Monday")
        )
    else:
        assert isinstance(result, ParseError)
        assert result.message.startswith("no body text:"), str(result)
        assert "(ninjs 2." not in str(result)  # not a schema error


def test_picture_item_uses_its_caption_as_text() -> None:
    [picture] = parse_file(NINJS / "examples/2.1/ap_image.json")

    assert isinstance(picture, ParsedItem)
    assert picture.headline == "Turkey Islamic State"
    assert len(picture.paragraphs) == 1
    assert picture.paragraphs[0].startswith("FILE - In this Monday, Nov. 11, 2019 file photo")
    assert picture.paragraphs[0].endswith("(DHA via AP, File)")
    assert picture.summary == picture.paragraphs[0]
    assert picture.credit_line == "ASSOCIATED PRESS"
    assert [(c.name, c.role, c.explicit) for c in picture.credits] == [
        ("DHA", CreditRole.ORIGINAL_REPORTER, True)
    ]
    assert picture.credits[0].where == "field infosources.0"
    assert picture.agency_name == "ASSOCIATED PRESS"
    assert picture.agency_version == "0"
    assert picture.language == "en"
    assert picture.sent_at == datetime(2019, 11, 15, 14, 39, 44, tzinfo=UTC)


def test_dpa_html_body_in_2x_and_3x_gives_the_same_item() -> None:
    [two] = parse_file(NINJS / "examples/2.1/dpa_text.json")
    [three] = parse_file(NINJS / "examples/3.x/dpa_text.json")

    assert isinstance(two, ParsedItem)
    assert isinstance(three, ParsedItem)
    assert len(two.paragraphs) == 9
    assert two.paragraphs[0].startswith("Für Lucien Favre war es «der größte Skandal")
    for parsed in (two, three):
        assert parsed.paragraphs == two.paragraphs
        assert parsed.guid == "urn:newsml:dpa.com:20090101:190510-99-167362"
        assert parsed.agency_name == "dpa"
        assert parsed.agency_version == "2"
        assert parsed.byline == "Von Christian Hollmann, dpa"
        assert parsed.language == "de"
        assert parsed.pub_status == "usable"
        assert parsed.sent_at == datetime(2019, 5, 10, 14, 2, 28, tzinfo=UTC)


def test_ap_dateline_tag_in_the_body_becomes_the_dateline_and_a_credit() -> None:
    [parsed] = parse_file(NINJS / "examples/2.1/ninjsExSimpleText_2.json")

    assert isinstance(parsed, ParsedItem)
    assert parsed.dateline == "GROSSETO, Italy"
    assert parsed.paragraphs[0].startswith("The trial of the captain")
    assert len(parsed.paragraphs) == 4  # from the HTML body, which has the paragraph breaks
    assert [(c.name, c.role, c.explicit) for c in parsed.credits] == [
        ("AP", CreditRole.ORIGINAL_REPORTER, True)
    ]


def test_located_wins_over_the_dateline_in_the_body() -> None:
    [parsed] = parse_file(NINJS / "examples/2.2/005_complex_text_article.json")

    assert isinstance(parsed, ParsedItem)
    assert parsed.dateline == "Grossetto, Italy"
    assert parsed.paragraphs[0].startswith("The trial of the captain")


def test_a_heading_repeating_the_headline_is_not_a_paragraph() -> None:
    [parsed] = parse_file(NINJS / "examples/2.1/tt_text_image_2.json")

    assert isinstance(parsed, ParsedItem)
    assert parsed.headline == "Militärövning i jätteformat hålls 2023"
    assert parsed.headline not in parsed.paragraphs
    assert any(p.startswith("Pandemin satte stopp") for p in parsed.paragraphs)
    assert all("Arkivbild" not in p for p in parsed.paragraphs)  # figure captions skipped


# --- files with several items and broken files -----------------------------------------------


def test_one_bad_item_does_not_cost_the_good_one() -> None:
    good = doc()
    bad = doc(uri="urn:newsroom:test:2", pubstatus="published")
    data = json.dumps([good, bad]).encode()

    first, second = registry.parse(data, "batch.json")

    assert isinstance(first, ParsedItem)
    assert first.location == "item 1"
    assert first.raw == json.dumps(good, ensure_ascii=False, sort_keys=True).encode()
    assert isinstance(second, ParseError)
    assert second.where == "item 2"
    assert str(second) == (
        "item 2: pubstatus: 'published' is not one of ['usable', 'withheld', 'canceled'] "
        "(ninjs 2.2 schema)"
    )


def test_an_array_entry_that_is_not_an_object() -> None:
    results = parse_ninjs(json.dumps([doc(), "urn:x"]).encode())

    assert isinstance(results[0], ParsedItem)
    assert str(results[1]) == "item 2: expected a ninjs object, found a string"


def test_malformed_json_names_line_and_column() -> None:
    data = b'{\n  "uri": "urn:x",\n  "headlines": [}\n'

    [result] = registry.parse(data, "broken.json")

    assert isinstance(result, ParseError)
    assert result.where == "line 3, column 17"
    assert str(result) == "line 3, column 17: malformed JSON: Expecting value"


def test_json_that_is_not_utf8_names_the_byte() -> None:
    [result] = parse_ninjs(b'{"uri": "urn:x", "by": "Caf\xe9"}')

    assert isinstance(result, ParseError)
    assert "byte 0xE9 at offset 27" in str(result)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[]", "the JSON array is empty: no items"),
        (b'"uri"', "expected a ninjs object or an array of them, found a string"),
    ],
)
def test_json_without_items(data: bytes, message: str) -> None:
    assert parse_ninjs(data) == [ParseError(message)]


def test_missing_uri_is_a_schema_error() -> None:
    document = doc()
    del document["uri"]

    assert str(error(document)) == "(root): 'uri' is a required property (ninjs 2.2 schema)"


def test_no_headline() -> None:
    assert error(doc(headlines=[])).message == "no headline: no headlines, headline or title"


def test_title_stands_in_for_a_missing_headline() -> None:
    assert item(doc(headlines=[], title="Slug title")).headline == "Slug title"


def test_bad_date_names_the_field() -> None:
    message = str(error(doc(versioncreated="yesterday")))

    assert message == "versioncreated: not an ISO 8601 date-time: 'yesterday'"


# --- mapping --------------------------------------------------------------------------------


def test_3x_document_maps_every_field() -> None:
    document = {
        "uri": "urn:trend:2024:42",
        "type": "text",
        "version": "3",
        "firstCreated": "2024-03-03T08:00:00+05:00",
        "versionCreated": "2024-03-03T09:30:00+05:00",
        "embargoedUntil": "2024-03-03T12:00:00",
        "pubStatus": "withheld",
        "language": "ru",
        "copyrightHolder": "Trend",
        "by": "Aigerim Sadykova",
        "located": "ASTANA, March 3",
        "headlines": [
            {"role": "sub", "value": "Envoy speaks"},
            {"role": "main", "value": "Kazakhstan is a reliable partner"},
        ],
        "descriptions": [{"role": "summary", "value": "NATO envoy on  cooperation."}],
        "bodies": [
            {"role": "main", "contentType": "text/html", "value": "<p>One &amp; two.</p><p>3</p>"}
        ],
        "infoSources": [
            {"name": "Kazinform", "role": "originfo"},
            {"name": "Trend", "role": "http://cv.iptc.org/newscodes/infosourcerole/poweredby"},
            {"name": "Someone", "role": "contributor"},
        ],
        "altIds": [
            {"role": "etag", "value": "abc"},
            {"role": "canonical", "value": "https://en.trend.az/x/42"},
        ],
    }

    parsed = item(document, language="en")

    assert parsed.format == "ninjs"
    assert parsed.guid == "urn:trend:2024:42"
    assert parsed.headline == "Kazakhstan is a reliable partner"
    assert parsed.paragraphs == ["One & two.", "3"]
    assert parsed.summary == "NATO envoy on cooperation."
    assert parsed.language == "ru"  # the document wins over the caller's default
    assert parsed.byline == "Aigerim Sadykova"
    assert parsed.dateline == "ASTANA, March 3"
    assert parsed.agency_name == "Trend"
    assert parsed.agency_version == "3"
    assert parsed.sent_at == datetime(2024, 3, 3, 9, 30, tzinfo=timezone(timedelta(hours=5)))
    assert parsed.embargo_until == datetime(2024, 3, 3, 12, 0, tzinfo=UTC)
    assert parsed.pub_status == "withheld"
    assert parsed.source_url == "https://en.trend.az/x/42"
    assert parsed.location == ""
    assert [(c.name, c.role, c.explicit, c.where) for c in parsed.credits] == [
        ("Kazinform", CreditRole.ORIGINAL_REPORTER, True, "field infoSources.0"),
        ("Trend", CreditRole.DISTRIBUTED_BY, True, "field infoSources.1"),
    ]


def test_2x_embargo_status_and_language_default() -> None:
    parsed = item(doc(embargoed="2024-03-03T12:00:00Z", pubstatus="canceled"), language="kk")

    assert parsed.embargo_until == datetime(2024, 3, 3, 12, 0, tzinfo=UTC)
    assert parsed.pub_status == "canceled"
    assert parsed.language == "kk"
    assert parsed.sent_at is None


def test_translated_from_infosource_and_credit_line_in_the_body() -> None:
    body = "ASTANA, March 3 /Kazinform/. Text.\n\nMore.\n\nTranslated from Trend"
    document = doc(
        bodies=[{"value": body}],
        infosources=[{"name": "Trend", "role": "translatedfrom"}],
    )

    parsed = item(document)

    assert parsed.paragraphs == ["Text.", "More."]
    assert parsed.dateline == "ASTANA, March 3"
    assert parsed.credit_line == "Translated from Trend"
    assert [(c.name, c.role) for c in parsed.credits] == [
        ("Trend", CreditRole.TRANSLATED_FROM),
        ("Kazinform", CreditRole.ORIGINAL_REPORTER),
    ]


def test_creditline_description_credits_when_there_are_no_infosources() -> None:
    document = doc(
        bodies=[],
        descriptions=[
            {"role": "creditline", "value": "Trend via AzerNews"},
            {"role": "caption", "value": "A picture."},
        ],
    )

    parsed = item(document)

    assert parsed.paragraphs == ["A picture."]
    assert parsed.credit_line == "Trend via AzerNews"
    assert [(c.name, c.role, c.where) for c in parsed.credits] == [
        ("Trend", CreditRole.ORIGINAL_REPORTER, "field descriptions.0"),
        ("AzerNews", CreditRole.DISTRIBUTED_BY, "field descriptions.0"),
    ]


def test_html_body_is_preferred_and_xml_bodies_are_ignored() -> None:
    document = doc(
        bodies=[
            {"contenttype": "application/xml", "value": "<nitf><p>XML</p></nitf>"},
            {"contenttype": "text/plain", "value": "All in one paragraph."},
            {"contenttype": "application/xhtml+xml", "value": "<p>One.</p><p>Two.</p>"},
        ]
    )

    assert item(document).paragraphs == ["One.", "Two."]


def test_no_readable_body_is_an_error_naming_the_item() -> None:
    document = doc(bodies=[{"contenttype": "application/xml", "value": "<nitf/>"}])

    assert (
        error(document).message
        == "no body text: urn:newsroom:test:1 has no bodies and no descriptions"
    )


def test_registry_detects_ninjs_by_content_not_extension() -> None:
    data = json.dumps(doc()).encode()

    assert registry.detect(data, "story.txt").name == "ninjs"
    assert registry.detect(b"  \n[\n" + data + b"]", "feed").name == "ninjs"
