"""What every page of the translation desk shares: its templates and the story it is about (the
links between the story's pages are translations.selectors.desk.desk_links)."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from articles.models import Story


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
