from django.contrib import admin
from django.db.models import Q

from translations.models import AuditEvent
from translations.permissions import can_review, stories_visible_to


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the log is append-only."""

    list_display = ["created_at", "event_type", "story", "actor", "from_status", "to_status"]
    list_filter = ["event_type", "created_at"]
    search_fields = ["story__headline", "actor__username", "comment"]
    list_select_related = ["story", "actor"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        # A translator reads the history of the stories within reach, and no one else's.
        events = super().get_queryset(request)
        if can_review(request.user):
            return events
        return events.filter(
            Q(story__in=stories_visible_to(request.user))
            | Q(story__isnull=True, actor=request.user)
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
