"""Feeds (RSS 2.0, Atom), sitemap.xml, the news sitemap and robots.txt."""

from datetime import UTC, datetime, timedelta
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


def sitemap_urls(client, url: str) -> dict[str, str | None]:
    """The <loc> and <lastmod> of every URL in a sitemap."""
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        u.findtext("s:loc", namespaces=SITEMAP_NS): u.findtext("s:lastmod", namespaces=SITEMAP_NS)
        for u in root.findall("s:url", SITEMAP_NS)
    }


def sitemap_index(client, settings) -> list[str]:
    """The paths of the sitemaps /sitemap.xml lists, in its order."""
    response = client.get(reverse("articles:sitemap"))
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [
        loc.removeprefix(settings.SITE_URL)
        for loc in (s.findtext("s:loc", namespaces=SITEMAP_NS) for s in root)
    ]


def test_sitemap_lists_live_pages_only_with_lastmod(
    client, settings, corrected_sample, kazinform_story, not_live
):
    urls = {}
    for path in sitemap_index(client, settings):
        urls |= sitemap_urls(client, path)
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


def test_sitemap_index_lists_a_sitemap_for_each_month_of_stories(client, settings, time_machine):
    time_machine.move_to(datetime(2026, 3, 10, 12, tzinfo=UTC))
    stories = {
        month: PublishedStoryFactory(publish_at=datetime(2025, month, 28, 23, 30, tzinfo=UTC))
        for month in (11, 12)
    }
    march = PublishedStoryFactory(publish_at=datetime(2026, 3, 1, tzinfo=UTC))

    assert sitemap_index(client, settings) == [
        "/sitemap-site.xml",
        "/sitemap-stories-2026-03.xml",
        "/sitemap-stories-2026-02.xml",
        "/sitemap-stories-2026-01.xml",
        "/sitemap-stories-2025-12.xml",
        "/sitemap-stories-2025-11.xml",
    ]
    december = sitemap_urls(client, "/sitemap-stories-2025-12.xml")
    assert list(december) == [settings.SITE_URL + stories[12].get_absolute_url()]
    assert sitemap_urls(client, "/sitemap-stories-2026-02.xml") == {}
    assert list(sitemap_urls(client, "/sitemap-stories-2026-03.xml")) == [
        settings.SITE_URL + march.get_absolute_url()
    ]


@pytest.mark.parametrize("path", ["/sitemap-stories-2026-13.xml", "/sitemap-stories-2026-1.xml"])
def test_a_month_that_does_not_exist_has_no_sitemap(client, path):
    assert client.get(path).status_code == 404


def test_sitemap_index_of_an_empty_site_lists_the_site_pages(client, settings):
    assert sitemap_index(client, settings) == ["/sitemap-site.xml"]


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
