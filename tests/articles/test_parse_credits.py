"""Credit conventions of wire prose, read through the plain-text parser: trailing credit lines,
datelines, syndication chains and inline credits (English and Russian). No database.
"""

from __future__ import annotations

import pytest

from articles.ingest.base import CreditRole, ParsedItem
from articles.ingest.text import parse_text

ORIGINAL = CreditRole.ORIGINAL_REPORTER
TRANSLATED = CreditRole.TRANSLATED_FROM
DISTRIBUTED = CreditRole.DISTRIBUTED_BY


def story(*paragraphs: str, headline: str = "Minister visits Astana") -> bytes:
    return "\n\n".join([headline, *paragraphs]).encode()


def names(item: ParsedItem) -> list[tuple[str, CreditRole, bool]]:
    return [(c.name, c.role, c.explicit) for c in item.credits]


# --- trailing credit lines ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Translated from Trend", [("Trend", TRANSLATED)]),
        ("translated from trend.", [("trend", TRANSLATED)]),
        ("TRANSLATED FROM TREND NEWS AGENCY", [("TREND NEWS AGENCY", TRANSLATED)]),
        ("Translated by Jane Doe from Trend", [("Trend", TRANSLATED)]),
        ("Translated from Trend by Jane Doe.", [("Trend", TRANSLATED)]),
        ("Source: Kazinform", [("Kazinform", ORIGINAL)]),
        ("source: Kazinform.", [("Kazinform", ORIGINAL)]),
        ("Source - Kazinform", [("Kazinform", ORIGINAL)]),
        ("Source \u2013 Kazinform", [("Kazinform", ORIGINAL)]),
        ("Sources: Kazinform, Trend", [("Kazinform", ORIGINAL), ("Trend", ORIGINAL)]),
        ("(AKIpress)", [("AKIpress", ORIGINAL)]),
    ],
)
def test_trailing_credit_line(line: str, expected: list[tuple[str, CreditRole]]) -> None:
    item = parse_text(story("Body.", line))

    assert item.paragraphs == ["Body."]
    assert item.credit_line == line
    assert [(c.name, c.role) for c in item.credits] == expected
    assert all(c.explicit and c.where == "line 5" for c in item.credits)


def test_credit_line_directly_under_the_last_paragraph() -> None:
    item = parse_text(b"Headline\n\nBody.\nTranslated from Trend")

    assert item.paragraphs == ["Body."]
    assert names(item) == [("Trend", TRANSLATED, True)]
    assert item.credits[0].where == "line 4"


def test_stacked_credit_lines_are_kept_in_reading_order() -> None:
    item = parse_text(story("Body.", "Source: Kazinform\nTranslated from Trend", "END"))

    assert item.paragraphs == ["Body."]
    assert item.credit_line == "Source: Kazinform\nTranslated from Trend"
    assert names(item) == [("Kazinform", ORIGINAL, True), ("Trend", TRANSLATED, True)]


def test_translated_from_a_language_names_no_agency() -> None:
    item = parse_text(story("Body.", "Translated from Russian"))

    assert item.credit_line == "Translated from Russian"
    assert item.credits == []


def test_source_url_line() -> None:
    item = parse_text(story("Body.", "Source: https://en.trend.az/x/123", "https://kazinform.kz/y"))

    assert item.paragraphs == ["Body."]
    assert item.source_url == "https://en.trend.az/x/123"
    assert item.credits == []


@pytest.mark.parametrize(
    "closing",
    [
        "(Reporting by Jane Doe; Editing by John Roe)",
        "(File)",
        "He said the talks would continue (in Astana).",
    ],
)
def test_parenthesised_text_that_is_no_credit_stays_in_the_body(closing: str) -> None:
    item = parse_text(story("Body.", closing))

    assert item.paragraphs == ["Body.", closing]
    assert item.credits == []
    assert item.credit_line == ""


@pytest.mark.parametrize("marker", ["END", "(END)", "-30-", "###"])
def test_end_markers_are_dropped(marker: str) -> None:
    assert parse_text(story("Body.", "Translated from Trend", marker)).paragraphs == ["Body."]


# --- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "ASTANA, March 3 / Kazinform /.",
        "ASTANA, March 3 /Kazinform/:",
        "ASTANA, March 3 (Kazinform):",
        "ASTANA, March 3 (Kazinform) -",
        "ASTANA, March 3 (Kazinform) --",
        "ASTANA, March 3 (Kazinform) \u2013",
        "ASTANA, March 3 (Kazinform) —",
        "ASTANA, March 3 (Kazinform)—",
    ],
)
def test_dateline_with_agency_tag(opening: str) -> None:
    item = parse_text(story(f"{opening} The minister arrived on Monday.", "Second."))

    assert item.dateline == "ASTANA, March 3"
    assert item.paragraphs == ["The minister arrived on Monday.", "Second."]
    assert names(item) == [("Kazinform", ORIGINAL, True)]
    assert item.credits[0].where == "line 3"


def test_dateline_in_capitals_without_a_date() -> None:
    item = parse_text(story("ASTANA (Kazinform) \u2013 The minister arrived."))

    assert item.dateline == "ASTANA"
    assert item.paragraphs == ["The minister arrived."]


