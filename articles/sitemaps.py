"""sitemap.xml, the Google News sitemap of the last 48 hours, and robots.txt pointing at both.

sitemap.xml is a sitemap index: the site's pages (home, sections, agencies) in one sitemap, the
stories in one sitemap per calendar month (UTC) from the first live story to this month. The
index asks one indexed question (when the first live story was published) and counts nothing;
each month's sitemap is one index range of the stories, so no page grows with the archive.

Live stories only, through Story.objects.live(); URLs are built on settings.SITE_URL.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from .models import Agency, Section, Story
from .pagination import WindowPaginator
from .provenance import translated_q
from .site import absolute_url, site_domain, site_protocol

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads no more than this many URLs per sitemap.


class SiteSitemap(Sitemap):
    def get_domain(self, site=None) -> str:
        return site_domain()

    def get_protocol(self, protocol=None) -> str:
        return site_protocol()


class StoryMonthSitemap(SiteSitemap):
    """The live stories published in one calendar month (UTC), newest first: one index range.

    A month of more than 50,000 stories (the protocol's limit) continues on ?p=2, which the
    index does not list.
    """

    changefreq = "hourly"

    def __init__(self, year: int, month: int):
        self.start = datetime(year, month, 1, tzinfo=UTC)
        self.end = _next_month(self.start)

    def items(self) -> QuerySet[Story]:
        return (
            Story.objects.live()
            .filter(publish_at__gte=self.start, publish_at__lt=self.end)
            .with_last_correction()
            .order_by("-publish_at", "-pk")
        )

    @property
    def paginator(self) -> WindowPaginator:
        # Not counted: a count of the archive would cost more than the page.
        return WindowPaginator(self._items(), self.limit)

    def lastmod(self, story: Story) -> datetime:
        return max(filter(None, [story.publish_at, story.last_correction]))


class SectionSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self) -> QuerySet[Section]:
        latest = Story.objects.live().filter(section=OuterRef("pk")).order_by("-publish_at")
        return Section.objects.annotate(latest=Subquery(latest.values("publish_at")[:1])).filter(
            latest__isnull=False
        )

    def lastmod(self, section: Section) -> datetime:
        return section.latest


class AgencySitemap(SiteSitemap):
    """The agencies that have live stories, dated by the latest of them."""

    changefreq = "hourly"

    def items(self) -> list[Agency]:
        # As Story.objects.credited_to() reads the chain, in a form a subquery can correlate.
        latest = (
            Story.objects.live()
            .filter(Q(attributions__agency=OuterRef("pk")) | translated_q(OuterRef("pk")))
            .order_by("-publish_at")
            .values("publish_at")[:1]
        )
        # A list: one query, where a queryset would cost the paginator a count as well.
        return list(
            Agency.objects.annotate(latest=Subquery(latest))
            .filter(latest__isnull=False)
            .order_by("name")
        )

    def lastmod(self, agency: Agency) -> datetime:
        return agency.latest


class HomeSitemap(SiteSitemap):
    changefreq = "always"
    priority = 1.0

    def items(self) -> list[datetime]:
        return list(
            Story.objects.live().order_by("-publish_at").values_list("publish_at", flat=True)[:1]
        )

    def location(self, latest: datetime) -> str:
        return reverse("articles:home")

    def lastmod(self, latest: datetime) -> datetime:
        return latest


# The site's own pages, in the one sitemap that is not a month of stories.
SITE_SITEMAPS = {
    "home": HomeSitemap,
    "sections": SectionSitemap,
    "agencies": AgencySitemap,
}
# Django's own template writes lastmod as a date; a newsroom's change by the minute.
SITEMAP_TEMPLATE = "articles/sitemap.xml"
XML = "application/xml; charset=utf-8"


def _next_month(start: datetime) -> datetime:
    return (start + timedelta(days=32)).replace(day=1)


def _months(first: datetime, last: datetime) -> Iterator[datetime]:
    """The first moments (UTC) of the months from `last`'s back to `first`'s, newest first."""
    month = last.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    first = first.astimezone(UTC)
    while month >= first.replace(day=1, hour=0, minute=0, second=0, microsecond=0):
        yield month
        month = (month - timedelta(days=1)).replace(day=1)


def sitemap_index(request: HttpRequest) -> HttpResponse:
    """The site's sitemap and one sitemap a month, from the first live story's to this one."""
    first = Story.objects.live().order_by("publish_at").values_list("publish_at", flat=True).first()
    locations = [reverse("articles:site-sitemap")]
    if first is not None:
        locations += [
            reverse("articles:story-sitemap", kwargs={"year": f"{m:%Y}", "month": f"{m:%m}"})
            for m in _months(first, timezone.now())
        ]
    return render(
        request,
        "sitemap_index.xml",
        {"sitemaps": [SitemapIndexItem(absolute_url(location)) for location in locations]},
        content_type=XML,
    )


def site_sitemap(request: HttpRequest) -> HttpResponse:
    return sitemap(request, SITE_SITEMAPS, template_name=SITEMAP_TEMPLATE, content_type=XML)


def story_sitemap(request: HttpRequest, year: str, month: str) -> HttpResponse:
    """The stories of one month: /sitemap-stories-2026-11.xml (four and two digits)."""
    if not (1 <= int(month) <= 12 and 1 <= int(year) < 9999):
        raise Http404("No such month.")
    return sitemap(
        request,
        {"stories": StoryMonthSitemap(int(year), int(month))},
        template_name=SITEMAP_TEMPLATE,
        content_type=XML,
    )


def news_language(tag: str) -> str:
    """Google News wants an ISO 639 code; only Chinese keeps its script, as zh-cn or zh-tw."""
    tag = tag.lower()
    if tag.startswith("zh"):
        return "zh-tw" if any(part in tag for part in ("hant", "-tw", "-hk")) else "zh-cn"
    return tag.split("-")[0]


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """The stories of the last 48 hours, in the Google News sitemap format."""
    stories = list(
        Story.objects.live()
        .filter(publish_at__gte=timezone.now() - NEWS_WINDOW)
        .order_by("-publish_at", "-pk")[:NEWS_LIMIT]
    )
    for story in stories:
        story.news_language = news_language(story.language)
    response = render(
        request,
        "articles/news_sitemap.xml",
        {
            "stories": stories,
            "site_url": settings.SITE_URL,
            "publication_name": settings.SITE_NAME,
        },
        content_type=XML,
    )
    return response


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url(reverse('articles:sitemap'))}",
        f"Sitemap: {absolute_url(reverse('articles:news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
