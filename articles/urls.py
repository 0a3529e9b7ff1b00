from django.urls import path, re_path, register_converter

from . import api, feeds, sitemaps, views
from .cache import SEARCH, agency_tag, public_response, section_tag, story_tag
from .converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "story_slug")

app_name = "articles"

# The page cache's tags of a page (articles.cache), from its URL's arguments; a list of all
# the latest stories is tagged "latest" by default.
STORY, SECTION, AGENCY = story_tag("{slug}"), section_tag("{slug}"), agency_tag("{slug}")

# The pages read most come first: a URL is resolved by trying the patterns in turn.
urlpatterns = [
    path("", public_response(views.HomeView.as_view()), name="home"),
    path(
        "news/<story_slug:slug>/",
        public_response(views.StoryDetailView.as_view(), dated=True, tags=[STORY], scheduled=False),
        name="story",
    ),
    path(
        "agencies/<slug:slug>/",
        public_response(views.AgencyStoryListView.as_view(), tags=[AGENCY]),
        name="agency",
    ),
    path(
        "sections/<slug:slug>/",
        public_response(views.SectionStoryListView.as_view(), tags=[SECTION]),
        name="section",
    ),
    # The ninjs API
    path("api/ninjs/stories/", public_response(api.story_list), name="api-stories"),
    path(
        "api/ninjs/stories/<story_slug:slug>/",
        public_response(api.story_detail, dated=True, tags=[STORY], scheduled=False),
        name="api-story",
    ),
    re_path(
        r"^api/ninjs/(?P<version>2\.2|3\.1)/stories/$",
        public_response(api.story_list),
        name="api-stories",
    ),
    re_path(
        r"^api/ninjs/(?P<version>2\.2|3\.1)/stories/(?P<slug>[-\w]+)/$",
        public_response(api.story_detail, dated=True, tags=[STORY], scheduled=False),
        name="api-story",
    ),
    path("search/", public_response(views.SearchView.as_view(), tags=[SEARCH]), name="search"),
    # Feeds
    path("feeds/latest.rss", public_response(feeds.LatestStoriesRss()), name="feed-rss"),
    path("feeds/latest.atom", public_response(feeds.LatestStoriesAtom()), name="feed-atom"),
    path(
        "sections/<slug:slug>/feed.rss",
        public_response(feeds.SectionStoriesRss(), tags=[SECTION]),
        name="section-feed-rss",
    ),
    path(
        "sections/<slug:slug>/feed.atom",
        public_response(feeds.SectionStoriesAtom(), tags=[SECTION]),
        name="section-feed-atom",
    ),
    path(
        "agencies/<slug:slug>/feed.rss",
        public_response(feeds.AgencyStoriesRss(), tags=[AGENCY]),
        name="agency-feed-rss",
    ),
    path(
        "agencies/<slug:slug>/feed.atom",
        public_response(feeds.AgencyStoriesAtom(), tags=[AGENCY]),
        name="agency-feed-atom",
    ),
    # Sitemaps and robots.txt
    path("sitemap.xml", public_response(sitemaps.sitemap_index), name="sitemap"),
    path("sitemap-site.xml", public_response(sitemaps.site_sitemap), name="site-sitemap"),
    re_path(
        r"^sitemap-stories-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})\.xml$",
        public_response(sitemaps.story_sitemap),
        name="story-sitemap",
    ),
    path("sitemap-news.xml", public_response(sitemaps.news_sitemap), name="news-sitemap"),
    path("robots.txt", public_response(sitemaps.robots_txt, tags=[]), name="robots"),
]
