"""What every page of the translation desk shares: the story it is about and the links between
the story's pages."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from articles.models import Story
from translations import permissions


class DeskBaseMixin:
    desk_editor_template = "admin/translations/desk/editor.html"
    desk_conflict_template = "admin/translations/desk/conflict.html"
    desk_source_changed_template = "admin/translations/desk/source_changed.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("translation")

    def desk_story(self, request: HttpRequest, object_id: int) -> Story:
        """The story, if the user may see it (else 404), with its translation."""
        queryset = self.get_queryset(request).select_related(
            "translation__wire_story__agency", "assignee", "editing_by"
        )
        story = get_object_or_404(queryset, pk=object_id)
        if getattr(story, "translation", None) is None:
            raise Http404("This story is not a translation of a wire story.")
        return story

    def desk_links(self, request: HttpRequest, story: Story) -> dict:
        """The other pages of the story, for the links at the top of the desk's pages."""
        links = {
            "change_url": reverse("admin:articles_story_change", args=[story.pk]),
            "translate_url": reverse("admin:articles_story_translate", args=[story.pk]),
        }
        if permissions.can_preview(request.user, story):
            links |= {
                "review_url": reverse("admin:articles_story_review", args=[story.pk]),
                "revisions_url": reverse("admin:articles_story_revisions", args=[story.pk]),
                "preview_url": reverse("admin:articles_story_preview", args=[story.pk]),
            }
        return links
