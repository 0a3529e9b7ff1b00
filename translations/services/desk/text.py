"""Saving a translation without losing work.

Every save names the revision it was based on; a save based on an older revision is refused with
a SaveConflict that carries both texts, so that the page can show them side by side. A soft lock
(Story.editing_by / editing_since) tells others who is at work on the story; it warns, it does
not forbid.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Story, StoryParagraph
from translations import permissions
from translations.models import (
    ParagraphAlignment,
    ParagraphOrigin,
    StoryRevision,
    Translation,
    TranslationMethod,
    WorkingCopy,
)
from translations.qa import QAReport, qa_run

from ..editing import ParagraphInput, story_write_text
from ..errors import WorkflowError

# A soft lock lapses after this long without a save, so that a closed tab does not hold it.
EDIT_LOCK_TIMEOUT = timedelta(minutes=30)


@dataclass(frozen=True)
class DeskParagraph:
    """One target paragraph as the desk submits it.

    `origin` None lets story_save decide: a paragraph keeps its origin while edited, and an empty
    one that gets text becomes "typed".
    """

    text: str
    key: str = ""
    source_indexes: tuple[int, ...] = ()
    origin: ParagraphOrigin | None = None
    memory_score: int | None = None


@dataclass(frozen=True)
class StoryText:
    headline: str
    summary: str
    paragraphs: list[DeskParagraph] = field(default_factory=list)


class SaveConflict(WorkflowError):
    """The story was saved by someone else since the text being saved was loaded."""

    def __init__(
        self,
        *,
        story: Story,
        based_on_revision: int,
        yours: StoryText,
        theirs: StoryText,
        saved_by: AbstractBaseUser | None,
    ) -> None:
        self.story = story
        self.based_on_revision = based_on_revision
        self.current_revision = story.revision
        self.yours = yours
        self.theirs = theirs
        self.saved_by = saved_by
        who = (saved_by.get_full_name() or saved_by.get_username()) if saved_by else "someone"
        super().__init__(
            f"{who} saved this story (revision {story.revision}) after you opened revision "
            f"{based_on_revision}. Your text was not saved; it is shown beside theirs."
        )


@dataclass(frozen=True)
class SaveResult:
    story: Story
    paragraphs: list[StoryParagraph]
    report: QAReport
    # Set when the save was based on an older revision and combined with the newer one.
    merged_with: AbstractBaseUser | None = None


def story_text(story: Story) -> StoryText:
    """The story's text as stored now."""
    return StoryText(
        headline=story.headline,
        summary=story.summary,
        paragraphs=[
            DeskParagraph(
                text=p.text,
                key=p.key,
                source_indexes=tuple(p.alignment.source_indexes) if hasattr(p, "alignment") else (),
            )
            for p in story.paragraphs.select_related("alignment").order_by("position")
        ],
    )


def _check_source_indexes(paragraphs: Sequence[DeskParagraph], translation: Translation) -> None:
    count = len(translation.wire_story.paragraphs)
    for number, paragraph in enumerate(paragraphs, start=1):
        wrong = [i + 1 for i in paragraph.source_indexes if not 0 <= i < count]
        if wrong:
            raise WorkflowError(
                f"Paragraph {number}: the source has no paragraph "
                f"{', '.join(map(str, wrong))} (it has {count})."
            )


def story_save(
    *,
    story: Story,
    actor: AbstractBaseUser,
    based_on_revision: int,
    headline: str,
    summary: str,
    paragraphs: Sequence[DeskParagraph],
    reason: str = "saved",
) -> SaveResult:
    """Save a translation's text and alignment, unless someone saved since `based_on_revision`."""
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if not permissions.can_edit(actor, story):
            if story.status not in permissions.EDITABLE_STATES:
                raise WorkflowError(
                    f"The story is {story.display_status.lower()}: it can no longer be edited."
                )
            raise PermissionDenied("Only the assigned translator or an editor may edit this story.")
        merged_with = None
        if based_on_revision != story.revision:
            yours = StoryText(headline, summary, list(paragraphs))
            theirs = story_text(story)
            merged = _merge_with(story, based_on_revision, theirs, yours)
            if merged is None:
                raise SaveConflict(
                    story=story,
                    based_on_revision=based_on_revision,
                    yours=yours,
                    theirs=theirs,
                    saved_by=_last_saved_by(story),
                )
            headline, summary, paragraphs = merged.headline, merged.summary, merged.paragraphs
            merged_with = _last_saved_by(story)
        translation = getattr(story, "translation", None)
        if translation is not None:
            _check_source_indexes(paragraphs, translation)
        before = {
            p.key: p for p in story.paragraphs.select_related("alignment").order_by("position")
        }
        saved = story_write_text(
            story=story,
            actor=actor,
            headline=headline,
            summary=summary,
            paragraphs=[ParagraphInput(text=p.text, key=p.key) for p in paragraphs],
            reason=reason,
        )
        if translation is not None:
            _record_alignment(translation, before, saved, paragraphs)
            translation.translators.add(actor)
        if story.editing_by_id != actor.pk:
            story.editing_by, story.editing_since = actor, timezone.now()
            story.save(update_fields=["editing_by", "editing_since"])
        # The person's autosaved text is now in this revision. The revision records the save;
        # the audit log keeps the workflow's moves only.
        WorkingCopy.objects.filter(story=story, author=actor).delete()
    return SaveResult(story=story, paragraphs=saved, report=qa_run(story), merged_with=merged_with)


