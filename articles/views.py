"""The public site. Every queryset here starts from Story.objects.live()."""

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView, ListView

from .models import Agency, Attribution, Section, Story, StoryStatus


class StoryListView(ListView):
    template_name = "articles/story_list.html"
    context_object_name = "stories"
    paginate_by = settings.PAGINATE_BY

    def get_queryset(self) -> QuerySet[Story]:
        return Story.objects.live().for_listing()


class HomeView(StoryListView):
    template_name = "articles/home.html"


class AgencyStoryListView(StoryListView):
    def get_queryset(self) -> QuerySet[Story]:
        self.agency = get_object_or_404(Agency, slug=self.kwargs["slug"])
        return super().get_queryset().filter(attributions__agency=self.agency).distinct()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Stories from {self.agency.name}", agency=self.agency, **kwargs
        )


class SectionStoryListView(StoryListView):
    def get_queryset(self) -> QuerySet[Story]:
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.section.name, section=self.section, **kwargs)


class SearchView(StoryListView):
    """Placeholder for the search of issue 5 (full-text, ranked) being built on its own branch;
    it exists here so that the header's search form has somewhere to go."""

    def get_queryset(self) -> QuerySet[Story]:
        self.query = self.request.GET.get("q", "").strip()
        if not self.query:
            return Story.objects.none()
        return (
            super()
            .get_queryset()
            .filter(Q(headline__icontains=self.query) | Q(summary__icontains=self.query))
        )

    def get_context_data(self, **kwargs):
        heading = f"Search results for “{self.query}”" if self.query else "Search"
        return super().get_context_data(heading=heading, **kwargs)


class StoryDetailView(DetailView):
    """A live story; a withdrawn one keeps its URL and answers 410 Gone with its note."""

    template_name = "articles/story_detail.html"
    context_object_name = "story"

    def get_queryset(self) -> QuerySet[Story]:
        return (
            (Story.objects.live() | Story.objects.withdrawn())
            .select_related("section", "lead_image", "translation__wire_story__agency")
            .prefetch_related(
                "paragraphs",
                "corrections",
                Prefetch("lead_image__renditions"),
                Prefetch("attributions", queryset=Attribution.objects.select_related("agency")),
            )
        )

    def render_to_response(self, context, **response_kwargs):
        if self.object.status == StoryStatus.WITHDRAWN:
            return render(self.request, "articles/withdrawn.html", context, status=410)
        return super().render_to_response(context, **response_kwargs)
