"""QA checks: unit cases per topic, and acceptance 3 on the sample story through the admin."""

from decimal import Decimal
from pathlib import Path

import pytest

from articles.models import StoryStatus
from tests.factories import AgencyFactory, GlossaryTermFactory, WireStoryFactory
from tests.translations.desk_helpers import editor_form, editor_url
from translations.qa import (
    QAContext,
    Severity,
    completeness,
    credit,
    glossary,
    length,
    numbers,
    quotes,
)
from translations.qa import base as qa_base
from translations.services.desk import wire_story_claim

DATA = Path(__file__).parent / "data"


def segment_context(source: str, target: str, **extra) -> QAContext:
    return QAContext(
        source_language=extra.pop("source_language", "ru"),
        target_language=extra.pop("target_language", "en"),
        segments=[qa_base.Segment("p1", "Paragraph 1", source, target, (0,))],
        source_paragraphs=[source],
        **extra,
    )


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("в 2014 году", "ru", ["2014"]),
        ("1 500 человек и 2,5 процента", "ru", ["1500", "2.5"]),
        ("1\u00a0500 человек", "ru", ["1500"]),
        ("1,500 people and 2.5 percent", "en", ["1500", "2.5"]),
        ("10.000 Euro, 1,5 Prozent", "de", ["10000", "1.5"]),
        ("the 21st summit", "en", ["21"]),
        ("21-й саммит", "ru", ["21"]),
        ("2,5 млн тенге", "ru", ["2500000"]),
        ("2.5 million tenge", "en", ["2500000"]),
        ("in 2014 300 troops", "en", ["2014", "300"]),
        ("в 2014-2015 годах", "ru", ["2014", "2015"]),
    ],
)
def test_numbers_are_read_with_each_languages_separators(text, language, values):
    found = numbers.numbers_in(text, language)
    assert sorted(found.elements()) == sorted(Decimal(v) for v in values)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("В 2014 году 1 500 человек.", "In 2014, 1,500 people.", []),
        ("В 2014 году.", "In 2041.", [("numbers", Severity.ERROR)]),
        ("Рост на 2,5 процента.", "Growth of 25 percent.", [("numbers", Severity.ERROR)]),
        ("Два министра, 2 дня.", "Two ministers, two days.", [("numbers", Severity.WARNING)]),
        ("Переговоры.", "Talks in 2024.", [("numbers.extra", Severity.WARNING)]),
    ],
)
def test_number_check(source, target, expected):
    issues = list(numbers.check(segment_context(source, target)))
    assert [(i.code, i.severity) for i in issues] == expected


def test_a_changed_year_names_both_numbers():
    (issue,) = numbers.check(segment_context("В 2014 году.", "In 2041."))
    assert issue.message == (
        "Paragraph 1: 2014 in the source is missing from the translation, which has 2041 instead."
    )


@pytest.mark.parametrize(
    ("source", "target", "codes"),
    [
        ("«Да», - сказал он.", '"Yes," he said.', []),
        ("«Да», - сказал он.", "“Yes, he said.", ["quotes.unbalanced"]),
        ("«Да» и «нет».", '"Yes" and no.', ["quotes.count"]),
        ("Слова «Да».", "The Secretary General’s word.", ["quotes.count"]),
    ],
)
def test_quotation_check(source, target, codes):
    assert [i.code for i in quotes.check(segment_context(source, target))] == codes


def test_empty_identical_and_untranslated():
    context = QAContext(
        source_language="ru",
        target_language="en",
        segments=[
            qa_base.Segment("a", "Paragraph 1", "Первый.", "", (0,)),
            qa_base.Segment("b", "Paragraph 2", "Второй абзац.", "Второй абзац.", (1,)),
        ],
        source_paragraphs=["Первый.", "Второй абзац.", "Третий."],
    )
    issues = [(i.code, i.severity, i.paragraph_key) for i in completeness.check(context)]
    assert issues == [
        ("empty", Severity.ERROR, "a"),
        ("identical", Severity.ERROR, "b"),
        ("untranslated", Severity.WARNING, ""),
    ]


