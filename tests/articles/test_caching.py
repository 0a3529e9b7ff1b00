"""HTTP caching of public responses, and the page cache's purge on publish and withdrawal."""

from datetime import UTC

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Story, StoryStatus
from tests.factories import StoryFactory, TranslationFactory
from translations.services.workflow import story_publish, story_withdraw

pytestmark = pytest.mark.django_db


def this_month() -> dict[str, str]:
    now = timezone.now().astimezone(UTC)
    return {"year": f"{now:%Y}", "month": f"{now:%m}"}


def public_urls(story: Story) -> list[str]:
    return [
        reverse("articles:home"),
        reverse("articles:section", kwargs={"slug": "politics"}),
        reverse("articles:agency", kwargs={"slug": "trend"}),
        reverse("articles:agency", kwargs={"slug": "kazinform"}),
        reverse("articles:search") + "?q=Appathurai",
        reverse("articles:feed-rss"),
        reverse("articles:feed-atom"),
        reverse("articles:section-feed-rss", kwargs={"slug": "politics"}),
        reverse("articles:agency-feed-atom", kwargs={"slug": "trend"}),
        # This month's stories, where a story published now appears.
        reverse("articles:story-sitemap", kwargs=this_month()),
        reverse("articles:news-sitemap"),
        reverse("articles:api-stories"),
        reverse("articles:api-stories", kwargs={"version": "2.2"}),
    ]


STORY_URLS = [
    "/news/kazakhstan-most-reliable-nato-partner/",
    "/api/ninjs/2.2/stories/kazakhstan-most-reliable-nato-partner/",
]
LIST_URLS = [
    "/",
    "/sections/politics/",
    "/agencies/trend/",
    "/feeds/latest.rss",
    "/sitemap.xml",
    "/api/ninjs/3.1/stories/",
]


@pytest.mark.parametrize("url", STORY_URLS + LIST_URLS)
def test_public_responses_answer_conditional_requests_by_etag(client, sample_story, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200
    # Preconditions hold too: a page that changed since the client's copy fails If-Match.
    assert client.get(url, headers={"if-match": '"other"'}).status_code == 412
    assert client.get(url, headers={"if-match": response["ETag"]}).status_code == 200


@pytest.mark.parametrize("url", STORY_URLS)
def test_a_story_answers_conditional_requests_by_date(client, sample_story, url):
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, headers={"if-modified-since": last_modified}).status_code == 304
    stale = http_date(sample_story.publish_at.timestamp() - 3600)
    assert client.get(url, headers={"if-modified-since": stale}).status_code == 200


@pytest.mark.parametrize("url", LIST_URLS)
def test_a_list_is_not_dated_since_a_withdrawal_would_make_it_older(
    client, editor, sample_story, kazinform_story, url, django_capture_on_commit_callbacks
):
    """A client revalidating by date alone must not keep a withdrawn story (304)."""
    seen = http_date(timezone.now().timestamp() + 60)
    assert "Last-Modified" not in client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")
    response = client.get(url, headers={"if-modified-since": seen})

    assert response.status_code == 200
    assert sample_story.slug not in response.content.decode()


def test_story_last_modified_is_its_latest_correction(client, corrected_sample):
    response = client.get(corrected_sample.get_absolute_url())
    correction = corrected_sample.corrections.get()
    assert response["Last-Modified"] == http_date(correction.created_at.timestamp())


def test_a_cached_page_is_served_without_touching_the_database(
    client, sample_story, django_assert_num_queries
):
    first = client.get(sample_story.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(sample_story.get_absolute_url())
    assert second.content == first.content


def test_a_withdrawn_story_leaves_every_surface_at_once(
    client, editor, sample_story, kazinform_story, django_capture_on_commit_callbacks
):
    urls = public_urls(sample_story)
    page = sample_story.get_absolute_url()
    api = reverse("articles:api-story", kwargs={"slug": sample_story.slug})
    for url in [*urls, page, api]:
        assert client.get(url).status_code == 200, url  # now in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert sample_story.slug not in body, url
        assert "Most Reliable NATO Partner" not in body, url
    assert client.get(page).status_code == 410
    assert client.get(api).status_code == 410
    # The rest of the site is still there.
    assert kazinform_story.headline in client.get("/").content.decode()


def test_a_published_story_appears_everywhere_at_once(
    client, editor, sample_story, sample_wire, django_capture_on_commit_callbacks
):
    story = StoryFactory(
        headline="Appathurai visits Astana",
        slug="appathurai-visits-astana",
        status=StoryStatus.APPROVED,
        section=sample_story.section,
        body=["Appathurai met the foreign minister in Astana."],
    )
    TranslationFactory(story=story, wire_story=sample_wire)
    urls = public_urls(sample_story)
    for url in urls:
        assert client.get(url).status_code == 200, url

    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=story, actor=editor)

    for url in urls:
        if "agencies/kazinform" in url:
            continue  # Kazinform has no part in this one
        assert story.slug in client.get(url).content.decode(), url


