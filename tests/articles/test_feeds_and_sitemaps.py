"""Feeds (RSS 2.0, Atom), sitemap.xml, the news sitemap and robots.txt."""

from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import StoryStatus
from tests.factories import PublishedStoryFactory, StoryFactory

pytestmark = pytest.mark.django_db

FEEDS = [
    ("articles:feed-rss", {}),
    ("articles:feed-atom", {}),
    ("articles:section-feed-rss", {"slug": "politics"}),
    ("articles:section-feed-atom", {"slug": "politics"}),
    ("articles:agency-feed-rss", {"slug": "trend"}),
    ("articles:agency-feed-atom", {"slug": "trend"}),
]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NEWS_NS = {**SITEMAP_NS, "news": "http://www.google.com/schemas/sitemap-news/0.9"}


@pytest.fixture
def not_live(db):
    """A scheduled, an approved and a withdrawn story: none may appear anywhere."""
    return [
        StoryFactory(
            slug="scheduled",
            status=StoryStatus.PUBLISHED,
            publish_at=timezone.now() + timedelta(hours=3),
        ),
        StoryFactory(slug="approved", status=StoryStatus.APPROVED),
        PublishedStoryFactory(
            slug="withdrawn",
            status=StoryStatus.WITHDRAWN,
            withdrawn_at=timezone.now(),
            withdrawal_note="Retracted.",
        ),
    ]


@pytest.mark.parametrize(("name", "kwargs"), FEEDS)
def test_every_feed_parses_cleanly_with_credit_lines(
    client, settings, sample_story, not_live, name, kwargs
):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [entry.link for entry in feed.entries] == [
        settings.SITE_URL + sample_story.get_absolute_url()
    ]
    entry = feed.entries[0]
    assert entry.title == sample_story.headline
    assert "Translated from Trend" in entry.summary


def test_sitemap_lists_live_pages_only_with_lastmod(
    client, settings, corrected_sample, kazinform_story, not_live
):
    response = client.get(reverse("articles:sitemap"))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    urls = {
        u.findtext("s:loc", namespaces=SITEMAP_NS): u.findtext("s:lastmod", namespaces=SITEMAP_NS)
        for u in root.findall("s:url", SITEMAP_NS)
    }
    story_urls = {loc for loc in urls if "/news/" in loc}
    assert story_urls == {
        settings.SITE_URL + corrected_sample.get_absolute_url(),
        settings.SITE_URL + kazinform_story.get_absolute_url(),
    }
    correction = corrected_sample.corrections.get()
    lastmod = urls[settings.SITE_URL + corrected_sample.get_absolute_url()]
    assert lastmod == correction.created_at.isoformat()
    assert settings.SITE_URL + "/sections/politics/" in urls
    assert settings.SITE_URL + "/agencies/trend/" in urls


def test_news_sitemap_lists_the_last_48_hours(client, settings, sample_story, not_live):
    old = PublishedStoryFactory(slug="old", publish_at=timezone.now() - timedelta(hours=49))
    response = client.get(reverse("articles:news-sitemap"))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = root.findall("s:url", NEWS_NS)
    assert [e.findtext("s:loc", namespaces=NEWS_NS) for e in entries] == [
        settings.SITE_URL + sample_story.get_absolute_url()
    ]
    news = entries[0].find("news:news", NEWS_NS)
    assert news.findtext("news:title", namespaces=NEWS_NS) == sample_story.headline
    assert news.findtext("news:publication/news:language", namespaces=NEWS_NS) == "en"
    assert old.get_absolute_url() not in response.content.decode()


def test_robots_txt_points_at_both_sitemaps(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap-news.xml" in lines
