"""The wire queue: one row per event (or per story on its own), with what the desk has done
with it; every wire story as delivered, read-only.
"""

from django.contrib import admin, messages
from django.contrib.admin import DateFieldListFilter
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from articles.models import EventClusterMembership, WireStory
from newsroom.changelist import IndexedValuesFieldListFilter, NextPagePaginator
from translations import permissions
from translations.permissions import stories_visible_to
from translations.queue import QueueState, with_covering, with_queue_state
from translations.services.desk import (
    ClaimError,
    EventCoveredError,
    wire_story_claim,
    wire_story_confirm_language,
    wire_story_discard,
)
from translations.services.errors import WorkflowError

from . import rows
from .filters import (
    LanguageUncertainFilter,
    QueueStateFilter,
    SourceChangedFilter,
    VersionsFilter,
)

# Asking for one event's reports, or for every version, lists each wire story on its own row.
EACH_STORY_PARAMETERS = {"event_membership__cluster", VersionsFilter.parameter_name}


def one_row_per_event(request: HttpRequest) -> bool:
    return not EACH_STORY_PARAMETERS & set(request.GET)


class WireQueueChangeList(ChangeList):
    """After the filters and the search, one row per event: its most complete report."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.one_per_event() if one_row_per_event(request) else queryset

    def get_results(self, request):
        super().get_results(request)
        if not self.multi_page:
            # The paginator has read the only page already; Django would read it again.
            self.result_list = self.paginator.page(1).object_list


class ReceivedFilter(DateFieldListFilter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.title = "received"


# What the queue reads of an event's reports: never their texts or payloads.
MEMBERS = EventClusterMembership.objects.select_related("wire_story__agency").only(
    "cluster_id",
    "at",
    "words",
    "explanation",
    "wire_story__agency_id",
    "wire_story__agency__name",
    "wire_story__guid",
    "wire_story__version",
    "wire_story__headline",
    "wire_story__language",
)


@admin.register(WireStory)
class WireStoryAdmin(admin.ModelAdmin):
    list_display = [
        # What a translator decides on first, so that it stays in view on a narrow screen.
        "headline_column",
        "desk_column",
        "source_column",
        "event_column",
        "received_column",
    ]
    # The headline opens its preview; the preview links to the whole story.
    list_display_links = None
    list_filter = [
        QueueStateFilter,
        SourceChangedFilter,
        "agency",
        ("language", IndexedValuesFieldListFilter),
        LanguageUncertainFilter,
        ("received_at", ReceivedFilter),
        VersionsFilter,
    ]
    search_fields = ["headline", "summary", "guid", "byline"]
    list_select_related = ["agency", "event_membership__cluster"]
    # Never counted: the total would count wire stories, not the rows (events) shown, and
    # reads the whole wire. The paginator reads one page and says whether there is another.
    show_full_result_count = False
    # Fifty rows: each shows an event in full, and rendering them is most of the page's time.
    list_max_show_all = list_per_page = 50
    exclude = ["raw_payload", "paragraphs"]
    actions = ["start_translation", "discard", "confirm_language"]
    change_form_template = "admin/translations/wire/change_form.html"
    readonly_fields = ["body", "language_column", "desk_notes"]
    fieldsets = [
        (
            None,
            {"fields": ["agency", "language_column", "version", "pub_status", "embargo_until"]},
        ),
        ("Text as delivered", {"fields": ["body"]}),
        # Internal: the agency's notes to editors and how the parser read the item.
        ("For the desk only, never published", {"fields": ["desk_notes"]}),
        (
            "Delivery details",
            {
                "classes": ["collapse"],
                "fields": [
                    "guid",
                    "agency_version",
                    "byline",
                    "dateline",
                    "credit_line",
                    "sent_at",
                    "received_at",
                    "source_url",
                    "format",
                    "checksum",
                    "discarded_at",
                    "language_source",
                    "detected_language",
                    "detection_confidence",
                ],
            },
        ),
    ]

    class Media:
        css = {"all": ["css/review.css"]}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_set_language": self.has_claim_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_changelist(self, request, **kwargs):
        return WireQueueChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return NextPagePaginator.for_request(
            request,
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
        )

    def get_queryset(self, request):
        queued = with_covering(with_queue_state(super().get_queryset(request)))
        # Whether the user may open the claimed story: else its link would only answer 404.
        visible = stories_visible_to(request.user)
        return (
            queued.defer("raw_payload")
            .annotate(
                may_open=Exists(visible.filter(pk=OuterRef("claimed_story"))),
                covered_may_open=Exists(visible.filter(pk=OuterRef("covered_by_story"))),
            )
            .prefetch_related(Prefetch("event_membership__cluster__memberships", MEMBERS))
        )

    def get_readonly_fields(self, request, obj=None):
        # Wire stories are kept exactly as delivered; the language has its own confirm form.
        excluded = {"raw_payload", "paragraphs"}
        return [f.name for f in self.model._meta.fields if f.name not in excluded] + [
            "body",
            "language_column",
            "desk_notes",
        ]

    def has_add_permission(self, request) -> bool:
        return False

    # Read-only for everyone: no Save or Delete buttons on a story kept as delivered. The queue's
    # own actions (start translation, discard) change it through the services.
    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": "Wire queue", **(extra_context or {})})

    def has_claim_permission(self, request: HttpRequest) -> bool:
        return permissions.is_desk_member(request.user)

    @admin.display(description="Text")
    def body(self, obj: WireStory) -> str:
        return format_html(
            '<div class="wire-text" lang="{}" dir="auto">'
            '<h3 class="wire-headline">{}</h3>{}{}</div>',
            obj.language,
            obj.headline,
            format_html('<p class="wire-summary">{}</p>', obj.summary) if obj.summary else "",
            format_html_join(
                "",
                '<p class="wire-paragraph"><span class="paragraph-number">{}</span> {}</p>',
                enumerate(obj.paragraphs, start=1),
            ),
        )

    @admin.display(description="Source")
    def source_column(self, obj: WireStory) -> str:
        return rows.source_cell(obj, self.language_column(obj))

    @admin.display(description="Language")
    def language_column(self, obj: WireStory) -> str:
        if not obj.is_language_uncertain:
            return obj.language
        guess = (
            format_html(
                " (detection said {} at {})",
                obj.detected_language,
                f"{obj.detection_confidence:.0%}",
            )
            if obj.detected_language and obj.detection_confidence is not None
            else ""
        )
        return format_html(
            '{} <span class="queue-flag" title="The agency\'s usual language: detection was '
            'unsure{}. Confirm or correct it on the story.">language uncertain</span>',
            obj.language,
            guess,
        )

    @admin.display(description="Notes")
    def desk_notes(self, obj: WireStory) -> str:
        parts = []
        if obj.internal_notes:
            parts.append(
                format_html(
                    '<p class="wire-notes"><strong>Agency notes:</strong> {}</p>',
                    obj.internal_notes,
                )
            )
        if obj.parse_warnings:
            parts.append(
                format_html(
                    '<p class="wire-notes"><strong>Read leniently:</strong></p><ul>{}</ul>',
                    format_html_join("", "<li>{}</li>", ((w,) for w in obj.parse_warnings)),
                )
            )
        return format_html_join("", "{}", ((p,) for p in parts)) if parts else "—"

    @admin.display(description="Headline")
    def headline_column(self, obj: WireStory) -> str:
        return rows.preview(obj)

    def get_list_display(self, request: HttpRequest):
        # Only those who may claim get a "Start translation" button.
        if self.has_claim_permission(request):
            return self.list_display
        return [f if f != "desk_column" else "claimed_column" for f in self.list_display]

    @admin.display(description="Translation")
    def claimed_column(self, obj: WireStory) -> str:
        badge = rows.state_badge(obj)
        if obj.queue_state == QueueState.COVERED:
            return format_html("{}<br>{}", badge, rows.covered_by(obj))
        if not obj.claimed_story:
            return badge
        if not obj.may_open:
            return format_html("{}<br>claimed by {}", badge, obj.claimed_by or "nobody")
        return format_html(
            '{}<br><a href="{}">Open</a> <span class="queue-claimed">({})</span>',
            badge,
            reverse("admin:articles_story_translate", args=[obj.claimed_story]),
            obj.claimed_by or "unassigned",
        )

    @admin.display(description="Translation")
    def desk_column(self, obj: WireStory) -> str:
        if obj.queue_state != QueueState.NEW:
            return self.claimed_column(obj)
        # The changelist is one form already: the button posts it to the claim URL instead
        # (which reads nothing of it but the CSRF token), so no nested form is needed. On an
        # event's row it claims the event's most complete report.
        return format_html(
            '{}<br><button type="submit" class="button queue-claim" formaction="{}"'
            ' formmethod="post" aria-label="Start translating: {}">Start translation</button>',
            rows.state_badge(obj),
            reverse("admin:articles_wirestory_claim", args=[obj.pk]),
            obj.headline,
        )

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest) -> bool:
        # "N reports" links to the event's reports: the queue filtered on its cluster.
        return lookup == "event_membership__cluster" or super().lookup_allowed(
            lookup, value, request
        )

    # The one sort: newest first on an index. The others (state, agency, headline) would sort
    # the whole wire for each page; the filters choose those instead.
    @admin.display(description="Received", ordering="received_at")
    def received_column(self, obj: WireStory) -> str:
        return rows.moment(obj.received_at)

    @admin.display(description="Event")
    def event_column(self, obj: WireStory) -> str:
        return rows.event_cell(obj, reverse("admin:articles_wirestory_changelist"))

    def get_urls(self):
        return [
            path(
                "<int:object_id>/claim/",
                self.admin_site.admin_view(require_POST(self.claim_view)),
                name="articles_wirestory_claim",
            ),
            path(
                "<path:object_id>/language/",
                self.admin_site.admin_view(require_POST(self.language_view)),
                name="articles_wirestory_language",
            ),
            *super().get_urls(),
        ]

    def claim_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        if not self.has_claim_permission(request):
            raise PermissionDenied
        wire = get_object_or_404(self.get_queryset(request), pk=object_id)
        story = self._claim(
            request, wire, despite_same_event=request.POST.get("despite_same_event") == "1"
        )
        if story is None:
            return HttpResponseRedirect(reverse("admin:articles_wirestory_change", args=[wire.pk]))
        return HttpResponseRedirect(reverse("admin:articles_story_translate", args=[story.pk]))

    def language_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if not self.has_claim_permission(request):
            raise PermissionDenied
        wire = get_object_or_404(self.get_queryset(request), pk=object_id)
        language = request.POST.get("language", "")
        try:
            wire_story_confirm_language(wire_story=wire, language=language, actor=request.user)
        except WorkflowError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(
                request,
                f"The language of “{wire.headline}” is {language.strip()}.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:articles_wirestory_change", args=[wire.pk]))

    @admin.action(description="Confirm the language as shown", permissions=["claim"])
    def confirm_language(self, request: HttpRequest, queryset):
        done = 0
        for wire in queryset.language_uncertain():
            wire_story_confirm_language(wire_story=wire, language=wire.language, actor=request.user)
            done += 1
        self.message_user(
            request,
            ngettext("%d language confirmed.", "%d languages confirmed.", done) % done,
            messages.SUCCESS,
        )

    def _claim(self, request: HttpRequest, wire: WireStory, *, despite_same_event: bool = False):
        try:
            story = wire_story_claim(
                wire_story=wire, actor=request.user, despite_same_event=despite_same_event
            )
        except EventCoveredError as error:
            # Told who translates the event, the translator may still go on; the claim records it.
            self.message_user(
                request,
                format_html(
                    '{} <form method="post" action="{}" class="inline-form">'
                    '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                    '<input type="hidden" name="despite_same_event" value="1">'
                    '<button type="submit" class="button">Translate this report anyway</button>'
                    "</form>",
                    str(error),
                    reverse("admin:articles_wirestory_claim", args=[wire.pk]),
                    get_token(request),
                ),
                messages.WARNING,
            )
            return None
        except ClaimError as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        except WorkflowError as error:
            self.message_user(request, str(error), messages.ERROR)
            return None
        self.message_user(request, f"You are translating “{wire.headline}”.", messages.SUCCESS)
        return story

    @admin.action(description="Start translation", permissions=["claim"])
    def start_translation(self, request: HttpRequest, queryset):
        stories = [story for wire in queryset if (story := self._claim(request, wire))]
        if len(stories) == 1:
            return HttpResponseRedirect(
                reverse("admin:articles_story_translate", args=[stories[0].pk])
            )
        return None

    @admin.action(description="Discard (do not translate)", permissions=["claim"])
    def discard(self, request: HttpRequest, queryset):
        chosen = list(queryset)
        if one_row_per_event(request):
            # An event's row stands for all its reports: discarding it discards those that
            # nobody translates, else the next report would take the row.
            events = [w.event_membership.cluster_id for w in chosen if rows.event_of(w)]
            chosen += (
                self.get_queryset(request)
                .latest_versions()
                .filter(
                    event_membership__cluster__in=events,
                    queue_state__in=[QueueState.NEW, QueueState.COVERED],
                )
                .exclude(pk__in=[w.pk for w in chosen])
            )
        done = 0
        for wire in chosen:
            try:
                wire_story_discard(wire_story=wire, actor=request.user)
                done += 1
            except WorkflowError as error:
                self.message_user(request, str(error), messages.ERROR)
        if done:
            self.message_user(
                request,
                ngettext("%d wire story discarded.", "%d wire stories discarded.", done) % done,
                messages.SUCCESS,
            )
