"""The public site. Every queryset here starts from Story.objects.live().

The views are wrapped in articles.cache.public_response (in urls.py): page cache, Cache-Control,
ETag, and 304 answers to conditional requests.
"""

import time
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property

from django.conf import settings
from django.db import connection
from django.db.models import F, QuerySet, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.generic import ListView, View

from .cache import LATEST, agency_tag, public_sections, set_last_modified
from .filters import SearchForm, StoryFilterSet
from .fragments import StoryRow, fragment_rows, list_fragment, story_fragments
from .models import AttributionRole, Section, Story
from .pagination import MAX_PAGE, WindowPaginator
from .prepared import PreparedRows
from .provenance import (
    alternates,
    date_modified,
    machine_translation_disclosure,
    next_alternate_at,
    show_paragraph_provenance,
    story_prefetch,
    with_alternates,
    with_provenance,
)
from .search import attach_snippets, search_stories
from .structured_data import news_article

SECTION_TEASERS = 4
TEASER_TEMPLATE = "articles/_story_item.html"
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
    paginator_class = WindowPaginator

    def get_paginate_by(self, queryset) -> int:
        return settings.PAGINATE_BY

    # Search results show snippets of the query instead, from rows it reads whole.
    shows_teasers = True

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
        self.filterset.newest = self.newest_shown()
        return super().get(request, *args, **kwargs)

    def newest_shown(self) -> int | None:
        """How many of the newest stories this page and those before it show (and one more,
        which says whether a next page follows); None where the page number is not one."""
        try:
            number = int(self.request.GET.get(self.page_kwarg) or 1)
        except ValueError:
            return None
        if not 1 <= number <= MAX_PAGE:
            return None
        return number * self.get_paginate_by(None) + 1

    def get_queryset(self) -> QuerySet | PreparedRows:
        # What a teaser shows comes from its fragment: the list reads only what keys it.
        if self.filtered():
            return fragment_rows(self.stories())
        return PreparedRows(
            self.statement_key(), lambda at: fragment_rows(self.stories(at)), row=StoryRow
        )

    def stories(self, at: datetime | None = None) -> QuerySet[Story]:
        """The list's stories live at `at` (now), newest first."""
        stories = self.filterset.filter_queryset(self.filterset.queryset.live(at))
        return stories.order_by("-publish_at", "-pk")

    def statement_key(self) -> Hashable:
        """What the statement of the unfiltered list depends on, but the time (PreparedRows)."""
        fixed = getattr(self, self.fixed_filter).pk if self.fixed_filter else None
        return (type(self).__name__, fixed)

    def paginate_queryset(self, queryset, page_size):
        if self.request.GET.get(self.page_kwarg) == "last":
            raise Http404("Lists are not counted: there is no last page to go to.")
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filterset=self.filterset, **kwargs)
        if self.shows_teasers:
            teasers = story_fragments("teaser", context["stories"], render_teasers)
            context["teasers"] = mark_safe("".join(teasers))  # each rendered by a template
            if not self.filtered():
                context["filters"] = blank_filters(with_role=self.fixed_filter == "agency")
        return context

    def filtered(self) -> bool:
        """Whether the reader chose a filter (beyond the one the page's address fixes)."""
        return self.filterset.narrowed(besides={self.fixed_filter})


@cache
def blank_filters(*, with_role: bool) -> str:
    """The filters box of an unfiltered list: the same on every such page (its labels and
    choices are the code's), so rendered once rather than on every request."""
    return render_to_string(
        "articles/_filters.html",
        {"filterset": StoryFilterSet(queryset=Story.objects.none()), "agency": with_role},
    )


def render_teasers(stories: list[StoryRow]) -> list[str]:
    """The list items of these stories (articles.fragments), one query for all of them."""
    found = Story.objects.filter(pk__in=[story.pk for story in stories]).for_listing().in_bulk()
    return [
        # A story deleted since the list was read shows nothing.
        render_to_string(TEASER_TEMPLATE, {"story": found[story.pk]}) if story.pk in found else ""
        for story in stories
    ]


