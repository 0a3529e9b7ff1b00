"""The Story change form and list as the review workflow shapes them: who may change what, the
text read in place, the workflow panel, and the list filter on the source's state."""

from django.contrib import admin
from django.http import Http404, HttpRequest
from django.utils.html import format_html, format_html_join

from articles.models import Story
from translations import permissions
from translations.models import Translation
from translations.selectors.review import public_url

from .base import StoryPagesMixin


class SourceFilter(admin.SimpleListFilter):
    """Stories whose source the agency has since updated or canceled."""

    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [("changed", "Changed since translated"), ("canceled", "Canceled by the agency")]

    def queryset(self, request, queryset):
        if self.value() == "changed":
            return queryset.filter(translation__in=Translation.objects.source_changed())
        if self.value() == "canceled":
            return queryset.filter(translation__in=Translation.objects.source_canceled())
        return queryset


class ReviewChangeFormMixin(StoryPagesMixin):
    change_form_template = "admin/review/story_change_form.html"

    def has_change_permission(self, request: HttpRequest, obj: Story | None = None) -> bool:
        # The text changes while the story is worked on; after that only by a correction.
        if obj is not None and not permissions.can_edit(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def view_on_site(self, obj: Story) -> str | None:
        # An unpublished story has no public page yet: no link rather than a link to a 404.
        return public_url(obj) or None

    @admin.display(description="Text")
    def text_paragraphs(self, obj: Story) -> str:
        paragraphs = format_html_join(
            "",
            '<p lang="{}" dir="auto" class="story-paragraph">'
            '<span class="paragraph-number">¶{}</span> {}</p>',
            (
                (obj.language, n, p.text)
                for n, p in enumerate(obj.paragraphs.order_by("position"), start=1)
            ),
        )
        if getattr(obj, "translation", None) is None:
            return paragraphs or "—"
        return format_html(
            '{}<p><a href="{}">Open in the translation desk</a></p>',
            paragraphs,
            self._url("translate", obj),
        )

    def get_list_filter(self, request: HttpRequest):
        return [*super().get_list_filter(request), SourceFilter]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Outside the user's reach is 404, like every other page of the story (not a redirect);
        # get_object() also answers None for an id that is no number ("abc/translate").
        story = self.get_object(request, object_id)
        if story is None:
            raise Http404("No such story.")
        extra_context = {**(extra_context or {}), **self.workflow_context(request, story)}
        return super().change_view(request, object_id, form_url, extra_context)
