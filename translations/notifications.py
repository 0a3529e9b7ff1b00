"""Mail to the people a move concerns. Called only from transaction.on_commit."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail

from articles.models import Story

from .permissions import EDITORS_GROUP


def _absolute_admin_url(story: Story) -> str:
    return f"{settings.SITE_URL}/admin/articles/story/{story.pk}/change/"


def _send(subject: str, body: str, recipients: Iterable[str]) -> int:
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return 0
    # One message per recipient, so that nobody sees the others' addresses.
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
    return send_mass_mail(messages, fail_silently=False)


def notify_submitted(story: Story) -> int:
    editors = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITORS_GROUP)
        .values_list("email", flat=True)
    )
    return _send(
        f"[Newsroom] Ready for review: {story.headline}",
        f"{story.headline}\nwas submitted for review.\n\n{_absolute_admin_url(story)}\n",
        editors,
    )


def notify_changes_requested(story: Story, comment: str) -> int:
    assignee = story.assignee
    return _send(
        f"[Newsroom] Changes requested: {story.headline}",
        f"An editor asked for changes to\n{story.headline}\n\n{comment}\n\n"
        f"{_absolute_admin_url(story)}\n",
        [assignee.email] if assignee else [],
    )


def notify_published(story: Story) -> int:
    recipients = (
        [user.email for user in story.translation.translators.all()]
        if hasattr(story, "translation")
        else []
    )
    if story.assignee:
        recipients.append(story.assignee.email)
    when = story.publish_at.strftime("%Y-%m-%d %H:%M UTC") if story.publish_at else ""
    return _send(
        f"[Newsroom] Published: {story.headline}",
        f"{story.headline}\nis published (public from {when}).\n\n"
        f"{settings.SITE_URL}{story.get_absolute_url()}\n",
        recipients,
    )


def notify_reassigned(story: Story) -> int:
    assignee = story.assignee
    return _send(
        f"[Newsroom] Assigned to you: {story.headline}",
        f"{story.headline}\nis now assigned to you ({story.get_status_display().lower()}).\n\n"
        f"{_absolute_admin_url(story)}\n",
        [assignee.email] if assignee else [],
    )
