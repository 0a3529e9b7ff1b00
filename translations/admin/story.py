from django.contrib import admin
from django.utils.html import format_html

from articles.models import Story, StoryParagraph
from translations.permissions import stories_visible_to

from .desk import DeskAdminMixin
from .review import ReviewAdminMixin


class StoryParagraphInline(admin.TabularInline):
    model = StoryParagraph
    extra = 0
    fields = ["position", "text"]


@admin.register(Story)
class StoryAdmin(DeskAdminMixin, ReviewAdminMixin, admin.ModelAdmin):
    list_display = ["headline", "status_badge", "section", "assignee", "publish_at"]
    list_filter = ["status", "section", "language"]
    search_fields = ["headline", "summary"]
    list_select_related = ["section", "assignee"]
    readonly_fields = ["status", "publish_at", "revision", "withdrawn_at", "withdrawal_note"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [StoryParagraphInline]

    class Media:
        css = {"all": ["css/review.css"]}

    def get_queryset(self, request):
        return stories_visible_to(request.user) & super().get_queryset(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Nothing published is ever hard-deleted; drafts may go.
        if obj is not None and obj.publish_at is not None:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="Status", ordering="status")
    def status_badge(self, obj: Story) -> str:
        return format_html(
            '<span class="status status--{}">{}</span>', obj.status, obj.display_status
        )
