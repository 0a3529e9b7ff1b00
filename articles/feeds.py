"""RSS 2.0 and Atom feeds of live stories: the latest, per section and per agency.

Every entry carries the story's credit line (e.g. "Translated from Trend") after its summary,
as the agencies' licences ask of every republication.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html

from .models import Agency, Section, Story, StoryQuerySet
from .provenance import SOURCE_RELATED, credit_line
from .site import absolute_url

FEED_LENGTH = 30


class LatestStoriesRss(Feed):
    feed_type = Rss201rev2Feed
    url_name = "articles:feed-rss"

    def get_object(self, request, *args, **kwargs) -> Section | Agency | None:
        return None

    def stories(self, obj) -> StoryQuerySet:
        return Story.objects.live()

    def title(self, obj) -> str:
        return f"{settings.SITE_NAME}: latest stories"

    def description(self, obj) -> str:
        return "The latest stories translated from news agencies, with their sources."

    def link(self, obj) -> str:
        return absolute_url(obj.get_absolute_url() if obj else reverse("articles:home"))

    def feed_url(self, obj) -> str:
        kwargs = {"slug": obj.slug} if obj else {}
        return absolute_url(reverse(self.url_name, kwargs=kwargs))

    def items(self, obj) -> list[Story]:
        stories = (
            self.stories(obj)
            .select_related("section", SOURCE_RELATED)
            .with_last_correction()
            .order_by("-publish_at", "-pk")
        )
        return list(stories[:FEED_LENGTH])

    def item_title(self, story: Story) -> str:
        return story.headline

    def item_description(self, story: Story) -> str:
        credit = credit_line(story)
        summary = story.summary or story.headline
        if not credit:
            return format_html("<p>{}</p>", summary)
        return format_html('<p>{}</p><p class="credit">{}</p>', summary, credit)

    def item_link(self, story: Story) -> str:
        return absolute_url(story.get_absolute_url())

    def item_pubdate(self, story: Story) -> datetime:
        return story.publish_at

    def item_updateddate(self, story: Story) -> datetime:
        return max(filter(None, [story.publish_at, story.last_correction]))

    def item_categories(self, story: Story) -> list[str]:
        return [story.section.name] if story.section else []


class LatestStoriesAtom(LatestStoriesRss):
    feed_type = Atom1Feed
    url_name = "articles:feed-atom"
    subtitle = LatestStoriesRss.description


class SectionStoriesRss(LatestStoriesRss):
    url_name = "articles:section-feed-rss"

    def get_object(self, request, slug: str) -> Section:
        return get_object_or_404(Section, slug=slug)

    def stories(self, section: Section) -> StoryQuerySet:
        return Story.objects.live().filter(section=section)

    def title(self, section: Section) -> str:
        return f"{settings.SITE_NAME}: {section.name}"

    def description(self, section: Section) -> str:
        return f"The latest stories in {section.name}."


class SectionStoriesAtom(SectionStoriesRss):
    feed_type = Atom1Feed
    url_name = "articles:section-feed-atom"
    subtitle = SectionStoriesRss.description


class AgencyStoriesRss(LatestStoriesRss):
    url_name = "articles:agency-feed-rss"

    def get_object(self, request, slug: str) -> Agency:
        return get_object_or_404(Agency, slug=slug)

    def stories(self, agency: Agency) -> StoryQuerySet:
        return Story.objects.live().credited_to(agency=agency, newest=FEED_LENGTH)

    def title(self, agency: Agency) -> str:
        return f"{settings.SITE_NAME}: stories from {agency.name}"

    def description(self, agency: Agency) -> str:
        return f"The latest stories translated from or first reported by {agency.name}."


class AgencyStoriesAtom(AgencyStoriesRss):
    feed_type = Atom1Feed
    url_name = "articles:agency-feed-atom"
    subtitle = AgencyStoriesRss.description
