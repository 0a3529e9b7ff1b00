"""sitemap.xml, the Google News sitemap of the last 48 hours, and robots.txt pointing at both.

Live stories only, through Story.objects.live(); URLs are built on settings.SITE_URL.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
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


class StorySitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self) -> QuerySet[Story]:
        return Story.objects.live().with_last_correction().order_by("-publish_at", "-pk")

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


SITEMAPS = {
    "home": HomeSitemap,
    "sections": SectionSitemap,
    "agencies": AgencySitemap,
    "stories": StorySitemap,
}


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
        content_type="application/xml; charset=utf-8",
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
