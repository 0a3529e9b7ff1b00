"""Mail to the people a move concerns. Called only from transaction.on_commit.

The messages are written here, as the move left the story, and each is handed to the task
worker (translations.tasks.send_notification), which sends it and retries it while the mail
server refuses; a failure is never only logged.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model

from articles.models import Story

from . import tasks
from .permissions import EDITORS_GROUP


def _absolute_admin_url(story: Story) -> str:
    return f"{settings.SITE_URL}/admin/articles/story/{story.pk}/change/"


def _queue_mail(subject: str, body: str, recipients: Iterable[str]) -> int:
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return 0
    # One message per recipient, so that nobody sees the others' addresses.
    for address in addresses:
        tasks.send_notification.enqueue(subject=subject, body=body, recipient=address)
    return len(addresses)


def notify_submitted(story: Story) -> int:
    editors = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=EDITORS_GROUP)
        .values_list("email", flat=True)
    )
    return _queue_mail(
        f"[Newsroom] Ready for review: {story.headline}",
        f"{story.headline}\nwas submitted for review.\n\n{_absolute_admin_url(story)}\n",
        editors,
    )


def notify_changes_requested(story: Story, comment: str) -> int:
    assignee = story.assignee
    return _queue_mail(
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
    return _queue_mail(
        f"[Newsroom] Published: {story.headline}",
        f"{story.headline}\nis published (public from {when}).\n\n"
        f"{settings.SITE_URL}{story.get_absolute_url()}\n",
        recipients,
    )


def notify_reassigned(story: Story) -> int:
    assignee = story.assignee
    return _queue_mail(
        f"[Newsroom] Assigned to you: {story.headline}",
        f"{story.headline}\nis now assigned to you ({story.get_status_display().lower()}).\n\n"
        f"{_absolute_admin_url(story)}\n",
        [assignee.email] if assignee else [],
    )
