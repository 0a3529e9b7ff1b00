"""The public site. Every queryset here starts from Story.objects.live().

The views are wrapped in articles.cache.public_response (in urls.py): page cache, Cache-Control,
ETag, and 304 answers to conditional requests.
"""

from itertools import groupby

from django.conf import settings
from django.db.models import F, QuerySet, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.generic import DetailView, ListView

from .cache import set_last_modified
from .filters import SearchForm, StoryFilterSet
from .models import AttributionRole, Section, Story, StoryStatus
from .provenance import (
    date_modified,
    machine_translation_disclosure,
    same_source_q,
    show_paragraph_provenance,
    story_prefetch,
    with_provenance,
)
from .search import attach_snippets, search_stories
from .structured_data import news_article

SECTION_TEASERS = 4
ROLE_HEADINGS = {
    AttributionRole.TRANSLATED_FROM: "Stories translated from {agency}",
    AttributionRole.ORIGINAL_REPORTER: "Stories first reported by {agency}",
    AttributionRole.DISTRIBUTED_BY: "Stories distributed by {agency}",
}


def bad_request(request, errors: dict[str, list[str]]) -> HttpResponse:
    return render(request, "articles/bad_request.html", {"errors": errors}, status=400)


class StoryListView(ListView):
    """A paginated list of live stories, narrowed by the StoryFilterSet parameters."""

    template_name = "articles/story_list.html"
    context_object_name = "stories"

    def get_paginate_by(self, queryset) -> int:
        return settings.PAGINATE_BY

    # The filter whose value the page's own URL sets ("section" on a section page...); the page
    # object is the filter's cleaned value, so that it is looked up once.
    fixed_filter: str | None = None

    def get(self, request, *args, **kwargs) -> HttpResponse:
        data = request.GET.copy()
        if self.fixed_filter:
            data[self.fixed_filter] = self.kwargs["slug"]
        self.filterset = StoryFilterSet(data, queryset=Story.objects.all())
        if not self.filterset.is_valid():
            if self.fixed_filter in self.filterset.errors:
                raise Http404(f"No {self.fixed_filter} at this address.")
            return bad_request(request, self.filterset.error_messages)
        if self.fixed_filter:
            setattr(self, self.fixed_filter, self.filterset.form.cleaned_data[self.fixed_filter])
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Story]:
        return self.filterset.filter_queryset(self.filterset.queryset.live()).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


class HomeView(StoryListView):
    """The latest stories, and on the first page the latest few of each section."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number == 1 and not self.request.GET:
            context["section_teasers"] = self.section_teasers()
        return context

    def section_teasers(self) -> list[tuple[Section, list[Story]]]:
        ranked = (
            Story.objects.live()
            .filter(section__isnull=False)
            .annotate(
                place=Window(
                    RowNumber(),
                    partition_by=F("section"),
                    order_by=[F("publish_at").desc(), F("pk").desc()],
                )
            )
            .filter(place__lte=SECTION_TEASERS)
            .select_related("section")
            .order_by("section__position", "section__name", "section_id", "place")
        )
        return [
            (section, list(stories))
            for section, stories in groupby(ranked, key=lambda story: story.section)
        ]


class AgencyStoryListView(StoryListView):
    """Stories in whose provenance the agency appears; ?role= narrows to one part it played."""

    fixed_filter = "agency"

    def get_context_data(self, **kwargs):
        role = self.filterset.form.cleaned_data.get("role")
        heading = ROLE_HEADINGS.get(role, "Stories from {agency}").format(agency=self.agency.name)
        return super().get_context_data(
            heading=heading,
            agency=self.agency,
            role=role,
            roles=AttributionRole.choices,
            **kwargs,
        )


class SectionStoryListView(StoryListView):
    fixed_filter = "section"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.section.name,
            section=self.section,
            **kwargs,
        )


class SearchView(StoryListView):
    """Full-text search of live stories (articles.search), with the list filters."""

    template_name = "articles/search.html"

    def get(self, request, *args, **kwargs) -> HttpResponse:
        form = SearchForm(request.GET)
        if not form.is_valid():
            return bad_request(
                request, {name: list(errors) for name, errors in form.errors.items()}
            )
        self.query = form.cleaned_data["q"]
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Story]:
        return self.filterset.filter_queryset(search_stories(self.query))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        attach_snippets(context["stories"], self.query)
        return context


class StoryDetailView(DetailView):
    """A live story; a withdrawn one keeps its URL and answers 410 Gone with its note."""

    template_name = "articles/story_detail.html"
    context_object_name = "story"

    def get_object(self, queryset=None) -> Story:
        slug = self.kwargs["slug"]
        # One query brings the story and the live stories made from the same wire story
        # (same agency and guid, any version) in other languages, for the hreflang links.
        source = Story.objects.filter(slug=slug)
        stories = list(
            with_provenance(
                (Story.objects.live() | Story.objects.gone()).filter(slug=slug)
                | Story.objects.live().filter(same_source_q(source))
            )
        )
        story = next((s for s in stories if s.slug == slug), None)
        if story is None:
            raise Http404("No live story at this address.")
        # One link per language: the newest story in it.
        by_language: dict[str, Story] = {}
        for other in sorted(stories, key=lambda s: s.publish_at, reverse=True):
            if other.language != story.language:
                by_language.setdefault(other.language, other)
        self.alternates = [by_language[language] for language in sorted(by_language)]
        if story.status == StoryStatus.PUBLISHED:
            prefetch_related_objects([story], *story_prefetch())
        return story

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            alternates=self.alternates, site_url=settings.SITE_URL, **kwargs
        )
        if self.object.status == StoryStatus.PUBLISHED:
            context["structured_data"] = news_article(self.object)
            context["machine_translation_disclosure"] = machine_translation_disclosure(self.object)
            context["show_paragraph_provenance"] = show_paragraph_provenance(self.object)
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.object.status == StoryStatus.WITHDRAWN:
            return render(self.request, "articles/withdrawn.html", context, status=410)
        response = super().render_to_response(context, **response_kwargs)
        return set_last_modified(response, date_modified(self.object))
