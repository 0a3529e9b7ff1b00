"""Story.objects.live() decides what the public sees; Story.is_live mirrors it (and
Story.is_gone mirrors gone(): the withdrawn stories whose URLs answer 410)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Story, StoryStatus
from tests.factories import PublishedStoryFactory, StoryFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.mark.parametrize(
    ("status", "publish_at", "live"),
    [
        (StoryStatus.DRAFT, None, False),
        (StoryStatus.IN_REVIEW, None, False),
        (StoryStatus.CHANGES_REQUESTED, None, False),
        (StoryStatus.APPROVED, None, False),
        (StoryStatus.PUBLISHED, NOW - timedelta(minutes=1), True),
        (StoryStatus.PUBLISHED, NOW + timedelta(hours=1), False),
    ],
    ids=["draft", "in_review", "changes_requested", "approved", "published", "scheduled"],
)
def test_live_queryset_and_instance_agree(status, publish_at, live):
    story = StoryFactory(status=status, publish_at=publish_at)
    assert (story in Story.objects.live()) is live
    assert story.is_live is live


def test_live_at_a_moment_is_what_the_public_sees_then():
    story = StoryFactory(status=StoryStatus.PUBLISHED, publish_at=NOW + timedelta(hours=1))
    later = NOW + timedelta(hours=2)
    assert story not in Story.objects.live()
    assert story in Story.objects.live(at=later)
    assert story not in Story.objects.live(at=NOW)
    with time_machine.travel(later):
        assert story.is_live
        assert story in Story.objects.live()


def test_withdrawn_story_is_not_live():
    story = PublishedStoryFactory(
        status=StoryStatus.WITHDRAWN, withdrawn_at=NOW, withdrawal_note="Source retracted."
    )
    assert not Story.objects.live().filter(pk=story.pk).exists()
    assert not story.is_live


def test_scheduled_story_shows_as_scheduled():
    story = StoryFactory(status=StoryStatus.PUBLISHED, publish_at=NOW + timedelta(hours=2))
    assert story.display_status == "Scheduled"
    assert list(Story.objects.scheduled()) == [story]


@pytest.mark.parametrize(
    ("publish_at", "gone"),
    [(NOW - timedelta(days=1), True), (NOW + timedelta(days=1), False)],
    ids=["withdrawn-after-publication", "withdrawn-while-scheduled"],
)
def test_gone_queryset_and_instance_agree(publish_at, gone):
    story = StoryFactory(
        status=StoryStatus.WITHDRAWN,
        publish_at=publish_at,
        withdrawn_at=NOW,
        withdrawal_note="Source retracted.",
    )
    assert (story in Story.objects.gone()) is gone
    assert story.is_gone is gone


def test_live_and_other_stories_are_not_gone():
    assert not PublishedStoryFactory().is_gone
    assert not StoryFactory(status=StoryStatus.DRAFT).is_gone
