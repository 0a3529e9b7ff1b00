"""The editor's page that credits the other agencies of a story's event ("Also reported by")."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles.models import Agency, Story
from translations import permissions
from translations.services.errors import WorkflowError
from translations.services.event_credits import (
    credited_event_agencies,
    event_agencies,
    story_credit_event_agencies,
)


class EventAgenciesForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Also reported by",
        help_text="Each agency ticked is credited on the story's page, its JSON-LD and ninjs, "
        "after the agency it was translated from.",
    )

    def __init__(self, *args, offered: list[Agency], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.filter(
            pk__in=[a.pk for a in offered]
        ).order_by("name")


class EventCreditsAdminMixin:
    """Adds /<id>/event-agencies/ to the story admin and a row linking to it on the change form,
    for editors, on stories whose source has reports from other agencies."""

    def get_urls(self):
        return [
            path(
                "<int:object_id>/event-agencies/",
                self.admin_site.admin_view(self.event_agencies_view),
                name="articles_story_event_agencies",
            ),
            *super().get_urls(),
        ]

    def _offers_event_credits(self, request: HttpRequest, obj: Story | None) -> bool:
        return obj is not None and permissions.is_editor(request.user) and bool(event_agencies(obj))

    def get_fieldsets(self, request: HttpRequest, obj: Story | None = None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if self._offers_event_credits(request, obj):
            fieldsets.append(("Agencies of the event", {"fields": ["event_agencies_column"]}))
        return fieldsets

    def get_readonly_fields(self, request: HttpRequest, obj: Story | None = None):
        return [*super().get_readonly_fields(request, obj), "event_agencies_column"]

    def event_agencies_column(self, obj: Story) -> str:
        credited = credited_event_agencies(obj)
        return format_html(
            '{} <a href="{}">Choose the agencies of the event to credit</a>',
            ", ".join(a.name for a in credited) if credited else "Nobody yet.",
            reverse("admin:articles_story_event_agencies", args=[obj.pk]),
        )

    event_agencies_column.short_description = "Also reported by"

    def event_agencies_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not permissions.is_editor(request.user):
            raise PermissionDenied("Only an editor may credit the agencies that reported an event.")
        offered = event_agencies(story)
        change_url = reverse("admin:articles_story_change", args=[story.pk])
        form = EventAgenciesForm(
            request.POST or None,
            offered=offered,
            initial={"agencies": credited_event_agencies(story)},
        )
        if request.method == "POST" and form.is_valid():
            try:
                credited = story_credit_event_agencies(
                    story=story, actor=request.user, agencies=form.cleaned_data["agencies"]
                )
            except WorkflowError as error:
                form.add_error("agencies", str(error))
            else:
                names = ", ".join(a.name for a in credited) or "no other agency"
                self.message_user(request, f"The story credits {names}.", messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        return TemplateResponse(
            request,
            "admin/translations/story/event_agencies.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Agencies that reported the event",
                "story": story,
                "change_url": change_url,
                "form": form,
            },
        )
