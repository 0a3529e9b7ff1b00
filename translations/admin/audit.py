from django.contrib import admin
from django.contrib.admin import ShowFacets
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from articles.models import StoryStatus
from newsroom.changelist import EstimatedCountPaginator
from translations.models import AuditEvent
from translations.permissions import can_review, stories_visible_to

from .metrics import WireSpeedMetricsMixin


def _status_label(value: str) -> str:
    return StoryStatus(value).label if value in StoryStatus.values else value


@admin.register(AuditEvent)
class AuditEventAdmin(WireSpeedMetricsMixin, admin.ModelAdmin):
    """Read-only for everyone, superusers included: the log is append-only."""

    list_display = ["created_at", "event_type", "story_column", "actor", "move", "comment_column"]
    list_filter = ["event_type", "created_at"]
    search_fields = ["story__headline", "actor__username", "comment"]
    list_select_related = ["story", "actor"]
    # A newsroom writes millions of events: no count of them all on every page, an estimate for
    # a long list, sorting only on indexed columns. The created_at filter's ranges replace a date
    # hierarchy, whose year links would read every event's date.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50
    show_facets = ShowFacets.NEVER
    sortable_by = ["created_at", "event_type", "actor"]
    # The detail page as the list reads it: statuses by their names, not their stored codes.
    fields = ["created_at", "event_type", "story_column", "actor", "move", "comment", "payload"]
    readonly_fields = ["story_column", "move"]

    def get_queryset(self, request):
        # A translator reads the history of the stories within reach, and no one else's.
        events = super().get_queryset(request)
        if can_review(request.user):
            return events
        return events.filter(
            Q(story__in=stories_visible_to(request.user))
            | Q(story__isnull=True, actor=request.user)
        )

    class Media:
        css = {"all": ["css/review.css"]}

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Story", ordering="story__headline")
    def story_column(self, obj: AuditEvent) -> str:
        if obj.story is None:
            return "—"
        return format_html(
            '<a href="{}" title="{}">{}</a>',
            reverse("admin:articles_story_change", args=[obj.story_id]),
            obj.story.headline,
            Truncator(obj.story.headline).chars(60),
        )

    @admin.display(description="From → to")
    def move(self, obj: AuditEvent) -> str:
        if not obj.from_status and not obj.to_status:
            return ""
        if obj.from_status == obj.to_status:
            return _status_label(obj.to_status)
        return f"{_status_label(obj.from_status) or '—'} → {_status_label(obj.to_status)}"

    @admin.display(description="Comment")
    def comment_column(self, obj: AuditEvent) -> str:
        return Truncator(obj.comment).chars(80)
