"""Quality checks of a translation, run on every save and before submission.

Each module checks one topic and yields Issues per paragraph. Errors block submission; a
warning blocks it until someone acknowledges it (QAAcknowledgement, audited), so that the
editor sees what was waived and by whom.
"""

from collections.abc import Sequence

from django.template.defaultfilters import pluralize

from articles.models import Story, StoryParagraph
from translations.models import GlossaryTerm, QAAcknowledgement
from translations.services.errors import WorkflowError

from . import completeness, credit, glossary, length, numbers, quotes
from .base import (
    HEADLINE_KEY,
    SUMMARY_KEY,
    GlossaryEntry,
    Issue,
    QAContext,
    QAReport,
    Segment,
    Severity,
    primary_language,
)

CHECKS = [
    completeness.check,
    numbers.check,
    quotes.check,
    glossary.check,
    length.check,
    credit.check,
]

__all__ = [
    "CHECKS",
    "HEADLINE_KEY",
    "SUMMARY_KEY",
    "Issue",
    "QAError",
    "QAReport",
    "Severity",
    "glossary_for",
    "qa_context",
    "qa_require_passed",
    "qa_run",
]


class QAError(WorkflowError):
    """Submission refused by the QA checks; `report` holds what is wrong, paragraph by paragraph."""

    def __init__(self, report: QAReport) -> None:
        self.report = report
        problems = report.errors + report.unacknowledged_warnings
        listed = " ".join(issue.message for issue in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        errors, warnings = len(report.errors), len(report.unacknowledged_warnings)
        owed = [
            f"{errors} error{pluralize(errors)} to fix" if errors else "",
            f"{warnings} warning{pluralize(warnings)} to acknowledge" if warnings else "",
        ]
        super().__init__(
            "It cannot be submitted yet: the checks found "
            f"{' and '.join(o for o in owed if o)}. {listed}{more}"
        )


def glossary_for(source_language: str, target_language: str) -> list[GlossaryEntry]:
    """The glossary of a language pair; a term kept for "ru" also serves "ru-RU"."""
    terms = GlossaryTerm.objects.filter(
        source_language__in={source_language, primary_language(source_language)},
        target_language__in={target_language, primary_language(target_language)},
    ).values_list("source_term", "target_term", "note")
    return [GlossaryEntry(*term) for term in terms]


def qa_context(
    story: Story,
    *,
    paragraphs: Sequence[StoryParagraph] | None = None,
    glossary_terms: list[GlossaryEntry] | None = None,
) -> QAContext | None:
    """What the checks look at; None for a story translated from no wire story.

    `paragraphs` (with their alignment loaded) and `glossary_terms` spare the queries when the
    caller has them already.
    """
    translation = getattr(story, "translation", None)
    if translation is None:
        return None
    source = translation.wire_story
    if paragraphs is None:
        paragraphs = list(story.paragraphs.select_related("alignment").order_by("position"))
    segments = [Segment(HEADLINE_KEY, "Headline", source.headline, story.headline)]
    if source.summary.strip() or story.summary.strip():
        segments.append(Segment(SUMMARY_KEY, "Summary", source.summary, story.summary))
    for number, paragraph in enumerate(paragraphs, start=1):
        alignment = getattr(paragraph, "alignment", None)
        indexes = tuple(alignment.source_indexes) if alignment else ()
        text = "\n".join(source.paragraphs[i] for i in indexes if i < len(source.paragraphs))
        segments.append(
            Segment(paragraph.key, f"Paragraph {number}", text, paragraph.text, indexes)
        )
    if glossary_terms is None:
        glossary_terms = glossary_for(translation.source_language, translation.target_language)
    return QAContext(
        source_language=translation.source_language,
        target_language=translation.target_language,
        segments=segments,
        source_paragraphs=list(source.paragraphs),
        glossary=glossary_terms,
        agency_name=source.agency.name,
        agency_requires_credit=source.agency.requires_credit,
        credit_line=translation.credit_line,
    )


def qa_run(story: Story, **prefetched) -> QAReport:
    """Run every check on the story as it now stands."""
    context = qa_context(story, **prefetched)
    if context is None:
        return QAReport(issues=[])
    issues = [issue for check in CHECKS for issue in check(context)]
    acknowledged = set(
        QAAcknowledgement.objects.filter(story=story).values_list(
            "check_code", "paragraph_key", "message"
        )
    )
    return QAReport(issues=issues, acknowledged=acknowledged)


def qa_require_passed(story: Story) -> QAReport:
    """Refuse (QAError) a story with QA errors or unacknowledged warnings."""
    report = qa_run(story)
    if report.blocks_submission:
        raise QAError(report)
    return report