def test_dateline_on_a_line_of_its_own() -> None:
    item = parse_text(story("WASHINGTON, Jan. 5 (AP) —", "The minister arrived."))

    assert item.dateline == "WASHINGTON, Jan. 5"
    assert item.paragraphs == ["The minister arrived."]
    assert names(item) == [("AP", ORIGINAL, True)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The minister (Trend) said the talks went well.",
        "Kazakhstan (KZ) is a partner.",
        "Prices rose 3% (year on year) \u2013 the bank said.",
    ],
)
def test_brackets_in_prose_are_no_dateline(paragraph: str) -> None:
    item = parse_text(story(paragraph))

    assert item.dateline == ""
    assert item.paragraphs == [paragraph]
    assert [c for c in item.credits if c.explicit] == []


# --- syndication: "A via B" and "A/B" both mean A reported, B passed it on --------------------


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("BAKU, May 1 /Trend via Xinhua/:", [("Trend", ORIGINAL), ("Xinhua", DISTRIBUTED)]),
        ("BISHKEK, May 1 (Xinhua/AKIpress) -", [("Xinhua", ORIGINAL), ("AKIpress", DISTRIBUTED)]),
        ("BISHKEK, May 1 /Xinhua/AKIpress/:", [("Xinhua", ORIGINAL), ("AKIpress", DISTRIBUTED)]),
    ],
)
def test_syndicated_dateline(opening: str, expected: list[tuple[str, CreditRole]]) -> None:
    item = parse_text(story(f"{opening} Text of the story."))

    assert item.paragraphs == ["Text of the story."]
    assert [(c.name, c.role) for c in item.credits] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Source: Trend (via AzerNews)", [("Trend", ORIGINAL), ("AzerNews", DISTRIBUTED)]),
        ("Source: Trend via AzerNews", [("Trend", ORIGINAL), ("AzerNews", DISTRIBUTED)]),
        (
            "Translated from Kazinform via Trend",
            [("Kazinform", TRANSLATED), ("Trend", DISTRIBUTED)],
        ),
    ],
)
def test_syndicated_credit_line(line: str, expected: list[tuple[str, CreditRole]]) -> None:
    item = parse_text(story("Body.", line))

    assert [(c.name, c.role) for c in item.credits] == expected


# --- inline credits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        ("Kazakhstan is a reliable partner, reports Kazinform.", ["Kazinform"]),
        ("Kazakhstan is a reliable partner, reported Trend News Agency.", ["Trend News Agency"]),
        ("Kazinform reports that the talks went well.", ["Kazinform"]),
        ("Interfax-Kazakhstan reported on Monday that prices rose.", ["Interfax-Kazakhstan"]),
        ("The A.P. said in a report that prices rose.", ["A.P."]),
        ("Prices rose, according to Trend, citing the ministry.", ["Trend"]),
        ("Prices rose, according to the Trend News Agency.", ["Trend News Agency"]),
        ("Prices rose, citing Agence France-Presse.", ["Agence France-Presse"]),
        ("According to him, cooperation develops very well.", []),
        ("According to the minister, cooperation develops.", []),
        ("He reports that cooperation develops.", []),
        ("Local media reports suggest that cooperation develops.", []),
    ],
)
def test_inline_credit_candidates(lede: str, expected: list[str]) -> None:
    item = parse_text(story(lede))

    assert item.paragraphs == [lede]  # inline credits are part of the sentence
    assert [c.name for c in item.credits] == expected
    assert all(c.role == ORIGINAL and not c.explicit for c in item.credits)
    assert all(c.where == "paragraph 1" for c in item.credits)


LONG_PARAGRAPH = (
    "The ministers of the five Central Asian states met on Monday to agree the water quotas "
    "for the summer season, which farmers downstream have waited for since the spring floods "
    "washed away two dams and most of the canals that feed the cotton fields of the valley."
)


def test_inline_credits_are_read_in_the_lede_only() -> None:
    item = parse_text(story(LONG_PARAGRAPH, "Second, reports Trend.", "Third, reports Kazinform."))

    assert names(item) == []


def test_a_lede_cut_into_short_paragraphs_is_read_whole() -> None:
    # Not a fixed number of paragraphs: Trend's dateline and byline stand on lines of their own.
    item = parse_text(
        story("First.", "Second.", "Third, reports Trend.", LONG_PARAGRAPH, "Kazinform reports.")
    )

    assert names(item) == [("Trend", ORIGINAL, False)]
    assert item.credits[0].where == "paragraph 3"


def test_an_explicit_credit_wins_over_the_same_inline_candidate() -> None:
    item = parse_text(story("ASTANA, March 3 /Kazinform/. Prices rose, reports Kazinform."))

    assert names(item) == [("Kazinform", ORIGINAL, True)]


@pytest.mark.parametrize(
    "lede",
    [
        "Казахстан – надежный партнер НАТО, сообщает Kazinform.",
        "Казахстан – надежный партнер НАТО, передает Kazinform.",
        "По данным Kazinform, Казахстан – надежный партнер НАТО.",
        "Казахстан – надежный партнер НАТО, со ссылкой на Kazinform пишут СМИ.",
    ],
)
def test_russian_inline_credits_are_candidates(lede: str) -> None:
    item = parse_text(story(lede))

    assert [(c.name, c.role, c.explicit) for c in item.credits] == [
        ("Kazinform", CreditRole.ORIGINAL_REPORTER, False)
    ]
    assert item.paragraphs == [lede]


def test_russian_pronoun_yields_nothing() -> None:
    item = parse_text(story("По его словам, сотрудничество развивается очень хорошо."))

    assert item.credits == []
