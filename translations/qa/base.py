"""What a QA check sees (segments: headline, summary, each target paragraph with the source
paragraphs it comes from) and what it reports (issues, by paragraph, with a severity)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models

HEADLINE_KEY = "headline"
SUMMARY_KEY = "summary"


# What each check is called where people read it (the review page, the acknowledgements).
CHECK_LABELS = {
    "empty": "Empty paragraph",
    "identical": "Same as the source",
    "untranslated": "Source paragraph not translated",
    "numbers": "Numbers differ from the source",
    "numbers.extra": "Number not in the source",
    "quotes.unbalanced": "Unbalanced quotation marks",
    "quotes.count": "Quotation marks differ from the source",
    "glossary": "Glossary term",
    "length": "Length differs from the source",
    "credit.missing": "Credit line missing",
    "credit.agency": "Credit line names another agency",
}


def check_label(code: str) -> str:
    """A check's name for people; an unknown code reads as words rather than as a code."""
    return CHECK_LABELS.get(code) or code.replace("_", " ").replace(".", ": ").capitalize()


class Severity(models.TextChoices):
    ERROR = "error", "Error"
    WARNING = "warning", "Warning"


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    message: str
    paragraph_key: str = ""  # a paragraph's key, HEADLINE_KEY, SUMMARY_KEY, or "" for the story

    @property
    def fingerprint(self) -> tuple[str, str, str]:
        """What an acknowledgement is matched on: the same warning on the same paragraph."""
        return (self.code, self.paragraph_key, self.message)

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    source: str
    target: str
    source_indexes: tuple[int, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    source_term: str
    target_term: str
    note: str = ""


@dataclass(frozen=True)
class QAContext:
    source_language: str
    target_language: str
    segments: list[Segment]
    source_paragraphs: list[str]
    glossary: list[GlossaryEntry] = field(default_factory=list)
    agency_name: str = ""
    agency_requires_credit: bool = False
    credit_line: str = ""

    @property
    def languages_differ(self) -> bool:
        return primary_language(self.source_language) != primary_language(self.target_language)


def primary_language(tag: str) -> str:
    return tag.split("-")[0].lower()


@dataclass
class QAReport:
    issues: list[Issue]
    acknowledged: set[tuple[str, str, str]] = field(default_factory=set)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.is_error]

    def is_acknowledged(self, issue: Issue) -> bool:
        return issue.fingerprint in self.acknowledged

    @property
    def unacknowledged_warnings(self) -> list[Issue]:
        return [i for i in self.warnings if not self.is_acknowledged(i)]

    @property
    def blocks_submission(self) -> bool:
        return bool(self.errors or self.unacknowledged_warnings)

    def for_key(self, key: str) -> list[Issue]:
        return [i for i in self.issues if i.paragraph_key == key]

    def find(self, fingerprint: Iterable[str]) -> Issue | None:
        wanted = tuple(fingerprint)
        return next((i for i in self.issues if i.fingerprint == wanted), None)
