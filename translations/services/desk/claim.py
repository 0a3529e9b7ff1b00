"""Claiming a wire story (a draft translation assigned to the claimant), discarding one, and
reassigning a story to another translator."""

import secrets
from functools import partial

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import (
    Attribution,
    AttributionRole,
    PubStatus,
    Story,
    StoryParagraph,
    StoryStatus,
    WireStory,
)
from translations import permissions
from translations.memory import memory_exact, text_hash
from translations.models import EventType, ParagraphAlignment, ParagraphOrigin, Translation
from translations.qa.base import primary_language
from translations.tasks import refresh_memory_offers

from ..audit import audit_record
from ..editing import DRAFT_SLUG_PREFIX, revision_snapshot
from ..errors import WorkflowError


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return "nobody"
    return user.get_full_name() or user.get_username()


class ClaimError(WorkflowError):
    """The wire story is already someone else's to translate."""

    def __init__(self, message: str, *, claimant: AbstractBaseUser | None, story: Story) -> None:
        super().__init__(message)
        self.claimant = claimant
        self.story = story


class EventCoveredError(ClaimError):
    """Another agency's report of the same event is already being translated.

    A warning, not a refusal: the claimant may go on (``despite_same_event=True``), and the claim
    records that they did.
    """


def same_event_translation(wire_story: WireStory) -> Translation | None:
    """The translation of another report of this wire story's event, if one is under way."""
    return (
        Translation.objects.filter(
            wire_story__event_membership__cluster__memberships__wire_story=wire_story
        )
        .exclude(wire_story__agency_id=wire_story.agency_id, wire_story__guid=wire_story.guid)
        .select_related("story__assignee", "wire_story__agency")
        .order_by("pk")
        .first()
    )


def existing_translation(wire_story: WireStory) -> Translation | None:
    """The translation made from any version of this agency story, if there is one."""
    return (
        Translation.objects.filter(
            wire_story__agency_id=wire_story.agency_id, wire_story__guid=wire_story.guid
        )
        .select_related("story__assignee")
        .order_by("pk")
        .first()
    )


def _lock_versions(wire_story: WireStory) -> WireStory:
    """Lock every version of the agency story, so that two claims of it cannot both pass."""
    versions = list(
        # Only the wire story rows: locking their agency too would queue every claim of it.
        WireStory.objects.select_for_update(of=("self",))
        .filter(agency_id=wire_story.agency_id, guid=wire_story.guid)
        .select_related("agency")
        .order_by("pk")
    )
    return next(v for v in versions if v.pk == wire_story.pk)


def _copy_attributions(wire: WireStory, story: Story) -> None:
    copies = [
        Attribution(
            story=story,
            agency_id=credit.agency_id,
            credited_name=credit.credited_name,
            other_spellings=credit.other_spellings,
            role=credit.role,
            position=position,
        )
        for position, credit in enumerate(wire.attributions.order_by("position", "pk"))
    ]
    # One attribution per agency and role: a wire credit "Translated from Trend News Agency"
    # already is the delivering agency's.
    if not any(
        a.role == AttributionRole.TRANSLATED_FROM
        and (a.agency_id == wire.agency_id or a.credited_name == wire.agency.name)
        for a in copies
    ):
        copies.append(
            Attribution(
                story=story,
                agency=wire.agency,
                credited_name=wire.agency.name,
                role=AttributionRole.TRANSLATED_FROM,
                position=len(copies),
            )
        )
    Attribution.objects.bulk_create(copies)


