"""What the review pages show, gathered from the models: kept apart from the admin's views."""

from dataclasses import dataclass

from articles.models import PubStatus, Story
from translations.diffing import RevisionDiff, compare_revisions
from translations.models import AuditEvent, EventType, ReviewComment, StoryRevision
from translations.qa import qa_run

SUBMISSIONS = [EventType.STORY_SUBMITTED, EventType.STORY_RESUBMITTED]


@dataclass(frozen=True)
class SideBySideRow:
    number: int | None  # the translated paragraph's number, None for an untranslated source one
    key: str
    source: list[tuple[int, str]]  # (1-based source paragraph number, text)
    target: str
    comments: list[ReviewComment]


def source_flags(story: Story) -> list[str]:
    """Warnings for editors about the story's source: a newer version, or a cancellation."""
    translation = getattr(story, "translation", None)
    if translation is None:
        return []
    wire = translation.wire_story
    latest = wire.latest_version()
    flags = []
    if latest.pk != wire.pk:
        flags.append(
            f"The source has changed: {wire.agency} sent version {latest.version}; this story "
            f"was translated from version {wire.version}."
        )
    canceled = wire.agency.wire_stories.filter(guid=wire.guid, pub_status=PubStatus.CANCELED)
    if canceled.exists():
        flags.append(
            f"{wire.agency} has canceled the source (version "
            f"{canceled.order_by('version').first().version})."
        )
    return flags


def side_by_side(story: Story) -> list[SideBySideRow]:
    """Each translated paragraph beside the source paragraphs it comes from.

    Source paragraphs that no translated paragraph covers get a row of their own, so that an
    editor sees what was left out.
    """
    translation = getattr(story, "translation", None)
    source = list(translation.wire_story.paragraphs) if translation else []
    comments: dict[str, list[ReviewComment]] = {}
    for comment in story.review_comments.filter(resolved_at__isnull=True):
        comments.setdefault(comment.paragraph_key, []).append(comment)
    paragraphs = story.paragraphs.select_related("alignment").order_by("position")
    rows, covered = [], set()
    for number, paragraph in enumerate(paragraphs, start=1):
        alignment = getattr(paragraph, "alignment", None)
        indexes = [i for i in (alignment.source_indexes if alignment else []) if i < len(source)]
        if alignment is None and translation is not None and number - 1 < len(source):
            indexes = [number - 1]  # no alignment recorded: assume paragraph for paragraph
        covered.update(indexes)
        rows.append(
            SideBySideRow(
                number,
                paragraph.key,
                [(i + 1, source[i]) for i in indexes],
                paragraph.text,
                comments.get(paragraph.key, []),
            )
        )
    for index, text in enumerate(source):
        if index not in covered:
            rows.append(SideBySideRow(None, "", [(index + 1, text)], "", []))
    return rows


def last_submitted_diff(story: Story) -> RevisionDiff | None:
    """The current text against the last text submitted before it (what changed since review)."""
    revision_numbers = (
        AuditEvent.objects.filter(story=story, event_type__in=SUBMISSIONS)
        .order_by("-created_at", "-pk")
        .values_list("payload__revision", flat=True)
    )
    base_number = next((n for n in revision_numbers if n and n < story.revision), None)
    if base_number is None:
        return None
    revisions = {
        r.number: r for r in story.revisions.filter(number__in=[base_number, story.revision])
    }
    if len(revisions) < 2:
        return None
    return compare_revisions(revisions[base_number], revisions[story.revision])


def review_context(story: Story) -> dict:
    translation = getattr(story, "translation", None)
    report = qa_run(story)
    return {
        "translation": translation,
        "wire_story": translation.wire_story if translation else None,
        "rows": side_by_side(story),
        "qa_acknowledgements": story.qa_acknowledgements.select_related("acknowledged_by"),
        # The checks on the text as it stands, so that the editor sees what the translator saw.
        "qa_issues": [(issue, report.is_acknowledged(issue)) for issue in report.issues],
        "submitted_diff": last_submitted_diff(story),
        "comments": story.review_comments.select_related("author", "resolved_by"),
        "paragraph_numbers": {
            p.key: n for n, p in enumerate(story.paragraphs.order_by("position"), start=1)
        },
        "current_revision": StoryRevision.objects.filter(
            story=story, number=story.revision
        ).first(),
    }
