"""Writing a story's text: the one place that changes headline, summary and paragraphs.

Paragraphs are matched by key, so a paragraph keeps its key (and its alignment and comments)
across edits; new paragraphs get new keys and removed ones are deleted. Every write raises the
story's revision and keeps a snapshot (StoryRevision) of the text as saved.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify

from articles.models import Story, StoryParagraph
from translations.models import StoryRevision

from .errors import WorkflowError

# A claimed draft's slug until it is published; readers never see it.
DRAFT_SLUG_PREFIX = "draft-"


def public_slug(story: Story) -> str:
    """The slug of the story's public URL: derived from the headline while it is a draft's.

    Once public, a slug never changes, so that links keep working.
    """
    if not story.slug.startswith(DRAFT_SLUG_PREFIX):
        return story.slug
    base = slugify(story.headline, allow_unicode=True)[:190].strip("-") or "story"
    taken = set(
        Story.objects.filter(slug__startswith=base)
        .exclude(pk=story.pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@dataclass(frozen=True)
class ParagraphInput:
    text: str
    key: str = ""  # empty for a new paragraph


def revision_snapshot(
    *, story: Story, actor: AbstractBaseUser | None, reason: str
) -> StoryRevision:
    """Keep the story's text as it now stands, under its current revision number."""
    return StoryRevision.objects.create(
        story=story,
        number=story.revision,
        headline=story.headline,
        summary=story.summary,
        paragraphs=[{"key": p.key, "text": p.text} for p in story.paragraphs.order_by("position")],
        status=story.status,
        created_by=actor,
        reason=reason,
    )


@transaction.atomic
def story_write_text(
    *,
    story: Story,
    actor: AbstractBaseUser | None,
    headline: str,
    summary: str,
    paragraphs: Sequence[ParagraphInput],
    reason: str = "saved",
) -> list[StoryParagraph]:
    """Replace the story's text, keeping paragraph keys; return the paragraphs in order.

    The caller holds the story's row lock and has checked state and permission.
    """
    headline = headline.strip()
    if not headline:
        raise WorkflowError("The headline is empty.")
    existing = {p.key: p for p in story.paragraphs.all()}
    unknown = [p.key for p in paragraphs if p.key and p.key not in existing]
    if unknown:
        raise WorkflowError(f"Unknown paragraph key(s): {', '.join(unknown)}.")
    keep = {p.key for p in paragraphs if p.key}
    story.paragraphs.exclude(key__in=keep).delete()
    saved: list[StoryParagraph] = []
    to_update: list[StoryParagraph] = []
    for position, item in enumerate(paragraphs):
        if item.key:
            paragraph = existing[item.key]
            paragraph.position, paragraph.text = position, item.text.strip()
            to_update.append(paragraph)
        else:
            paragraph = StoryParagraph(story=story, position=position, text=item.text.strip())
        saved.append(paragraph)
    StoryParagraph.objects.bulk_update(to_update, ["position", "text"])
    StoryParagraph.objects.bulk_create([p for p in saved if p.pk is None])
    story.headline, story.summary = headline, summary.strip()
    story.revision += 1
    story.save(update_fields=["headline", "summary", "revision", "updated_at"])
    revision_snapshot(story=story, actor=actor, reason=reason)
    return saved
