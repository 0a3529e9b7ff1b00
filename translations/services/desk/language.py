"""The desk's word on a wire story's language, where ingest could only guess it."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from articles.models import LanguageSource, WireStory
from translations import permissions
from translations.models import EventType, Translation
from translations.services.audit import audit_record
from translations.services.errors import WorkflowError


def wire_story_confirm_language(
    *, wire_story: WireStory, language: str, actor: AbstractBaseUser
) -> WireStory:
    """Confirm (same tag) or correct (another tag) the language of ``wire_story``.

    The story then no longer shows as "language uncertain". A translation already started from
    it takes the corrected source language too, so QA and the glossary read the right language.
    """
    if not permissions.is_desk_member(actor):
        raise PermissionDenied("Only translators and editors may set a wire story's language.")
    import langcodes  # its registry is the desk's business, not every web worker's

    tag = language.strip()
    if not langcodes.tag_is_valid(tag):
        raise WorkflowError(f"{language!r} is not a BCP 47 language tag (e.g. ru, kk, tr, en).")
    tag = langcodes.standardize_tag(tag)
    with transaction.atomic():
        wire = WireStory.objects.select_for_update(of=("self",)).get(pk=wire_story.pk)
        previous = (wire.language, wire.language_source)
        wire.language = tag
        wire.language_source = LanguageSource.DESK
        wire.save(update_fields=["language", "language_source"])
        retagged = Translation.objects.filter(wire_story=wire).exclude(source_language=tag)
        translations = list(retagged.values_list("pk", flat=True))
        retagged.update(source_language=tag)
        audit_record(
            actor=actor,
            event_type=EventType.WIRE_LANGUAGE_CONFIRMED,
            wire_story=wire,
            from_status=previous[0],
            to_status=tag,
            payload={
                "previous_language": previous[0],
                "previous_source": previous[1],
                "language": tag,
                "detected_language": wire.detected_language,
                "detection_confidence": wire.detection_confidence,
                "translations_retagged": translations,
            },
        )
    return wire
