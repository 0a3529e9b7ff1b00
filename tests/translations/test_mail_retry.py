"""A workflow mail that the mail server refuses is tried again later, and shows in the admin.

Real parts only: a mail server on loopback that refuses, then accepts; the database queue;
the worker command.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from lxml import html

from articles.models import StoryStatus
from tests.factories import story_in_state
from tests.task_helpers import DATABASE_QUEUE, RefusingSMTPServer
from translations.services.workflow import story_submit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mail_server(settings):
    with RefusingSMTPServer() as server:
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
            }
        }
        yield server


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_refused_notification_is_retried_with_backoff_until_it_is_delivered(
    settings, mail_server, translator, editor, client, superuser
):
    settings.TASKS = DATABASE_QUEUE
    settings.NEWSROOM_TASK_RETRY_SECONDS = 60
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)

    story_submit(story=story, actor=translator)
    run_worker()

    # Attempt 1: the server said 451. It is recorded as failed, with the server's answer...
    assert len(mail_server.refused) == 1
    assert mail_server.received == []
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert failed.task_path == "translations.tasks.send_notification"
    assert failed.exception_class_path == "smtplib.SMTPRecipientsRefused"
    assert "Mailbox busy, try again later" in failed.traceback
    # ...and attempt 2 waits a minute.
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.args_kwargs["kwargs"]["recipient"] == editor.email
    assert timedelta(seconds=59) < retry.run_after - failed.finished_at < timedelta(seconds=61)

    # Not before its time.
    run_worker()
    assert DBTaskResult.objects.get(pk=retry.pk).status == TaskResultStatus.READY

    # Attempt 2 fails too, and waits twice as long.
    with time_machine.travel(retry.run_after + timedelta(seconds=1)):
        run_worker()
    assert len(mail_server.refused) == 2
    third = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert third.args_kwargs["kwargs"]["attempt"] == 3
    second_failure = DBTaskResult.objects.get(pk=retry.pk)
    assert second_failure.status == TaskResultStatus.FAILED
    assert (
        timedelta(seconds=119)
        < third.run_after - second_failure.finished_at
        < timedelta(seconds=121)
    )

    # The server takes mail again: attempt 3 delivers it.
    mail_server.refusing = False
    with time_machine.travel(third.run_after + timedelta(seconds=1)):
        run_worker()
    assert DBTaskResult.objects.get(pk=third.pk).status == TaskResultStatus.SUCCESSFUL
    assert len(mail_server.received) == 1
    assert f"Subject: [Newsroom] Ready for review: {story.headline}" in mail_server.received[0]

    # A superuser sees the whole story in the admin: two failures, then the delivery.
    client.force_login(superuser)
    listing = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert listing.status_code == 200
    rows = [
        " ".join(row.text_content().split())
        for row in html.fromstring(listing.content).xpath('//table[@id="result_list"]/tbody/tr')
    ]
    assert len(rows) == 3
    assert all("send_notification" in row for row in rows)
    assert sorted(
        next(status for status in ("Failed", "Successful") if status in row) for row in rows
    ) == ["Failed", "Failed", "Successful"]
    detail = client.get(
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[failed.pk])
    )
    assert "Mailbox busy, try again later" in detail.text


def test_the_last_attempt_is_left_failed(settings, mail_server, translator, editor):
    settings.TASKS = DATABASE_QUEUE
    settings.NEWSROOM_TASK_MAX_ATTEMPTS = 1
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)

    story_submit(story=story, actor=translator)
    run_worker()

    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
    assert mail_server.received == []
