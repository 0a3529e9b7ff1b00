"""The side-by-side editor's page: each target paragraph beside the source paragraphs it
translates, with QA issues, translation memory offers and open review comments
(translations.selectors.desk builds what it shows).

This is the GET side of the editor; saving.py answers its POSTs.
"""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles.models import Story
from translations import permissions
from translations.selectors.desk import desk_context
from translations.services.desk import (
    editing_lock_holder,
    story_editing_start,
    story_text,
    working_copy_text,
)

from . import forms
from .base import DeskBaseMixin
from .forms import DeskHeaderForm, DeskParagraphFormSet


class DeskEditorMixin(DeskBaseMixin):
    """The editor page, and the Desk column that links to it from the story list."""

    def get_urls(self):
        return [
            path(
                "<int:object_id>/translate/",
                self.admin_site.admin_view(self.translate_view),
                name="articles_story_translate",
            ),
            *super().get_urls(),
        ]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "desk_link"]

    @admin.display(description="Desk")
    def desk_link(self, obj: Story) -> str:
        if getattr(obj, "translation", None) is None:
            return "—"
        label = "Translate" if obj.status in permissions.EDITABLE_STATES else "Read"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:articles_story_translate", args=[obj.pk]), label
        )

    def translate_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self.desk_story(request, object_id)
        holder = self.desk_lock_holder(request, story)
        header, formset, restored = self.desk_forms_for(story, request.user)
        context = self.desk_context(
            request, story, header=header, formset=formset, lock_holder=holder
        )
        context["restored_at"] = restored.saved_at if restored else None
        return TemplateResponse(request, self.desk_editor_template, context)

    @staticmethod
    def desk_lock_holder(request: HttpRequest, story: Story):
        """Who holds the story's soft lock: the user, who takes it if they may edit, or another."""
        if permissions.can_edit(request.user, story):
            return story_editing_start(story=story, actor=request.user)
        # Nobody can save a story in review or published, so a lock left from its drafting days
        # means nothing and would only alarm the reader.
        return editing_lock_holder(story) if story.status in permissions.EDITABLE_STATES else None

    def desk_forms_for(self, story: Story, user) -> tuple[DeskHeaderForm, object, object]:
        """The forms with the story's text, or with the user's autosaved text typed on it."""
        autosaved = working_copy_text(story, user) if permissions.can_edit(user, story) else None
        text, copy = autosaved or (story_text(story), None)
        header = DeskHeaderForm(
            initial={"revision": story.revision, "headline": text.headline, "summary": text.summary}
        )
        formset = DeskParagraphFormSet(prefix="p", initial=forms.formset_initial(text.paragraphs))
        return header, formset, copy

    def desk_context(
        self, request: HttpRequest, story: Story, *, header, formset, lock_holder=None
    ) -> dict:
        """The editor page's context: the selector's, in the admin's frame."""
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            **desk_context(
                user=request.user,
                story=story,
                header=header,
                formset=formset,
                lock_holder=lock_holder,
            ),
        }