class HomeView(StoryListView):
    """The latest stories, and on the first page the latest few of each section."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number == 1 and not self.request.GET:
            context["section_teasers"] = list_fragment(
                "home-sections", [LATEST], self.render_section_teasers
            )
        return context

    def render_section_teasers(self) -> str:
        return render_to_string(
            "articles/_section_teasers.html", {"section_teasers": self.section_teasers()}
        )

    def section_teasers(self) -> list[tuple[Section, list[Story]]]:
        sections = public_sections()
        newest = [
            Story.objects.live().filter(section=section).order_by("-publish_at", "-pk")
            for section in sections
        ]
        if not newest:
            return []
        if connection.features.supports_slicing_ordering_in_compound:
            # The few newest of each section by one index range each, in one statement.
            ids = (
                newest[0]
                .values("pk")[:SECTION_TEASERS]
                .union(
                    *(stories.values("pk")[:SECTION_TEASERS] for stories in newest[1:]), all=True
                )
            )
            teasers = Story.objects.filter(pk__in=ids)
        else:
            # SQLite cannot slice the parts of a UNION: a window over its (small) table.
            teasers = (
                Story.objects.live()
                .annotate(
                    place=Window(
                        RowNumber(),
                        partition_by=F("section"),
                        order_by=[F("publish_at").desc(), F("pk").desc()],
                    )
                )
                .filter(place__lte=SECTION_TEASERS)
            )
        by_section: dict[int, list[Story]] = {}
        teasers = teasers.only("slug", "headline", "language", "section")
        for story in teasers.order_by("-publish_at", "-pk"):
            by_section.setdefault(story.section_id, []).append(story)
        return [
            (section, by_section[section.pk]) for section in sections if section.pk in by_section
        ]


class AgencyStoryListView(StoryListView):
    """Stories in whose provenance the agency appears; ?role= narrows to one part it played."""

    fixed_filter = "agency"

    def stories(self, at: datetime | None = None) -> QuerySet[Story]:
        ids = self.newest_credited
        if ids is None:
            return super().stories(at)
        return Story.objects.live(at).filter(pk__in=ids).order_by("-publish_at", "-pk")

    @cached_property
    def newest_credited(self) -> list[int] | None:
        """The stories crediting the agency come from its provenance links, by a statement
        (two index ranges and a union) that costs more to plan and run than the rest of the
        page. Unless other filters narrow them, the newest of them are kept as a list fragment
        until the agency's tag is purged (a story crediting it published, corrected or
        withdrawn, or its credits changed) or the next scheduled story goes live; which of them
        are live is still decided by the database on every request. None where other filters
        narrow the list."""
        newest = self.filterset.newest
        if newest is None or self.filterset.narrowed(besides={"agency", "role"}):
            return None
        role = self.filterset.form.cleaned_data.get("role") or ""
        return list_fragment(
            f"agency-list:{self.agency.slug}:{role}:{newest}",
            [agency_tag(self.agency.slug)],
            lambda: list(
                super(AgencyStoryListView, self).stories().values_list("pk", flat=True)[:newest]
            ),
        )

    def statement_key(self) -> Hashable:
        return (type(self).__name__, tuple(self.newest_credited or ()))

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
    shows_teasers = False

    def get(self, request, *args, **kwargs) -> HttpResponse:
        form = SearchForm(request.GET)
        if not form.is_valid():
            return bad_request(
                request, {name: list(errors) for name, errors in form.errors.items()}
            )
        self.query = form.cleaned_data["q"]
        return super().get(request, *args, **kwargs)

    def newest_shown(self) -> None:
        # Best first, not newest first: the filters may not stop at the newest stories.
        return None

    def get_queryset(self) -> QuerySet[Story]:
        # The filters narrow the stories searched, before the newest matches are taken.
        return search_stories(self.query, self.filterset.filter_queryset(Story.objects.all()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        attach_snippets(context["stories"], self.query)
        return context


@dataclass(frozen=True)
class StoryPage:
    """A live story's page as rendered for one version of it (articles.fragments)."""

    html: str
    modified: datetime | None  # Last-Modified: publication or the latest correction
    until: float  # 0, or when a scheduled story in another language goes live

    def fresh(self) -> bool:
        return not self.until or time.time() < self.until


class StoryDetailView(View):
    """A live story; a withdrawn one keeps its URL and answers 410 Gone with its note.

    The story's row is read on every request, so that the database decides what is live; the
    page rendered for that version of the story comes from the fragment cache. Nothing on it
    depends on the request.
    """

    template_name = "articles/story_detail.html"
    row = ("pk", "slug", "headline", "status", "publish_at", "updated_at", "withdrawn_at")

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        # The slug's unique index finds the one row; the instance mirrors of live() and gone()
        # decide on it, which saves building their conditions into the statement.
        try:
            story = Story.objects.only(*self.row, "withdrawal_note").get(slug=slug)
        except Story.DoesNotExist:
            raise Http404("No story at this address.") from None
        if not (story.is_live or story.is_gone):
            raise Http404("No live story at this address.")
        if story.is_gone:
            return render(request, "articles/withdrawn.html", {"story": story}, status=410)
        [page] = story_fragments("page", [story], self.render_pages, fresh=StoryPage.fresh)
        response = set_last_modified(HttpResponse(page.html), page.modified)
        response.cache_until = page.until
        return response

    def render_pages(self, stories: list[Story]) -> list[StoryPage]:
        full = with_alternates(
            with_provenance(Story.objects.filter(pk__in=[story.pk for story in stories]))
        )
        full = {story.pk: story for story in full}
        prefetch_related_objects(list(full.values()), *story_prefetch())
        return [self.render_page(full[story.pk]) for story in stories]

    def render_page(self, story: Story) -> StoryPage:
        context = {
            "story": story,
            "alternates": alternates(story),
            "site_url": settings.SITE_URL,
            "structured_data": news_article(story),
            "machine_translation_disclosure": machine_translation_disclosure(story),
            "show_paragraph_provenance": show_paragraph_provenance(story),
        }
        next_alternate = next_alternate_at(story)
        return StoryPage(
            # Without the request: the page is the same for every reader.
            html=render_to_string(self.template_name, context),
            modified=date_modified(story),
            until=next_alternate.timestamp() if next_alternate else 0,
        )
