"""What the review pages show: the review page (source beside translation, the diff since the
last submission, checks, comments), the workflow panel it shares with the change form, and the
revision history with its comparisons. The admin's views call these and add the admin's frame
and the moves' forms."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator

from articles.models import PubStatus, Story, StoryStatus
from translations import permissions
from translations.diffing import RevisionDiff, compare_revisions
from translations.models import AuditEvent, EventType, ReviewComment, StoryRevision
from translations.qa import qa_run
from translations.services.workflow import publish_blockers
from translations.workflow import Move, moves_available, refused_by_four_eyes

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


def story_url(name: str, story: Story, **kwargs) -> str:
    """The address of one of the story's admin pages (change, review, move...)."""
    return reverse(f"admin:articles_story_{name}", kwargs={"object_id": story.pk, **kwargs})


def public_url(story: Story) -> str:
    """The story's public address once readers can open it (withdrawn: the 410 page, note)."""
    if story.is_live or story.status == StoryStatus.WITHDRAWN:
        return story.get_absolute_url()
    return ""


def story_links(story: Story) -> dict:
    """The links between the story's pages, at the top of each."""
    translated = getattr(story, "translation", None) is not None
    return {
        "change_url": story_url("change", story),
        "translate_url": story_url("translate", story) if translated else "",
        "review_url": story_url("review", story),
        "revisions_url": story_url("revisions", story),
        "preview_url": story_url("preview", story),
        "public_url": public_url(story),
    }


def paragraph_choices(story: Story) -> list[tuple[str, str]]:
    """What a comment or a change request may be about: the story, or one of its paragraphs."""
    return [("", "The whole story")] + [
        (p.key, f"¶{n} {Truncator(p.text).chars(60)}")
        for n, p in enumerate(story.paragraphs.order_by("position"), start=1)
    ]


def workflow_panel(*, user: AbstractBaseUser, story: Story) -> dict:
    """The workflow panel of the change form and the review page: the moves open to the user
    ("moves", for the admin to give each its form), why others are refused, and warnings about
    the source."""
    moves, refusals = [], []
    for move in moves_available(user, story):
        if not refused_by_four_eyes(move, user, story):
            moves.append(move)
        elif not refusals:
            refusals.append("You translated this story, so another editor must approve it.")
    if any(move.target == "published" for move in moves):
        refusals += publish_blockers(story)
    translation = getattr(story, "translation", None)
    newer_source = (
        translation is not None
        and translation.wire_story.latest_version().pk != translation.wire_story_id
    )
    return {
        **story_links(story),
        "moves": moves,
        "workflow_refusals": refusals,
        "source_flags": source_flags(story),
        "can_open_review": permissions.can_preview(user, story),
        "source_changed_url": story_url("source_changed", story) if newer_source else "",
        "open_comments": story.review_comments.filter(resolved_at__isnull=True).count(),
    }


def move_refusal(move: Move, story: Story) -> str:
    """Why a move's page offers no form: the story is no longer where the move starts (another
    editor moved it since the link was made); empty when the move is open."""
    if move.is_open(story):
        return ""
    return f"{move.label} is not possible: the story is {story.display_status.lower()}."


def review_page_context(*, user: AbstractBaseUser, story: Story) -> dict:
    """The review page: the text beside its source, the diff since submission, the comments."""
    may_fix = story.status == StoryStatus.IN_REVIEW and permissions.can_review(user)
    return {
        "title": f"Review: {story.headline}",
        "paragraph_choices": paragraph_choices(story),
        "comment_url": story_url("comment_add", story),
        "fix_url": story_url("review_fix", story) if may_fix else "",
        **review_context(story),
    }


def revisions_context(*, user: AbstractBaseUser, story: Story) -> dict:
    """The story's revision history, newest first."""
    return {
        "title": f"Revisions: {story.headline}",
        "revisions": story.revisions.select_related("created_by").order_by("-number"),
        "can_restore": permissions.can_edit(user, story),
        "compare_url": story_url("compare", story),
    }


def compare_context(*, user: AbstractBaseUser, story: Story, old: int, new: int) -> dict:
    """Two revisions of the story side by side (404 for a revision it does not have)."""
    older = get_object_or_404(story.revisions, number=old)
    newer = get_object_or_404(story.revisions, number=new)
    return {
        "title": f"Revision {older.number} → {newer.number}: {story.headline}",
        "diff": compare_revisions(older, newer),
        "can_restore": permissions.can_edit(user, story),
    }
