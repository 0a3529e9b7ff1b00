"""Background work of the translation desk, run by the task worker (see newsroom.retry)."""

from django.conf import settings
from django.core.mail import send_mail

from newsroom.retry import retried_task


@retried_task()
def send_notification(*, subject: str, body: str, recipient: str) -> int:
    """Send one workflow mail to one person.

    One task per recipient, so that a mail server refusing one address delays only that
    message, and a retry sends nobody a second copy.
    """
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient], fail_silently=False)