def test_publishing_a_story_leaves_the_pages_of_unrelated_stories_cached(
    client,
    editor,
    sample_story,
    sample_wire,
    kazinform_story,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    """A busy news day does not empty the page cache: a publication retires the pages the new
    story is on (its section's, its agency's, the latest lists), not those of other stories."""
    unrelated = [
        kazinform_story.get_absolute_url(),
        reverse("articles:api-story", kwargs={"slug": kazinform_story.slug}),
        sample_story.get_absolute_url(),
        reverse("articles:section", kwargs={"slug": "economy"}),
        reverse("articles:agency", kwargs={"slug": "kazinform"}),
    ]
    first = {url: client.get(url).content for url in [*unrelated, "/", "/sections/politics/"]}
    story = StoryFactory(
        headline="Appathurai visits Astana",
        slug="appathurai-visits-astana",
        status=StoryStatus.APPROVED,
        section=sample_story.section,
        body=["Appathurai met the foreign minister in Astana."],
    )
    TranslationFactory(story=story, wire_story=sample_wire)

    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=story, actor=editor)

    for url in unrelated:
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response.content == first[url], url
    for url in ["/", "/sections/politics/", "/agencies/trend/"]:
        assert story.headline in client.get(url).content.decode(), url


@pytest.mark.parametrize("api", [False, True])
def test_a_cached_story_is_not_served_once_withdrawn(
    client, editor, sample_story, api, django_capture_on_commit_callbacks
):
    url = (
        reverse("articles:api-story", kwargs={"slug": sample_story.slug})
        if api
        else sample_story.get_absolute_url()
    )
    assert client.get(url).status_code == 200
    assert sample_story.paragraphs.first().text[:40] in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")

    text = sample_story.paragraphs.first().text
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 410
        assert "Trend retracted the interview." in response.content.decode()
        assert text not in response.content.decode()


def test_an_evicted_purge_never_brings_a_withdrawn_story_back(
    client, editor, sample_story, django_capture_on_commit_callbacks
):
    """The cache may drop a tag's version (LRU, a restart of Redis): the pages kept under the
    old version are then not served either."""
    from django.core.cache import cache

    from articles.cache import TAG_KEY, story_tag

    url = sample_story.get_absolute_url()
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")
    cache.delete(TAG_KEY.format(tag=story_tag(sample_story.slug)))

    assert client.get(url).status_code == 410


def test_public_responses_carry_surrogate_keys(client, sample_story, settings):
    settings.PUBLIC_SHARED_MAX_AGE = 300
    story = client.get(sample_story.get_absolute_url())
    assert story["Surrogate-Key"] == f"site story:{sample_story.slug}"
    assert story["Cache-Tag"] == f"site,story:{sample_story.slug}"
    assert "s-maxage=300" in story["Cache-Control"]
    assert "stale-while-revalidate=30" in story["Cache-Control"]
    section = client.get(reverse("articles:section", kwargs={"slug": "politics"}))
    assert section["Surrogate-Key"] == "site section:politics"


purged_tags: list[list[str]] = []


def record_purge(tags: list[str]) -> None:
    purged_tags.append(tags)


def test_a_purge_hook_hears_the_tags_to_purge_a_cdn_by(
    editor, sample_story, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_PURGE_HOOK = f"{__name__}.record_purge"
    purged_tags.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=sample_story, actor=editor, note="Trend retracted the interview.")
    story_tags = {f"story:{sample_story.slug}", "latest", "section:politics", "agency:trend"}
    assert any(story_tags <= set(tags) for tags in purged_tags), purged_tags
    assert "site" not in {tag for tags in purged_tags for tag in tags}
