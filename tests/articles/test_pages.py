"""The public pages: home, sections, agencies, story; language and hreflang; pagination."""

import pytest
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import PublishedStoryFactory, SectionFactory, StoryFactory

pytestmark = pytest.mark.django_db


def test_home_lists_latest_and_each_section(client, sample_story, kazinform_story):
    response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert sample_story.headline in html
    assert 'id="section-politics"' in html
    assert 'id="section-economy"' in html
    assert kazinform_story.headline in html


def test_section_page_lists_only_its_section(client, sample_story, kazinform_story):
    response = client.get(reverse("articles:section", kwargs={"slug": "economy"}))
    assert response.status_code == 200
    assert kazinform_story.headline in response.content.decode()
    assert sample_story.headline not in response.content.decode()


@pytest.mark.parametrize(
    ("agency", "role", "heading", "lists_sample", "lists_kazinform_story"),
    [
        ("trend", "", "Stories from Trend", True, False),
        ("trend", "translated_from", "Stories translated from Trend", True, False),
        ("trend", "original_reporter", "Stories first reported by Trend", False, False),
        ("kazinform", "", "Stories from Kazinform", True, True),
        ("kazinform", "original_reporter", "Stories first reported by Kazinform", True, False),
        ("kazinform", "translated_from", "Stories translated from Kazinform", False, True),
    ],
)
def test_agency_page_by_role(
    client,
    sample_story,
    kazinform_story,
    agency,
    role,
    heading,
    lists_sample,
    lists_kazinform_story,
):
    url = reverse("articles:agency", kwargs={"slug": agency})
    response = client.get(url, {"role": role} if role else {})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert (sample_story.headline in html) is lists_sample
    assert (kazinform_story.headline in html) is lists_kazinform_story


def test_story_page_carries_its_language_and_provenance(client, sample_story):
    response = client.get(sample_story.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<article class="story" lang="en">' in html
    assert "Translated from Trend" in html
    assert "Kazinform" in html


def test_stories_from_one_wire_story_link_each_other_with_hreflang(
    client, settings, sample_story, german_story
):
    english = client.get(sample_story.get_absolute_url()).content.decode()
    german = client.get(german_story.get_absolute_url()).content.decode()
    en_url = settings.SITE_URL + sample_story.get_absolute_url()
    de_url = settings.SITE_URL + german_story.get_absolute_url()
    for html in (english, german):
        assert f'<link rel="alternate" hreflang="en" href="{en_url}">' in html
        assert f'<link rel="alternate" hreflang="de" href="{de_url}">' in html
    assert '<article class="story" lang="de">' in german


def test_a_story_alone_in_its_language_has_no_hreflang(client, sample_story):
    assert "hreflang" not in client.get(sample_story.get_absolute_url()).content.decode()


def test_unpublished_story_answers_404(client):
    story = StoryFactory(status=StoryStatus.APPROVED)
    assert client.get(story.get_absolute_url()).status_code == 404


def test_withdrawn_story_answers_410_with_its_note(client, sample_story):
    sample_story.status = StoryStatus.WITHDRAWN
    sample_story.withdrawn_at = sample_story.publish_at
    sample_story.withdrawal_note = "Trend retracted the interview."
    sample_story.save()
    response = client.get(sample_story.get_absolute_url())
    assert response.status_code == 410
    assert "Trend retracted the interview." in response.content.decode()


def test_pagination_keeps_the_filters(client, settings):
    settings.PAGINATE_BY = 2
    section = SectionFactory(name="World", slug="world")
    PublishedStoryFactory.create_batch(25, section=section)
    response = client.get(reverse("articles:home"), {"published_after": "2000-01-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="?published_after=2000-01-01&amp;page=2"' in html


def test_every_page_announces_the_feeds(client, sample_story):
    for url in (
        reverse("articles:home"),
        sample_story.get_absolute_url(),
        reverse("articles:search"),
        reverse("articles:section", kwargs={"slug": "politics"}),
    ):
        html = client.get(url).content.decode()
        assert 'type="application/rss+xml"' in html, url
        assert 'type="application/atom+xml"' in html, url


def test_section_and_agency_pages_announce_their_own_feeds(client, sample_story):
    html = client.get(reverse("articles:agency", kwargs={"slug": "trend"})).content.decode()
    assert reverse("articles:agency-feed-rss", kwargs={"slug": "trend"}) in html
    html = client.get(reverse("articles:section", kwargs={"slug": "politics"})).content.decode()
    assert reverse("articles:section-feed-atom", kwargs={"slug": "politics"}) in html
