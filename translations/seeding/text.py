"""News-like text from the corpus: one set of facts, rendered in any of the five languages.

A story's facts (who, where, which figures) are drawn once from a seeded random generator and
rendered sentence by sentence in the source language and in English from parallel templates,
so the source and its translation agree on every name and number, as the QA checks expect.
"""

import random
from dataclasses import dataclass, field

from . import corpus

NBSP = "\u00a0"


def format_integer(value: int, language: str) -> str:
    """Thousands grouped as each language writes them: 12,500 / 12 500 / 12.500."""
    grouped = f"{value:,}"
    if language == "en":
        return grouped
    return grouped.replace(",", "." if language == "tr" else NBSP)


def format_decimal(value: float, language: str) -> str:
    text = f"{value:.1f}"
    return text if language == "en" else text.replace(".", ",")


@dataclass
class Facts:
    """Indexes into the corpus' lists and the figures of one sentence or story."""

    people: list[tuple[int, int, int, int]]  # (title, first name, surname, 0 male / 1 female)
    place: int
    place2: int
    country: int
    country2: int
    org: int
    commodity: int
    sector: int
    month: int
    year: int
    numbers: dict[str, float] = field(default_factory=dict)

    @classmethod
    def draw(cls, rng: random.Random, year: int) -> "Facts":
        people = []
        for _ in range(2):
            gender = rng.randrange(2)
            first = rng.randrange(len(corpus.FIRST_NAMES["lat"][gender]))
            people.append(
                (
                    rng.randrange(len(corpus.TITLES)),
                    first,
                    rng.randrange(len(corpus.SURNAMES["lat"])),
                    gender,
                )
            )
        place, place2 = rng.sample(range(len(corpus.PLACES)), 2)
        country, country2 = rng.sample(range(len(corpus.COUNTRIES)), 2)
        facts = cls(
            people=people,
            place=place,
            place2=place2,
            country=country,
            country2=country2,
            org=rng.randrange(len(corpus.ORGANISATIONS)),
            commodity=rng.randrange(len(corpus.COMMODITIES)),
            sector=rng.randrange(len(corpus.SECTORS)),
            month=rng.randrange(12),
            year=year,
        )
        facts.redraw_numbers(rng)
        return facts

    def redraw_numbers(self, rng: random.Random) -> None:
        self.numbers = {
            "amount": rng.randrange(12, 950),
            "amount2": rng.randrange(5, 120) / 10,
            "pct": rng.randrange(11, 399) / 10,
            "count": rng.randrange(120, 48_000),
            "jobs": rng.randrange(40, 3_000),
            "tonnes": rng.randrange(1_500, 900_000),
            "docs": rng.randrange(5, 21),
        }

    def slots(self, language: str, person: int = 0) -> dict[str, str]:
        script = corpus.SCRIPT[language]
        title, first, surname, gender = self.people[person]
        country, country2 = corpus.COUNTRIES[self.country], corpus.COUNTRIES[self.country2]
        year2 = self.year + 1 + int(self.numbers["docs"]) % 2
        month_in = corpus.MONTHS["ru_in" if language == "ru" else language][self.month]
        return {
            "person": f"{corpus.FIRST_NAMES[script][gender][first]} "
            f"{corpus.SURNAMES[script][surname][gender]}",
            "title": corpus.TITLES[title][language],
            "a": "а" if gender else "",
            "place": corpus.PLACES[self.place][language],
            "place2": corpus.PLACES[self.place2][language],
            "country": country[language][0],
            "country2": country2[language][0],
            "country_in": country[language][1],
            "org": corpus.ORGANISATIONS[self.org][language],
            "commodity": corpus.COMMODITIES[self.commodity][language],
            "sector": corpus.SECTORS[self.sector][language],
            "month": corpus.MONTHS[language][self.month],
            "month_in": month_in,
            "year": str(self.year),
            "year2": str(year2),
            "ysfx": corpus.AZ_YEAR_SUFFIX[self.year % 10],
            "ysfx2": corpus.AZ_YEAR_SUFFIX[year2 % 10],
            "amount": format_integer(int(self.numbers["amount"]), language),
            "amount2": format_decimal(self.numbers["amount2"], language),
            "pct": format_decimal(self.numbers["pct"], language),
            "count": format_integer(int(self.numbers["count"]), language),
            "jobs": format_integer(int(self.numbers["jobs"]), language),
            "tonnes": format_integer(int(self.numbers["tonnes"]), language),
            "docs": str(int(self.numbers["docs"])),
        }


def render(template: dict[str, str], facts: Facts, language: str, person: int = 0) -> str:
    text = template[language].format(**facts.slots(language, person))
    return text[:1].upper() + text[1:]


@dataclass
class ParallelText:
    """A story's text in the source language and in English, paragraph for paragraph."""

    headline: dict[str, str]
    summary: dict[str, str]
    paragraphs: list[dict[str, str]]
    headline_template: int


def parallel_text(
    rng: random.Random, facts: Facts, languages: tuple[str, ...], paragraphs: int
) -> ParallelText:
    """A headline, a one-sentence summary and `paragraphs` paragraphs of 2-3 sentences."""
    headline_template = rng.randrange(len(corpus.HEADLINES))

    def sentence_in_all(template: int) -> dict[str, str]:
        person = rng.randrange(2)
        facts.redraw_numbers(rng)
        return {
            language: render(corpus.SENTENCES[template], facts, language, person)
            for language in languages
        }

    headline = {
        language: render(corpus.HEADLINES[headline_template], facts, language)
        for language in languages
    }
    summary = sentence_in_all(rng.randrange(len(corpus.SENTENCES)))
    body = []
    for _ in range(paragraphs):
        sentences = [
            sentence_in_all(template)
            for template in rng.sample(range(len(corpus.SENTENCES)), rng.randint(2, 3))
        ]
        body.append({language: " ".join(s[language] for s in sentences) for language in languages})
    return ParallelText(headline, summary, body, headline_template)
