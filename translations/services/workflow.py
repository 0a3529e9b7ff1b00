"""The review workflow of a story, one service per move of the table in translations/workflow.py.

The table says which state each move starts from and leads to, who may make it, which audit
events it writes and which side effects it has; `_guard`, `_apply` and `_fire` read it, and
each service adds only what is its own (the QA gate, the comment, the publish time...).
The generated diagram is in README.md.

Comments and revisions have their own modules (comments.py, revisions.py).
"""

from collections.abc import Sequence
from datetime import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.cache import purge_story
from articles.models import Correction, PubStatus, Section, Story, StoryStatus
from articles.tasks import reindex_stories
from translations import notifications, permissions
from translations.memory import memory_store_story
from translations.models import EventType, ReviewComment
from translations.qa import qa_require_passed
from translations.tasks import refresh_memory_offers_of_pair
from translations.workflow import STATES, WORKFLOW, Effect, Move, refused_by_four_eyes, state_of

from .audit import audit_record
from .disclosure import story_disclose_provenance
from .editing import ParagraphInput, public_slug, story_write_text
from .errors import WorkflowError


def _lock(story: Story) -> Story:
    """Re-read the story under a row lock, so that two concurrent moves cannot both pass."""
    return Story.objects.select_for_update().get(pk=story.pk)


def _guard(story: Story, actor: AbstractBaseUser, move: Move) -> None:
    """The table's rules for this move: the state (WorkflowError, 409 in the admin), who may
    (PermissionDenied, 403), four eyes."""
    if not move.is_open(story):
        allowed = sorted(move.sources, key=list(STATES).index)
        raise WorkflowError(
            f"“{move.label}” is not possible: the story is {story.display_status.lower()}; it "
            "must be " + " or ".join(STATES[s].lower() for s in allowed) + "."
        )
    if not move.permitted(actor, story):
        raise PermissionDenied(f"Only {move.who.label} may {move.label.lower()} this story.")
    if refused_by_four_eyes(move, actor, story):
        raise WorkflowError(
            "You translated this story, so you cannot approve it: "
            "another editor must review it (four eyes)."
        )


def _apply(
    story: Story,
    *,
    actor: AbstractBaseUser,
    event: EventType,
    to: str | None = None,
    comment: str = "",
    payload: dict | None = None,
    **fields: object,
) -> Story:
    from_status = story.status
    story.status = to or story.status
    for name, value in fields.items():
        setattr(story, name, value)
    story.save(update_fields=["status", "updated_at", *fields])
    audit_record(
        actor=actor,
        event_type=event,
        story=story,
        from_status=from_status,
        to_status=story.status,
        comment=comment,
        # The revision moved lets the review page diff against the last submitted text.
        payload={"revision": story.revision, **(payload or {})},
    )
    return story


def _fire(move: Move, story: Story, comment: str = "") -> None:
    """The move's side effects: memory inside the transaction, the rest once it commits."""
    later = {
        Effect.MAIL_EDITORS: partial(notifications.notify_submitted, story),
        Effect.MAIL_TRANSLATOR_CHANGES: partial(
            notifications.notify_changes_requested, story, comment
        ),
        Effect.MAIL_TRANSLATOR_PUBLISHED: partial(notifications.notify_published, story),
        Effect.MAIL_NEW_ASSIGNEE: partial(notifications.notify_reassigned, story),
        Effect.REINDEX: partial(reindex_stories.enqueue, [story.pk]),
        Effect.PURGE: partial(purge_story, story),
    }
    for effect in move.effects:
        if effect == Effect.STORE_MEMORY:
            if not memory_store_story(story):
                continue
            # The memory grew: the near matches kept for the stories still being translated.
            translation = story.translation
            transaction.on_commit(
                partial(
                    refresh_memory_offers_of_pair.enqueue,
                    translation.source_language,
                    translation.target_language,
                ),
                robust=True,
            )
        else:
            transaction.on_commit(later[effect], robust=True)


def _target(move: Move) -> str | None:
    # The table's "scheduled" is stored as published (with its time ahead).
    return StoryStatus.PUBLISHED if move.target == "scheduled" else move.target


def story_move(*, story: Story, actor: AbstractBaseUser, move: str, comment: str = "") -> Story:
    """Make a move of the table that needs nothing but a comment: guard, state, audit, effects.

    The named services below are this plus what their move needs of its own.
    """
    the_move = WORKFLOW[move]
    with transaction.atomic():
        story = _lock(story)
        _guard(story, actor, the_move)
        for event in the_move.events:
            story = _apply(story, actor=actor, event=event, to=_target(the_move), comment=comment)
        _fire(the_move, story, comment)
    return story


