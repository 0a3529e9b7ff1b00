"""Acceptance 2: two editors making the same move at the same moment make it once.

PostgreSQL only: SQLite has no row locks (select_for_update is a no-op there), so the test
runs in the PostgreSQL leg of CI. The second thread is let go only once PostgreSQL reports it
waiting on the first one's lock, so the race is forced, never left to chance.
"""

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from articles.models import StoryStatus
from tests.factories import EditorFactory, TranslatorFactory, story_in_state
from translations.models import AuditEvent, EventType
from translations.services.workflow import story_approve, story_publish

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks (set DATABASE_URL); runs in CI's PostgreSQL leg",
    ),
]

WAIT_SECONDS = 10


def _someone_waits_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        # pg_locks is live; pg_stat_activity would be a snapshot frozen for the transaction.
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0] > 0


def race(move: Callable[[object], object], story, first_actor, second_actor) -> list[str]:
    """The first move holds its transaction open until the second is blocked behind it."""
    outcomes: list[str] = []
    second_started = threading.Event()

    def first() -> None:
        try:
            with transaction.atomic():
                move(story, first_actor)
                second_started.set()
                deadline = time.monotonic() + WAIT_SECONDS
                while not _someone_waits_on_a_lock() and time.monotonic() < deadline:
                    time.sleep(0.01)
            outcomes.append("moved")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    def second() -> None:
        second_started.wait(WAIT_SECONDS)
        try:
            move(story, second_actor)
            outcomes.append("moved")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_SECONDS * 2)
    return sorted(outcomes)


def test_two_editors_approving_at_once_approve_once():
    translator = TranslatorFactory()
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)

    outcomes = race(
        lambda s, actor: story_approve(story=s, actor=actor),
        story,
        EditorFactory(),
        EditorFactory(),
    )

    assert outcomes == ["WorkflowError", "moved"]
    story.refresh_from_db()
    assert story.status == StoryStatus.APPROVED
    assert AuditEvent.objects.filter(story=story, event_type=EventType.STORY_APPROVED).count() == 1


def test_two_editors_publishing_at_once_publish_once():
    translator = TranslatorFactory()
    story = story_in_state(StoryStatus.APPROVED, assignee=translator)

    outcomes = race(
        lambda s, actor: story_publish(story=s, actor=actor),
        story,
        EditorFactory(),
        EditorFactory(),
    )

    assert outcomes == ["WorkflowError", "moved"]
    assert AuditEvent.objects.filter(story=story, event_type=EventType.STORY_PUBLISHED).count() == 1