def test_length_ratio_outliers():
    source = "Министр иностранных дел прибыл в Брюссель для переговоров."
    assert [i.code for i in length.check(segment_context(source, "He came."))] == ["length"]
    fair = "The foreign minister arrived in Brussels for talks."
    assert list(length.check(segment_context(source, fair))) == []


def test_credit_line_required_by_the_licence():
    missing = segment_context("а", "b", agency_name="Trend", agency_requires_credit=True)
    assert [i.code for i in credit.check(missing)] == ["credit.missing"]
    other = segment_context("а", "b", agency_name="Trend", credit_line="Translated from Reuters")
    assert [i.severity for i in credit.check(other)] == [Severity.WARNING]


def test_glossary_terms_are_found_inflected_and_highlighted():
    term = qa_base.GlossaryEntry("Североатлантический альянс", "North Atlantic Alliance", "")
    source = "Североатлантический альянс надеется на сотрудничество."
    missing = segment_context(source, "The Alliance hopes for cooperation.", glossary=[term])
    present = segment_context(source, "The North Atlantic Alliance hopes.", glossary=[term])
    assert [i.code for i in glossary.check(missing)] == ["glossary"]
    assert list(glossary.check(present)) == []
    html = glossary.highlight_terms("<b> Североатлантический альянс", [term])
    assert html == (
        '&lt;b&gt; <mark class="glossary" title="Glossary: North Atlantic Alliance">'
        "Североатлантический альянс</mark>"
    )


# Acceptance 3 --------------------------------------------------------------------------------


def sample_story(sample_path: Path) -> tuple[str, list[str]]:
    blocks = [b.strip() for b in sample_path.read_text().split("\n\n") if b.strip()]
    return blocks[0], blocks[1:-1]


@pytest.fixture
def sample_translation(db, translator, sample_path):
    headline, english = sample_story(sample_path)
    russian = (DATA / "kazinform-nato-partner.ru.txt").read_text().strip().split("\n\n")
    GlossaryTermFactory(
        source_term="Североатлантический альянс", target_term="North Atlantic Alliance"
    )
    wire = WireStoryFactory(
        agency=AgencyFactory(name="Trend", slug="trend"),
        headline="Казахстан – самый надежный партнер НАТО в Центральной Азии – спецпредставитель",
        paragraphs=russian,
    )
    story = wire_story_claim(wire_story=wire, actor=translator)
    # The sample's lede and its two paragraphs about 2014, as the translator types them.
    target = [english[0], english[8], english[9]]
    assert "2014" in target[1]
    assert "2014" in target[2]
    return story, headline, target


def post_text(client, story, headline, paragraphs, op):
    data = editor_form(client, story) | {"headline": headline, "op": op}
    for index, text in enumerate(paragraphs):
        data[f"p-{index}-text"] = text
    return client.post(editor_url(story), data, follow=True)


def test_2014_typed_as_2041_is_an_error_and_blocks_submission_until_fixed(
    client, translator, sample_translation
):
    story, headline, target = sample_translation
    client.force_login(translator)
    mistyped = [target[0], target[1].replace("2014", "2041"), target[2]]

    response = post_text(client, story, headline, mistyped, "submit")

    page = response.content.decode()
    assert (
        "Paragraph 2: 2014 in the source is missing from the translation, which has 2041 instead."
        in page
    )
    assert "It cannot be submitted yet: the checks found 1 error to fix." in page
    assert "Saved, but" not in page
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT
    assert story.paragraphs.order_by("position")[1].text == mistyped[1]

    response = post_text(client, story, headline, target, "submit")

    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW, response.content.decode()[:500]


def test_a_glossary_term_left_out_raises_its_check(client, translator, sample_translation):
    story, headline, target = sample_translation
    client.force_login(translator)
    without_term = target[0].replace("the North Atlantic Alliance", "the Alliance")

    page = post_text(client, story, headline, [without_term, *target[1:]], "save")

    assert (
        "Paragraph 1: the glossary renders “Североатлантический альянс” as "
        "“North Atlantic Alliance”, which the translation does not use."
    ) in page.content.decode()
    assert '<mark class="glossary" title="Glossary: North Atlantic Alliance">' in (
        page.content.decode()
    )
    response = post_text(client, story, headline, [without_term, *target[1:]], "submit")
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT
    assert "the checks found 1 warning to acknowledge" in response.content.decode()
