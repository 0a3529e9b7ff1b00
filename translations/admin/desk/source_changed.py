"""The source-changed page: what the agency changed in the wire story since the translation was
made, and the Rebase button that moves the translation onto the newest source version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles.models import Story
from translations import permissions
from translations.selectors.desk import source_changed_context
from translations.services.desk import translation_rebase
from translations.services.errors import WorkflowError

from .base import DeskBaseMixin


class SourceChangedMixin(DeskBaseMixin):
    def get_urls(self):
        return [
            path(
                "<int:object_id>/translate/source-changed/",
                self.admin_site.admin_view(self.source_changed_view),
                name="articles_story_source_changed",
            ),
            *super().get_urls(),
        ]

    def source_changed_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self.desk_story(request, object_id)
        if request.method == "POST":
            return self.source_rebase(request, story)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            **source_changed_context(user=request.user, story=story),
        }
        return TemplateResponse(request, self.desk_source_changed_template, context)

    def source_rebase(self, request: HttpRequest, story: Story) -> HttpResponse:
        """The Rebase button: the translation moves onto the newest source version."""
        if not permissions.can_edit(request.user, story):
            raise PermissionDenied
        revision = request.POST.get("revision", "")
        try:
            translation_rebase(
                story=story,
                actor=request.user,
                based_on_revision=int(revision) if revision.isdigit() else 0,
            )
        except WorkflowError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
        messages.success(
            request,
            "The translation now follows the newest source version. New source paragraphs "
            "have empty boxes to fill.",
        )
        return HttpResponseRedirect(reverse("admin:articles_story_translate", args=[story.pk]))
