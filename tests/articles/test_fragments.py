"""Fragments cached on what they show (articles.fragments), with the page cache off: the
database decides on every request what is live, the rendering is kept per version."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from lxml import html

from articles.models import StoryStatus
from tests.factories import StoryFactory, TranslationFactory
from translations.services.editing import ParagraphInput
from translations.services.workflow import story_correct, story_publish, story_withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PUBLIC_CACHE_SECONDS = 0


def test_a_story_page_is_rendered_once_per_version(
    client, editor, sample_story, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = sample_story.get_absolute_url()
    first = client.get(url).content
    with django_assert_num_queries(1):
        assert client.get(url).content == first

    with django_capture_on_commit_callbacks(execute=True):
        story_correct(
            story=sample_story,
            actor=editor,
            note="The envoy's title was wrong.",
            headline="NATO envoy: Kazakhstan is our most active partner in Central Asia",
            summary=sample_story.summary,
            paragraphs=[
                ParagraphInput(text=p.text, key=p.key) for p in sample_story.paragraphs.all()
            ],
        )

    page = client.get(url).content.decode()
    assert "NATO envoy: Kazakhstan is our most active partner" in page
    assert "The envoy&#x27;s title was wrong." in page


def test_a_withdrawn_story_is_gone_even_where_its_page_was_rendered(
    client, editor, sample_story, django_capture_on_commit_callbacks
):
    url = sample_story.get_absolute_url()
    assert client.get(url).status_code == 200
    # No purge runs (its on-commit effects are dropped): the row alone decides.
    story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")

    response = client.get(url)
    assert response.status_code == 410
    assert "Trend retracted the interview." in response.content.decode()
    assert sample_story.paragraphs.first().text not in response.content.decode()


def test_a_scheduled_story_is_not_found_until_its_time(client, sample_story):
    sample_story.publish_at = timezone.now() + timedelta(hours=1)
    sample_story.save(update_fields=["publish_at"])
    assert client.get(sample_story.get_absolute_url()).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert client.get(sample_story.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("page_cache", [0, 86400], ids=["page-cache-off", "page-cache-on"])
def test_another_language_published_now_shows_at_once(
    client,
    settings,
    page_cache,
    editor,
    sample_story,
    sample_wire,
    django_capture_on_commit_callbacks,
):
    settings.PUBLIC_CACHE_SECONDS = page_cache
    url = sample_story.get_absolute_url()
    assert 'hreflang="de"' not in client.get(url).content.decode()
    german = StoryFactory(
        slug="kasachstan-nato-partner", language="de", status=StoryStatus.APPROVED
    )
    TranslationFactory(story=german, wire_story=sample_wire)

    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=german, actor=editor, section=sample_story.section)

    assert 'hreflang="de"' in client.get(url).content.decode()


@pytest.mark.parametrize("page_cache", [0, 86400], ids=["page-cache-off", "page-cache-on"])
def test_another_language_scheduled_shows_when_its_time_comes(
    client,
    settings,
    page_cache,
    editor,
    sample_story,
    sample_wire,
    django_capture_on_commit_callbacks,
):
    german = StoryFactory(
        slug="kasachstan-nato-partner", language="de", status=StoryStatus.APPROVED
    )
    TranslationFactory(story=german, wire_story=sample_wire)
    when = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=german, actor=editor, section=sample_story.section, publish_at=when)
    settings.PUBLIC_CACHE_SECONDS = page_cache
    url = sample_story.get_absolute_url()

    assert 'hreflang="de"' not in client.get(url).content.decode()
    with time_machine.travel(when + timedelta(minutes=1)):
        assert 'hreflang="de"' in client.get(url).content.decode()


def test_fragments_off_render_every_request(
    client, settings, sample_story, django_assert_max_num_queries
):
    settings.PUBLIC_FRAGMENT_SECONDS = 0
    url = sample_story.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(6) as captured:
        assert client.get(url).status_code == 200
    assert len(captured) > 1


def section_teasers(client) -> str:
    page = html.fromstring(client.get("/").content)
    return " ".join(s.text_content() for s in page.xpath("//section[@class='section-teaser']"))


@pytest.mark.parametrize("scheduled", [False, True], ids=["published-now", "scheduled"])
def test_the_home_pages_section_teasers_show_a_story_when_it_goes_live(
    client, editor, sample_story, sample_wire, scheduled, django_capture_on_commit_callbacks
):
    assert sample_story.headline in section_teasers(client)
    story = StoryFactory(headline="Appathurai visits Astana", status=StoryStatus.APPROVED)
    TranslationFactory(story=story, wire_story=sample_wire)
    when = timezone.now() + timedelta(hours=1) if scheduled else None

    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=story, actor=editor, section=sample_story.section, publish_at=when)

    assert ("Appathurai visits Astana" in section_teasers(client)) is not scheduled
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert "Appathurai visits Astana" in section_teasers(client)
