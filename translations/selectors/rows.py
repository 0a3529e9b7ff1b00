"""What the desk's pages show for each paragraph: editor rows, conflict rows and QA issues.

Plain data, apart from the admin views that build it, so that templates read attributes rather
than dictionaries.
"""

import hashlib
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from translations.diffing import html_word_diff
from translations.memory import MemoryMatch
from translations.models import ReviewComment
from translations.qa import Issue, QAReport
from translations.services.desk import DeskParagraph


def issue_token(issue: Issue) -> str:
    """A short stable name for a QA issue, for the button that acknowledges it."""
    return hashlib.sha256("\x1f".join(issue.fingerprint).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class IssueView:
    """A QA issue as the editor shows it, with the name of its acknowledge button."""

    issue: Issue
    acknowledged: bool

    @property
    def token(self) -> str:
        return issue_token(self.issue)


def issues_for(report: QAReport, key: str) -> list[IssueView]:
    return [IssueView(i, report.is_acknowledged(i)) for i in report.for_key(key)]


@dataclass(frozen=True)
class ConflictRow:
    """One paragraph of the conflict page: theirs as saved beside yours as typed (either may be
    missing when the two texts have different numbers of paragraphs)."""

    number: int
    theirs: DeskParagraph | None
    form: object | None
    yours: DeskParagraph | None

    @property
    def differs(self) -> bool:
        return (self.theirs.text if self.theirs else None) != (
            self.yours.text if self.yours else None
        )

    @property
    def word_diff(self) -> SafeString:
        """Yours against theirs word by word: their words you lack in <del>, yours in <ins>."""
        return html_word_diff(
            self.theirs.text if self.theirs else "", self.yours.text if self.yours else ""
        )

    @property
    def can_take_theirs(self) -> bool:
        return bool(
            self.differs and self.theirs and self.yours and self.yours.key == self.theirs.key
        )


@dataclass
class SourceItem:
    number: int
    html: SafeString


@dataclass
class EditorRow:
    form: object
    index: int
    key: str
    sources: list[SourceItem]
    origin: str = ""
    origin_code: str = ""
    score: int | None = None
    issues: list[IssueView] = field(default_factory=list)
    matches: list[MemoryMatch] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)
    untranslated_before: list[SourceItem] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def has_error(self) -> bool:
        return any(view.issue.is_error for view in self.issues)


def form_sources(form) -> tuple[int, ...]:
    """The 0-based source paragraph indexes a paragraph form translates, valid or as typed."""
    if form.is_bound and hasattr(form, "cleaned_data") and "sources" in form.cleaned_data:
        return form.cleaned_data["sources"]
    raw = str(form["sources"].value() or "")
    return tuple(int(n) - 1 for n in raw.replace(" ", "").split(",") if n.isdigit() and int(n))
