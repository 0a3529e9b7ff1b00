"""Query budgets: a story page within 6 queries (1 once its version is rendered), every list
within 6 (its rows alone once its items are rendered), whatever its length; per-paragraph
provenance switched on adds none.

Each URL is fetched once with its page not cached, so the budget is that of a full render. What
every page shares and caches across pages (the section navigation, the next scheduled publish
time) is warmed first by another request, as it is on a running site.
"""

import pytest
from django.urls import reverse

from articles.cache import next_scheduled_at, public_sections, purge_public_pages
from articles.models import AttributionRole, ParagraphMethod, SiteSettings
from articles.search import index_stories
from tests.factories import (
    AttributionFactory,
    CorrectionFactory,
    ImageFactory,
    PublishedStoryFactory,
    SectionFactory,
    TranslationFactory,
    TranslatorFactory,
    WireStoryFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("warm_site_cache")]

LIST_URLS = [
    "/",
    "/?page=2",
    "/sections/world/",
    "/sections/world/?source_language=ru&published_after=2000-01-01",
    "/agencies/trend/",
    "/agencies/trend/?role=translated_from&section=world",
    "/search/?q=paragraph",
    "/search/?q=paragraph&section=world&role=original_reporter",
    "/feeds/latest.rss",
    "/feeds/latest.atom",
    "/sections/world/feed.rss",
    "/agencies/trend/feed.atom",
    "/sitemap.xml",
    "/sitemap-site.xml",
    "/sitemap-news.xml",
    "/api/ninjs/2.2/stories/",
    "/api/ninjs/3.1/stories/?agency=kazinform&role=original_reporter",
]


@pytest.fixture
def many_stories(sample_story, kazinform_story, german_story):
    sections = [SectionFactory(name="World", slug="world"), sample_story.section]
    translator = TranslatorFactory(first_name="Ivan", last_name="Petrov")
    trend, kazinform = (
        sample_story.translation.wire_story.agency,
        kazinform_story.attributions.get().agency,
    )
    stories = []
    picture = ImageFactory()
    for n in range(45):
        story = PublishedStoryFactory(
            section=sections[n % 2],
            body=["A paragraph.", "Another paragraph."],
            lead_image=picture,
        )
        TranslationFactory(
            story=story, wire_story=WireStoryFactory(agency=trend), translators=[translator]
        )
        AttributionFactory(story=story, agency=trend, role=AttributionRole.TRANSLATED_FROM)
        AttributionFactory(story=story, agency=kazinform, role=AttributionRole.ORIGINAL_REPORTER)
        CorrectionFactory(story=story)
        stories.append(story)
    index_stories([s.pk for s in stories])
    # As the admin does on saving a section: the cached navigation learns of "World" (then the
    # site's shared parts are warm again, as after any first request).
    purge_public_pages()
    public_sections()
    next_scheduled_at()
    return stories


@pytest.mark.parametrize("url", LIST_URLS)
def test_every_list_within_six_queries(client, many_stories, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/", 1),  # the newest stories (those of each section are a fragment too)
        ("/sections/world/", 1),  # its newest stories (the section is the navigation's)
        ("/agencies/trend/?role=translated_from", 1),  # the agency is kept with the site
        ("/api/ninjs/3.1/stories/", 1),
        ("/api/ninjs/stories/?body=1&section=world", 1),
    ],
)
def test_a_list_whose_items_are_rendered_reads_only_its_rows(
    client, settings, many_stories, django_assert_num_queries, url, queries
):
    """With the page cache off, each story's item is rendered once per version of it."""
    settings.PUBLIC_CACHE_SECONDS = 0
    first = client.get(url).content
    with django_assert_num_queries(queries):
        assert client.get(url).content == first


@pytest.mark.parametrize("api", [False, True])
def test_story_page_within_five_queries(
    client, many_stories, sample_story, german_story, django_assert_max_num_queries, api
):
    CorrectionFactory(story=sample_story)
    sample_story.lead_image = ImageFactory()
    sample_story.save(update_fields=["lead_image"])
    url = (
        reverse("articles:api-story", kwargs={"slug": sample_story.slug})
        if api
        else sample_story.get_absolute_url()
    )
    # The page reads the story's row, then renders that version of it (articles.fragments),
    # which reads the row again with what the page shows beside it.
    with django_assert_max_num_queries(5 if api else 6):
        response = client.get(url)
    assert response.status_code == 200
    assert german_story.slug in response.content.decode() or api


def test_story_page_rendered_once_reads_only_its_row(
    client, settings, sample_story, german_story, django_assert_num_queries
):
    settings.PUBLIC_CACHE_SECONDS = 0
    CorrectionFactory(story=sample_story)
    client.get(sample_story.get_absolute_url())
    with django_assert_num_queries(1):
        response = client.get(sample_story.get_absolute_url())
    assert german_story.slug in response.content.decode()


@pytest.mark.parametrize("api", [False, True])
def test_per_paragraph_provenance_costs_no_extra_query(
    client,
    many_stories,
    sample_story,
    django_assert_max_num_queries,
    django_assert_num_queries,
    api,
):
    """The editors' switch rides on the story's own query (articles.provenance)."""
    url = (
        reverse("articles:api-story", kwargs={"slug": sample_story.slug})
        if api
        else sample_story.get_absolute_url()
    )
    sample_story.paragraphs.update(method=ParagraphMethod.MACHINE_POST_EDITED, source_indexes=[0])
    with django_assert_max_num_queries(5) as off:
        assert client.get(url).status_code == 200
    budget = len(off.captured_queries)  # read now: the next request resets the log
    SiteSettings.objects.create(show_paragraph_provenance=True)
    purge_public_pages()
    assert client.get("/news/no-such-story/").status_code == 404  # warm again, as before
    with django_assert_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    assert "machine_post_edited" in response.content.decode()
