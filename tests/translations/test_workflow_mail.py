"""Acceptance 6: mail goes out only when the move's transaction commits."""

import pytest
from django.core import mail
from django.db import transaction

from articles.models import StoryStatus
from tests.factories import story_in_state
from translations.models import AuditEvent
from translations.services.workflow import (
    story_publish,
    story_reassign,
    story_request_changes,
    story_submit,
)


class Rollback(Exception):
    pass


def moves_then_rollback(*moves) -> None:
    """Run the moves in one transaction that then fails, as a crash after them would."""
    with transaction.atomic():
        for move in moves:
            move()
        raise Rollback


@pytest.mark.django_db
def test_submitting_mails_the_editors_on_commit(
    translator, editor, other_editor, django_capture_on_commit_callbacks
):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)

    with django_capture_on_commit_callbacks() as callbacks:
        story_submit(story=story, actor=translator)
        assert mail.outbox == []  # not before the commit
    for callback in callbacks:
        callback()

    assert sorted(m.to[0] for m in mail.outbox) == sorted([editor.email, other_editor.email])
    assert all(story.headline in m.subject for m in mail.outbox)


@pytest.mark.django_db
def test_the_translator_hears_of_requested_changes_and_of_publication(
    translator, editor, django_capture_on_commit_callbacks
):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    approved = story_in_state(StoryStatus.APPROVED, assignee=translator)

    with django_capture_on_commit_callbacks(execute=True):
        story_request_changes(story=story, actor=editor, comment="Check the minister's name.")
    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=approved, actor=editor)

    assert [m.to for m in mail.outbox] == [[translator.email], [translator.email]]
    assert "Changes requested" in mail.outbox[0].subject
    assert "Check the minister's name." in mail.outbox[0].body
    assert "Published" in mail.outbox[1].subject


@pytest.mark.django_db
def test_a_rolled_back_move_sends_nothing(
    translator, other_translator, editor, django_capture_on_commit_callbacks
):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Rollback):
        moves_then_rollback(
            lambda: story_submit(story=story, actor=translator),
            lambda: story_reassign(story=story, actor=editor, assignee=other_translator),
        )

    story.refresh_from_db()
    assert callbacks == []
    assert mail.outbox == []
    assert story.status == StoryStatus.DRAFT
    assert not AuditEvent.objects.filter(story=story).exists()


@pytest.mark.django_db(transaction=True)
def test_with_real_transactions_mail_follows_the_commit(translator, editor):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)

    with pytest.raises(Rollback):
        moves_then_rollback(lambda: story_submit(story=story, actor=translator))
    assert mail.outbox == []

    story_submit(story=story, actor=translator)
    assert [m.to for m in mail.outbox] == [[editor.email]]
