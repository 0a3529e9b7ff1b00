"""What readers see of the workflow: embargo (acceptance 3), withdrawal (4), corrections (5)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import (
    AttributionFactory,
    SectionFactory,
    WireStoryFactory,
    story_in_state,
)
from translations.services.editing import ParagraphInput
from translations.services.workflow import story_correct, story_publish, story_withdraw

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_an_embargoed_story_is_hidden_until_the_embargo_with_no_job(client, translator, editor):
    embargo = NOON + timedelta(hours=2)
    with time_machine.travel(NOON, tick=False) as traveller:
        source = WireStoryFactory(embargo_until=embargo)
        story = story_in_state(StoryStatus.APPROVED, assignee=translator, wire_story=source)
        story_publish(story=story, actor=editor)  # "now", but the embargo wins
        url = story.get_absolute_url()

        before = client.get(url)
        home_before = client.get(reverse("articles:home")).content.decode()
        traveller.move_to(embargo - timedelta(seconds=1))
        just_before = client.get(url)
        traveller.move_to(embargo)
        after = client.get(url)
        home_after = client.get(reverse("articles:home")).content.decode()

    assert before.status_code == 404
    assert just_before.status_code == 404
    assert story.headline not in home_before
    assert after.status_code == 200
    assert story.headline in after.content.decode()
    assert story.headline in home_after


def test_a_withdrawn_story_answers_410_with_its_note_and_leaves_every_list(
    client, translator, editor, django_capture_on_commit_callbacks
):
    section = SectionFactory()
    story = story_in_state(StoryStatus.PUBLISHED, assignee=translator, section=section)
    agency = story.translation.wire_story.agency
    AttributionFactory(story=story, agency=agency)
    lists = [
        reverse("articles:home"),
        reverse("articles:agency", args=[agency.slug]),
        reverse("articles:section", args=[section.slug]),
    ]
    assert all(story.headline in client.get(url).content.decode() for url in lists)

    # The page cache is purged when the move commits (feeds, sitemaps, search and the API:
    # tests/articles/test_caching.py).
    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=story, actor=editor, note="The agency retracted the interview.")
    response = client.get(story.get_absolute_url())

    assert response.status_code == 410
    assert "The agency retracted the interview." in response.content.decode()
    for url in lists:
        page = client.get(url)
        assert page.status_code == 200
        assert story.headline not in page.content.decode(), url


def test_a_correction_shows_on_the_page_with_its_time_and_in_the_revision_diff(
    client, translator, editor
):
    story = story_in_state(StoryStatus.PUBLISHED, assignee=translator)
    paragraphs = [
        ParagraphInput(text=p.text, key=p.key) for p in story.paragraphs.order_by("position")
    ]
    paragraphs[1] = ParagraphInput(text="The talks were held in 2015.", key=paragraphs[1].key)
    old_text = story.paragraphs.order_by("position")[1].text
    with time_machine.travel(NOON, tick=False):
        story_correct(
            story=story,
            actor=editor,
            note="An earlier version gave the wrong year.",
            headline=story.headline,
            summary=story.summary,
            paragraphs=paragraphs,
        )

    page = client.get(story.get_absolute_url()).content.decode()
    client.force_login(editor)
    story.refresh_from_db()
    compare = client.get(
        reverse("admin:articles_story_compare", args=[story.pk]),
        {"old": story.revision - 1, "new": story.revision},
    ).content.decode()

    assert "An earlier version gave the wrong year." in page
    assert '<time datetime="2026-03-02T12:00:00+00:00">2 March 2026, 12:00 UTC</time>' in page
    assert "The talks were held in 2015." in page
    assert "<del>" in compare
    assert "<ins>" in compare
    assert "2015" in compare
    assert old_text.split()[0] in compare


def test_a_story_withdrawn_before_it_went_live_was_never_public(
    client, translator, editor, django_capture_on_commit_callbacks
):
    story = story_in_state(StoryStatus.PUBLISHED, assignee=translator, scheduled=True)
    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=story, actor=editor, note="Dropped before publication.")

    response = client.get(story.get_absolute_url())

    assert response.status_code == 404
    assert story.headline not in response.content.decode()
    api = client.get(reverse("articles:api-story", kwargs={"slug": story.slug}))
    assert api.status_code == 404


def test_search_finds_a_story_once_published_and_no_longer_once_withdrawn(
    client, translator, editor, django_capture_on_commit_callbacks
):
    # Re-indexing is a background task enqueued on commit (the tests run it at once).
    story = story_in_state(StoryStatus.APPROVED, assignee=translator)
    search = reverse("articles:search") + "?q=Astana"
    assert story.headline not in client.get(search).text

    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=story, actor=editor)
    assert story.headline in client.get(search).text

    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=story, actor=editor, note="The agency retracted the interview.")
    assert story.headline not in client.get(search).text
