"""The plain-text wire parser: layout, identity, errors and detection. No database.

Its credit conventions are tested in test_parse_credits.py.
"""

from __future__ import annotations

import pytest

from articles.ingest import registry
from articles.ingest.base import CreditRole, ParsedCredit, ParsedItem, ParseError
from articles.ingest.text import parse_text, text_guid
from tests.conftest import SAMPLE_PATH as SAMPLE

ORIGINAL = CreditRole.ORIGINAL_REPORTER
TRANSLATED = CreditRole.TRANSLATED_FROM


def story(*paragraphs: str, headline: str = "Minister visits Astana") -> bytes:
    return "\n\n".join([headline, *paragraphs]).encode()


def names(item: ParsedItem) -> list[tuple[str, CreditRole, bool]]:
    return [(c.name, c.role, c.explicit) for c in item.credits]


def parse_error(data: bytes) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_text(data)
    return caught.value


# --- the sample -----------------------------------------------------------------------------


def test_sample_story() -> None:
    data = SAMPLE.read_bytes()

    item = parse_text(data, language="en")

    assert item.format == "text"
    assert item.headline == (
        "Kazakhstan is the Most Reliable NATO Partner in Central Asia \u2013 Special Envoy"
    )
    assert len(item.paragraphs) == 12
    assert item.paragraphs[0].startswith("Kazakhstan is the most active and reliable partner")
    assert item.paragraphs[0].endswith(", reports Kazinform.")  # inline credits stay in the text
    assert item.paragraphs[-1].endswith('many options for future cooperation ", - he said.')
    assert all("Translated from" not in p for p in item.paragraphs)
    assert item.credit_line == "Translated from Trend"
    assert item.language == "en"
    assert item.raw == data
    assert item.guid == text_guid(item.headline)
    assert ParsedCredit("Trend", TRANSLATED, explicit=True, where="line 39") in item.credits
    assert ParsedCredit("Kazinform", ORIGINAL, explicit=False, where="paragraph 1") in item.credits
    # "According to him" yields nothing; "According to Appathurai" is outside the lede, and would
    # only ever be an inline candidate that the resolver drops.
    assert names(item) == [("Trend", TRANSLATED, True), ("Kazinform", ORIGINAL, False)]


def test_sample_keeps_typographic_quotes() -> None:
    item = parse_text(SAMPLE.read_bytes())

    assert "“The Heart of Asia”" in item.paragraphs[6]
    assert "Secretary General\u2019s" in item.paragraphs[1]


# --- layout and normalisation ---------------------------------------------------------------


def test_lines_of_a_paragraph_are_joined_and_whitespace_collapsed() -> None:
    data = b"  Minister   visits\tAstana \r\n\r\n\r\nFirst line\r\n   second\tline  \r\n\r\nNext."

    item = parse_text(data)

    assert item.headline == "Minister visits Astana"
    assert item.paragraphs == ["First line second line", "Next."]


def test_no_break_spaces_are_typography_and_kept() -> None:
    item = parse_text(story("Il a dit\u00a0: «\u202fnon\u202f» to 25\u2009000 people."))

    assert item.paragraphs == ["Il a dit\u00a0: «\u202fnon\u202f» to 25\u2009000 people."]


def test_lines_right_after_the_headline_are_the_first_paragraph() -> None:
    item = parse_text(b"Headline\nFirst paragraph.\n\nSecond.")

    assert item.headline == "Headline"
    assert item.paragraphs == ["First paragraph.", "Second."]


def test_utf8_bom_is_ignored() -> None:
    assert parse_text(b"\xef\xbb\xbf" + story("Body.")).headline == "Minister visits Astana"


def test_byline_line() -> None:
    item = parse_text(story("By Aigerim Sadykova", "Body text."))

    assert item.byline == "Aigerim Sadykova"
    assert item.paragraphs == ["Body text."]


def test_language_comes_only_from_the_caller() -> None:
    assert parse_text(story("Body.")).language == ""
    assert parse_text(story("Body."), language="ru").language == "ru"


# --- identity -------------------------------------------------------------------------------


def test_guid_is_derived_from_the_normalised_headline() -> None:
    first = parse_text(story("Body.", headline="Minister  visits Astana"))
    corrected = parse_text(story("Body, corrected.", headline="MINISTER visits Astana"))
    other = parse_text(story("Body.", headline="Minister leaves Astana"))

    assert first.guid == corrected.guid
    assert first.guid != other.guid
    assert first.guid.startswith("text:")
    assert len(first.guid) == len("text:") + 64


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n"])
def test_empty_file(data: bytes) -> None:
    error = parse_error(data)

    assert error.message.startswith("empty file")
    assert error.where == "line 1"


def test_headline_only() -> None:
    error = parse_error(b"\n\nMinister visits Astana\n\n\n")

    assert str(error) == "line 3: only a headline, no body text"


def test_headline_and_credit_line_only() -> None:
    assert parse_error(story("Translated from Trend")).message == "only a headline, no body text"


def test_headline_over_500_characters() -> None:
    error = parse_error(b"\n" + b"word " * 120 + b"\n\nBody.")

    assert error.where == "line 2"
    assert "599 characters, the limit is 500" in str(error)


def test_bytes_that_are_not_utf8() -> None:
    error = parse_error("Caf\u00e9 opens\n\nBody.".encode("latin-1"))

    assert str(error) == "line 1: not UTF-8: byte 0xE9 at offset 3 (invalid continuation byte)"


def test_bad_byte_on_a_later_line() -> None:
    error = parse_error(b"Headline\n\nBody\n\nmore \xff here")

    assert "offset 21" in error.message
    assert error.where == "line 5"


# --- through the registry -------------------------------------------------------------------


def test_registry_detects_text_by_content() -> None:
    data = SAMPLE.read_bytes()

    assert registry.detect(data, "story.json").name == "text"
    assert registry.detect(b"[UPDATE] Minister resigns\n\nBody.", "x").name == "text"
    [item] = registry.parse(data, "kazinform.txt", language="en")
    assert isinstance(item, ParsedItem)
    assert item.language == "en"


def test_registry_returns_errors_instead_of_raising() -> None:
    [error] = registry.parse(b"\xff\xfe\x00H", "x.txt")

    assert isinstance(error, ParseError)
    assert "offset 0" in str(error)


@pytest.mark.parametrize("data", [b'{"title": "not ninjs"}', b"<?xml version='1.0'?><feed/>"])
def test_registry_refuses_content_no_parser_claims(data: bytes) -> None:
    [error] = registry.parse(data, "story.txt")

    assert isinstance(error, ParseError)
    assert str(error).startswith("story.txt: unrecognised format")
