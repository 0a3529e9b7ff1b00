"""The public lists' statements, compiled once per process (articles.prepared): every request
reads the stories live at its own time, as Story.objects.live() decides."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.fragments import StoryRow, fragment_rows
from articles.models import AttributionRole, Story, StoryStatus
from articles.prepared import PreparedRows
from tests.factories import (
    AttributionFactory,
    PublishedStoryFactory,
    StoryFactory,
    TranslationFactory,
    WireStoryFactory,
)
from translations.services.workflow import story_publish, story_withdraw

pytestmark = pytest.mark.django_db

LISTS = [
    "/",
    "/sections/politics/",
    "/agencies/trend/",
    "/agencies/kazinform/",
    "/agencies/kazinform/?role=original_reporter",
    "/api/ninjs/stories/",
]


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PUBLIC_CACHE_SECONDS = 0


def shown(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", LISTS)
def test_a_scheduled_story_joins_every_list_when_its_time_comes(
    client, editor, sample_story, trend, kazinform, url, django_capture_on_commit_callbacks
):
    """Nothing runs at its time: the statement compiled for earlier requests reads the later
    time, and what was kept of the lists was kept until then."""
    assert sample_story.slug in shown(client, url)
    later = StoryFactory(slug="astana-talks-resume", status=StoryStatus.APPROVED)
    TranslationFactory(story=later, wire_story=WireStoryFactory(agency=trend))
    AttributionFactory(story=later, agency=kazinform, role=AttributionRole.ORIGINAL_REPORTER)
    with django_capture_on_commit_callbacks(execute=True):
        story_publish(
            story=later,
            actor=editor,
            section=sample_story.section,
            publish_at=timezone.now() + timedelta(hours=1),
        )

    assert "astana-talks-resume" not in shown(client, url)
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        page = shown(client, url)
    assert "astana-talks-resume" in page
    assert sample_story.slug in page


@pytest.mark.parametrize("url", [url for url in LISTS if url != "/"])
def test_a_withdrawn_story_leaves_the_lists_even_if_no_purge_ran(client, editor, sample_story, url):
    """The withdrawal's on-commit purge is dropped here: the database alone decides. (The
    home page's teasers of each section are a fragment that the purge retires.)"""
    assert sample_story.slug in shown(client, url)
    story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")
    assert sample_story.slug not in shown(client, url)


@pytest.mark.parametrize("url", LISTS)
def test_a_withdrawn_story_leaves_every_list(
    client, editor, sample_story, url, django_capture_on_commit_callbacks
):
    assert sample_story.slug in shown(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")
    assert sample_story.slug not in shown(client, url)


def test_an_agency_with_no_live_story_lists_none(client, trend):
    assert "No stories yet." in shown(client, "/agencies/trend/")


def test_prepared_rows_are_the_querysets_rows_at_each_moment():
    now = timezone.now()
    for hours in (-3, -2, -1, 1, 2):
        PublishedStoryFactory(publish_at=now + timedelta(hours=hours))

    def newest(at):
        return fragment_rows(Story.objects.live(at).order_by("-publish_at", "-pk"))

    prepared = PreparedRows(("test", "newest"), newest, row=StoryRow)
    for moment in (now, now + timedelta(minutes=90), now + timedelta(hours=3)):
        with time_machine.travel(moment, tick=False):
            for window in (slice(0, 2), slice(1, 4), slice(0, 10)):
                rows = prepared[window]
                assert rows == list(newest(moment)[window])
                assert all(isinstance(row, StoryRow) for row in rows)
    with time_machine.travel(now, tick=False):
        assert len(prepared[0:10]) == 3
