from django.contrib import admin

from translations.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the log is append-only."""

    list_display = ["created_at", "event_type", "story", "actor", "from_status", "to_status"]
    list_filter = ["event_type", "created_at"]
    search_fields = ["story__headline", "actor__username", "comment"]
    list_select_related = ["story", "actor"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