def _merge_with(
    story: Story, based_on_revision: int, theirs: StoryText, yours: StoryText
) -> StoryText | None:
    """Yours and theirs combined against the revision yours started from, if they combine."""
    from .merge import merge_texts  # merge builds on this module's types

    base = StoryRevision.objects.filter(story=story, number=based_on_revision).first()
    return merge_texts(base, theirs, yours) if base is not None else None


def story_autosave(
    *,
    story: Story,
    actor: AbstractBaseUser,
    based_on_revision: int,
    headline: str,
    summary: str,
    paragraphs: Sequence[DeskParagraph],
) -> WorkingCopy:
    """Keep the text as typed in the person's one working copy, overwriting the last; no
    revision, no audit event. Refused like a save if someone saved since `based_on_revision`."""
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story.pk)
        if not permissions.can_edit(actor, story):
            raise PermissionDenied("Only the assigned translator or an editor may edit this story.")
        if based_on_revision != story.revision:
            raise SaveConflict(
                story=story,
                based_on_revision=based_on_revision,
                yours=StoryText(headline, summary, list(paragraphs)),
                theirs=story_text(story),
                saved_by=_last_saved_by(story),
            )
        copy, _ = WorkingCopy.objects.update_or_create(
            story=story,
            author=actor,
            defaults={
                "based_on_revision": based_on_revision,
                "headline": headline,
                "summary": summary,
                "paragraphs": [
                    {"key": p.key, "text": p.text, "sources": list(p.source_indexes)}
                    for p in paragraphs
                ],
            },
        )
    return copy


def working_copy_text(story: Story, user: AbstractBaseUser) -> tuple[StoryText, WorkingCopy] | None:
    """The user's autosaved text of the story, if it was typed on the current revision."""
    copy = WorkingCopy.objects.filter(
        story=story, author=user, based_on_revision=story.revision
    ).first()
    if copy is None:
        return None
    paragraphs = [
        DeskParagraph(
            text=item.get("text", ""),
            key=item.get("key", ""),
            source_indexes=tuple(item.get("sources", ())),
        )
        for item in copy.paragraphs
    ]
    return StoryText(copy.headline, copy.summary, paragraphs), copy


def _last_saved_by(story: Story) -> AbstractBaseUser | None:
    last = (
        StoryRevision.objects.filter(story=story, number=story.revision)
        .select_related("created_by")
        .first()
    )
    return last.created_by if last else None


def _record_alignment(
    translation: Translation,
    before: dict[str, StoryParagraph],
    saved: list[StoryParagraph],
    submitted: Sequence[DeskParagraph],
) -> None:
    """Keep each paragraph's source indexes and origin; see DeskParagraph for the origin rule."""
    to_update, to_create = [], []
    for paragraph, item in zip(saved, submitted, strict=True):
        old = before.get(item.key) if item.key else None
        alignment = getattr(old, "alignment", None) if old else None
        if alignment is None:
            alignment = ParagraphAlignment(translation=translation, paragraph=paragraph)
            origin, score = ParagraphOrigin.TYPED, None
        else:
            origin, score = alignment.origin, alignment.memory_score
            if not old.text.strip() and paragraph.text:
                origin, score = ParagraphOrigin.TYPED, None
        if item.origin is not None:
            origin, score = item.origin, item.memory_score
        alignment.source_indexes = sorted(set(item.source_indexes))
        alignment.origin, alignment.memory_score = origin, score
        (to_update if alignment.pk else to_create).append(alignment)
    ParagraphAlignment.objects.bulk_update(to_update, ["source_indexes", "origin", "memory_score"])
    ParagraphAlignment.objects.bulk_create(to_create)
    origins = {a.origin for a in to_update + to_create}
    method = (
        TranslationMethod.MACHINE_POST_EDITED
        if ParagraphOrigin.MACHINE in origins
        else TranslationMethod.HUMAN
    )
    if translation.method != method:
        translation.method = method
        translation.save(update_fields=["method"])


def _lock_lapses_before(now: datetime) -> datetime:
    return now - EDIT_LOCK_TIMEOUT


def editing_lock_holder(story: Story, *, now: datetime | None = None) -> AbstractBaseUser | None:
    """Who is editing the story, if their soft lock has not lapsed."""
    if story.editing_by_id is None or story.editing_since is None:
        return None
    last_active = max(story.editing_since, story.updated_at or story.editing_since)
    if last_active < _lock_lapses_before(now or timezone.now()):
        return None
    return story.editing_by


def story_editing_start(*, story: Story, actor: AbstractBaseUser) -> AbstractBaseUser | None:
    """Take the soft lock when `actor` opens the editor, unless someone else holds it.

    Returns the other holder, if there is one, for the page to say "X has been editing since…".
    One conditional UPDATE, so that two people opening the editor at once cannot both take it.
    """
    now = timezone.now()
    holder = editing_lock_holder(story, now=now)
    if holder is not None and holder.pk == actor.pk:
        return None
    if holder is not None:
        return holder
    lapsed = _lock_lapses_before(now)
    taken = (
        Story.objects.filter(pk=story.pk)
        .filter(
            Q(editing_by__isnull=True)
            | Q(editing_since__isnull=True)
            | Q(editing_by=actor)
            | Q(editing_since__lt=lapsed, updated_at__lt=lapsed)
        )
        .update(editing_by=actor, editing_since=now)
    )
    if taken:
        story.editing_by, story.editing_since = actor, now
        return None
    story.refresh_from_db(fields=["editing_by", "editing_since", "updated_at"])
    return editing_lock_holder(story, now=now)


def story_editing_stop(*, story: Story, actor: AbstractBaseUser) -> None:
    """Let go of the soft lock (closing the editor); only its holder can."""
    Story.objects.filter(pk=story.pk, editing_by=actor).update(editing_by=None, editing_since=None)
