from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html

from articles.models import Story, StoryStatus
from translations import permissions
from translations.permissions import stories_visible_to

from .desk import DeskAdminMixin
from .review import ReviewAdminMixin


class StatusFilter(admin.SimpleListFilter):
    """The workflow states as editors say them: a published story whose time is ahead is
    "Scheduled", and "Published" means public now."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        choices = list(StoryStatus.choices)
        published = choices.index((StoryStatus.PUBLISHED, StoryStatus.PUBLISHED.label))
        choices.insert(published, ("scheduled", "Scheduled"))
        return choices

    def queryset(self, request, queryset):
        match self.value():
            case None:
                return queryset
            case "scheduled":
                return queryset & Story.objects.scheduled()
            case StoryStatus.PUBLISHED:
                return queryset & Story.objects.live()
            case value:
                return queryset.filter(status=value)


@admin.register(Story)
class StoryAdmin(DeskAdminMixin, ReviewAdminMixin, admin.ModelAdmin):
    list_display = ["headline", "status_badge", "section", "assignee", "publish_at"]
    list_filter = [StatusFilter, "section", "language"]
    search_fields = ["headline", "summary"]
    list_select_related = ["section", "assignee"]
    # The text is written in the translation desk, where every save is checked against the
    # revision it was based on; the workflow moves own status, assignee and publish time. The
    # change form keeps what neither touches.
    fields = [
        "headline",
        "summary",
        "text_paragraphs",
        "slug",
        "section",
        "lead_image",
        "dateline",
        "byline",
        "language",
        "assignee",
        "status",
        "publish_at",
        "revision",
        "withdrawn_at",
        "withdrawal_note",
    ]
    always_readonly = [
        "headline",
        "summary",
        "text_paragraphs",
        "language",
        "assignee",
        "status",
        "publish_at",
        "revision",
        "withdrawn_at",
        "withdrawal_note",
    ]
    autocomplete_fields = ["lead_image"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A story starts from the wire queue ("Start translation"), with its provenance.
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Story | None = None) -> list[str]:
        # A public URL never changes; before publication an editor may choose it.
        slug_open = (
            obj is not None and obj.publish_at is None and permissions.is_editor(request.user)
        )
        return self.always_readonly + ([] if slug_open else ["slug"])

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
