"""Background work of the translation desk, run by the task worker (see newsroom.retry)."""

from django.conf import settings
from django.core.mail import send_mail

from newsroom.retry import retried_task
from translations.memory_offers import memory_offers_refresh
from translations.models import Translation
from translations.permissions import EDITABLE_STATES


@retried_task()
def send_notification(*, subject: str, body: str, recipient: str) -> int:
    """Send one workflow mail to one person.

    One task per recipient, so that a mail server refusing one address delays only that
    message, and a retry sends nobody a second copy.
    """
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient], fail_silently=False)


@retried_task()
def refresh_memory_offers(translation_id: int) -> int:
    """Look up the near matches the desk offers for a translation whose source just changed
    (claimed, rebased), so that its translator does not wait for them. Returns how many source
    texts have offers kept; 0 for a translation since deleted (a discarded draft)."""
    translation = (
        Translation.objects.select_related("wire_story", "story").filter(pk=translation_id).first()
    )
    return 0 if translation is None else memory_offers_refresh(translation)


@retried_task()
def refresh_memory_offers_of_pair(source_language: str, target_language: str) -> int:
    """The memory of a language pair has grown (an approval): refresh the offers of every story
    still being translated in that pair, one task each. Returns how many were enqueued.

    Stories in review or published keep theirs until someone opens their desk, which then looks
    up what is stale."""
    ids = list(
        Translation.objects.filter(
            source_language=source_language,
            target_language=target_language,
            story__status__in=EDITABLE_STATES,
        ).values_list("pk", flat=True)
    )
    for translation_id in ids:
        refresh_memory_offers.enqueue(translation_id)
    return len(ids)