def _submission(move: str, story: Story, actor: AbstractBaseUser, comment: str) -> Story:
    the_move = WORKFLOW[move]
    with transaction.atomic():
        story = _lock(story)
        _guard(story, actor, the_move)
        qa_require_passed(story)
        story = _apply(
            story, actor=actor, event=the_move.events[0], to=_target(the_move), comment=comment
        )
        _fire(the_move, story, comment)
    return story


def story_submit(*, story: Story, actor: AbstractBaseUser, comment: str = "") -> Story:
    """Send a draft to the editors' review queue, once it passes the QA checks."""
    return _submission("submit", story, actor, comment)


def story_resubmit(*, story: Story, actor: AbstractBaseUser, comment: str = "") -> Story:
    """Send a story back to review after the requested changes."""
    return _submission("resubmit", story, actor, comment)


def story_request_changes(
    *, story: Story, actor: AbstractBaseUser, comment: str, paragraph_key: str = ""
) -> Story:
    """Return a story to its translator; the comment (kept as a review comment, on the whole
    story or on one paragraph) says what to change."""
    comment = comment.strip()
    if not comment:
        raise WorkflowError("Requesting changes needs a comment that says what to change.")
    move = WORKFLOW["request-changes"]
    with transaction.atomic():
        story = _lock(story)
        _guard(story, actor, move)
        if paragraph_key and not story.paragraphs.filter(key=paragraph_key).exists():
            raise WorkflowError(f"The story has no paragraph {paragraph_key!r} to comment on.")
        review_comment = ReviewComment.objects.create(
            story=story, author=actor, body=comment, paragraph_key=paragraph_key
        )
        story = _apply(
            story,
            actor=actor,
            to=_target(move),
            event=move.events[0],
            comment=comment,
            payload={"comment": review_comment.pk, "paragraph": paragraph_key},
        )
        _fire(move, story, comment)
    return story


def story_approve(*, story: Story, actor: AbstractBaseUser, comment: str = "") -> Story:
    """Accept a story for publication. Four eyes: never one's own translation."""
    return story_move(story=story, actor=actor, move="approve", comment=comment)


def publish_blockers(story: Story) -> list[str]:
    """What stands between an approved story and publication, in words for the editor.

    A missing section is not among them: the publishing form asks for it.
    """
    problems = []
    translation = getattr(story, "translation", None)
    if translation is None:
        return problems
    wire = translation.wire_story
    agency = wire.agency
    if not agency.allows_republication:
        problems.append(f"{agency.name}'s licence does not allow republication.")
    if agency.requires_credit and not translation.credit_line.strip():
        problems.append(f"{agency.name}'s licence requires a credit line, and it is empty.")
    if agency.requires_link and not wire.source_url:
        problems.append(
            f"{agency.name}'s licence requires a link to the original, and the source has no URL."
        )
    latest = wire.latest_version()
    for version in dict.fromkeys((wire, latest)):
        if version.pub_status != PubStatus.USABLE:
            problems.append(
                f"The source is {version.get_pub_status_display().lower()} by {agency.name} "
                f"(version {version.version})."
            )
    return problems


def earliest_publish_time(story: Story, chosen: datetime | None = None) -> datetime:
    """The latest of the chosen time, now and the source's embargo.

    A chosen time in the past is taken as now: a story is never backdated. The embargo of the
    version translated and of the agency's newest version both hold.
    """
    now = timezone.now()
    times = [now if chosen is None else max(chosen, now)]
    translation = getattr(story, "translation", None)
    if translation is not None:
        wire = translation.wire_story
        times += [v.embargo_until for v in (wire, wire.latest_version()) if v.embargo_until]
    return max(times)


def _publish(
    story: Story,
    *,
    actor: AbstractBaseUser,
    publish_at: datetime | None,
    section: Section | None,
    comment: str,
) -> Story:
    """The publishing half of "publish" and "approve and publish", inside their transaction."""
    if section is not None and section.pk != story.section_id:
        story.section = section
        story.save(update_fields=["section", "updated_at"])
    problems = publish_blockers(story)
    if story.section_id is None:
        problems.insert(0, "Choose a section: readers find stories by section.")
    if problems:
        raise WorkflowError("Cannot publish: " + " ".join(problems))
    when = earliest_publish_time(story, publish_at)
    previous = story.publish_at
    story = _apply(
        story,
        actor=actor,
        to=StoryStatus.PUBLISHED,
        event=EventType.STORY_PUBLISHED,
        comment=comment,
        publish_at=when,
        slug=public_slug(story),
        payload={
            "publish_at": when.isoformat(),
            "requested": (publish_at or when).isoformat(),
            "previous_publish_at": previous.isoformat() if previous else None,
        },
    )
    story_disclose_provenance(story=story)
    return story