def wire_story_claim(
    *,
    wire_story: WireStory,
    actor: AbstractBaseUser,
    target_language: str | None = None,
    despite_same_event: bool = False,
) -> Story:
    """Start translating a wire story: a draft Story assigned to `actor`, pinned to this version.

    Exact translation-memory matches are filled in (origin "memory, exact match"). Claiming a
    story one already holds returns it; anyone else's claim is refused with the claimant's name.
    When another report of the same event is being translated, the claim stops with
    EventCoveredError naming who translates it, unless `despite_same_event`; the claim's audit
    event then records the story it knowingly duplicates.
    """
    target_language = target_language or settings.NEWSROOM_LANGUAGE
    if not permissions.is_desk_member(actor):
        raise PermissionDenied("Only translators and editors may claim wire stories.")
    with transaction.atomic():
        wire = _lock_versions(wire_story)
        claimed = existing_translation(wire)
        if claimed is not None:
            if claimed.story.assignee_id == actor.pk:
                return claimed.story
            claimant = claimed.story.assignee
            raise ClaimError(
                f"{display_name(claimant)} has already claimed “{wire.headline}”."
                if claimant
                else f"“{wire.headline}” is already being translated.",
                claimant=claimant,
                story=claimed.story,
            )
        if wire.discarded_at is not None:
            raise WorkflowError(f"“{wire.headline}” was discarded; it cannot be claimed.")
        if wire.pub_status == PubStatus.CANCELED:
            raise WorkflowError(f"{wire.agency.name} canceled “{wire.headline}”.")
        latest = wire.latest_version()
        if latest.pk != wire.pk:
            raise WorkflowError(
                f"Version {latest.version} of “{wire.headline}” has arrived since version "
                f"{wire.version}: start from the newest."
            )
        if primary_language(wire.language) == primary_language(target_language):
            raise WorkflowError(
                f"“{wire.headline}” is already in {wire.language}: there is nothing to translate."
            )
        payload = {"version": wire.version, "target_language": target_language}
        covered = same_event_translation(wire)
        if covered is not None:
            translator = display_name(covered.story.assignee)
            if not despite_same_event:
                raise EventCoveredError(
                    f"{translator} already translates the same event from "
                    f"{covered.wire_story.agency.name}: “{covered.story.headline}”.",
                    claimant=covered.story.assignee,
                    story=covered.story,
                )
            payload["same_event_as"] = {"story": covered.story_id, "translator": translator}
        story = _make_draft(wire, actor, target_language)
        audit_record(
            actor=actor,
            event_type=EventType.WIRE_CLAIMED,
            story=story,
            wire_story=wire,
            to_status=story.status,
            payload=payload,
        )
        # The near matches the desk offers, looked up before the translator opens it.
        transaction.on_commit(
            partial(refresh_memory_offers.enqueue, story.translation.pk), robust=True
        )
    return story


def _make_draft(wire: WireStory, actor: AbstractBaseUser, target_language: str) -> Story:
    remembered = memory_exact(
        [wire.headline, wire.summary, *wire.paragraphs],
        source_language=wire.language,
        target_language=target_language,
    )

    def recall(text: str) -> str:
        entry = remembered.get(text_hash(text)) if text.strip() else None
        return entry.target_text if entry else ""

    story = Story.objects.create(
        # Until it is translated the headline is the source's: a story always has one, and the
        # QA check "identical to the source" keeps it from being submitted so.
        headline=recall(wire.headline) or wire.headline,
        summary=recall(wire.summary),
        slug=f"{DRAFT_SLUG_PREFIX}{wire.pk}-{secrets.token_hex(4)}",
        language=target_language,
        dateline=wire.dateline,
        byline=wire.byline,
        status=StoryStatus.DRAFT,
        assignee=actor,
        editing_by=actor,
        editing_since=timezone.now(),
    )
    translation = Translation.objects.create(
        story=story,
        wire_story=wire,
        source_language=wire.language,
        target_language=target_language,
        credit_line=wire.agency.credit_line,
        source_checksum=wire.checksum,
    )
    translation.translators.add(actor)
    paragraphs = StoryParagraph.objects.bulk_create(
        StoryParagraph(story=story, position=index, text=recall(text))
        for index, text in enumerate(wire.paragraphs)
    )
    ParagraphAlignment.objects.bulk_create(
        ParagraphAlignment(
            translation=translation,
            paragraph=paragraph,
            source_indexes=[index],
            origin=ParagraphOrigin.MEMORY_EXACT if paragraph.text else ParagraphOrigin.TYPED,
            memory_score=100 if paragraph.text else None,
        )
        for index, paragraph in enumerate(paragraphs)
    )
    _copy_attributions(wire, story)
    revision_snapshot(story=story, actor=actor, reason="claimed")
    return story


def wire_story_discard(
    *, wire_story: WireStory, actor: AbstractBaseUser, comment: str = ""
) -> WireStory:
    """Decide not to translate a wire story; it leaves the queue's "new" state for "discarded"."""
    if not permissions.is_desk_member(actor):
        raise PermissionDenied("Only translators and editors may discard wire stories.")
    with transaction.atomic():
        wire = _lock_versions(wire_story)
        if wire.discarded_at is not None:
            raise WorkflowError(f"“{wire.headline}” is already discarded.")
        claimed = existing_translation(wire)
        if claimed is not None:
            raise WorkflowError(
                f"{display_name(claimed.story.assignee)} is translating “{wire.headline}”; "
                "it cannot be discarded."
            )
        wire.discarded_at = timezone.now()
        wire.save(update_fields=["discarded_at"])
        audit_record(
            actor=actor, event_type=EventType.WIRE_DISCARDED, wire_story=wire, comment=comment
        )
    return wire