def story_publish(
    *,
    story: Story,
    actor: AbstractBaseUser,
    publish_at: datetime | None = None,
    section: Section | None = None,
    comment: str = "",
) -> Story:
    """Publish now, or schedule for `publish_at`; the embargo is always respected.

    A scheduled story (published, its time still ahead) may be published again to move its time.
    A story without a section needs one (`section`) to be published.
    """
    move = WORKFLOW["publish"]
    with transaction.atomic():
        story = _lock(story)
        if state_of(story) == StoryStatus.PUBLISHED:
            raise WorkflowError("This story is already public; correct or withdraw it instead.")
        _guard(story, actor, move)
        story = _publish(
            story, actor=actor, publish_at=publish_at, section=section, comment=comment
        )
        _fire(move, story, comment)
    return story


def story_approve_and_publish(
    *,
    story: Story,
    actor: AbstractBaseUser,
    publish_at: datetime | None = None,
    section: Section | None = None,
    comment: str = "",
) -> Story:
    """Approve a story in review and publish (or schedule) it in one step: both or neither."""
    move = WORKFLOW["approve-publish"]
    with transaction.atomic():
        story = _lock(story)
        _guard(story, actor, move)
        story = _apply(story, actor=actor, to=StoryStatus.APPROVED, event=EventType.STORY_APPROVED)
        story = _publish(
            story, actor=actor, publish_at=publish_at, section=section, comment=comment
        )
        _fire(move, story, comment)
    return story


def story_correct(
    *,
    story: Story,
    actor: AbstractBaseUser,
    note: str,
    headline: str,
    summary: str,
    paragraphs: Sequence[ParagraphInput],
) -> Correction:
    """Change a published story's text with a public, timestamped correction note."""
    note = note.strip()
    if not note:
        raise WorkflowError("A correction needs a note: readers see it under the story.")
    move = WORKFLOW["correct"]
    with transaction.atomic():
        story = _lock(story)
        _guard(story, actor, move)
        before = _text_of(story)
        story_write_text(
            story=story,
            actor=actor,
            headline=headline,
            summary=summary,
            paragraphs=paragraphs,
            reason="correction",
        )
        if _text_of(story) == before:
            raise WorkflowError("The text is unchanged: a correction must change something.")
        story_disclose_provenance(story=story)
        correction = Correction.objects.create(story=story, note=note, created_by=actor)
        audit_record(
            actor=actor,
            event_type=move.events[0],
            story=story,
            from_status=story.status,
            to_status=story.status,
            comment=note,
            payload={"revision": story.revision, "correction": correction.pk},
        )
        _fire(move, story, note)
    return correction


def _text_of(story: Story) -> tuple[str, str, list[str]]:
    texts = list(story.paragraphs.order_by("position").values_list("text", flat=True))
    return story.headline, story.summary, texts


def story_withdraw(*, story: Story, actor: AbstractBaseUser, note: str) -> Story:
    """Take a published story down. Its URL then answers 410 Gone with the note."""
    note = note.strip()
    if not note:
        raise WorkflowError("Withdrawing needs a note: readers see it at the story's URL.")
    move = WORKFLOW["withdraw"]
    with transaction.atomic():
        story = _lock(story)
        _guard(story, actor, move)
        story = _apply(
            story,
            actor=actor,
            to=_target(move),
            event=move.events[0],
            comment=note,
            withdrawn_at=timezone.now(),
            withdrawal_note=note,
        )
        _fire(move, story, note)
    return story


def story_reassign(
    *, story: Story, actor: AbstractBaseUser, assignee: AbstractBaseUser, comment: str = ""
) -> Story:
    """Give a story still being worked on to another translator of the desk."""
    move = WORKFLOW["reassign"]
    with transaction.atomic():
        story = _lock(story)
        _guard(story, actor, move)
        if not permissions.is_desk_member(assignee):
            raise WorkflowError(f"{assignee} is not an active member of the translation desk.")
        if story.assignee_id == assignee.pk:
            raise WorkflowError(f"The story is already assigned to {assignee}.")
        previous = story.assignee
        story = _apply(
            story,
            actor=actor,
            event=move.events[0],
            comment=comment,
            assignee=assignee,
            payload={
                "from": previous.get_username() if previous else None,
                "to": assignee.get_username(),
            },
        )
        # The new translator becomes one of the translation's translators (its provenance).
        translation = getattr(story, "translation", None)
        if translation is not None:
            translation.translators.add(assignee)
        _fire(move, story, comment)
    return story
