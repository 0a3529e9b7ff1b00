from django import forms
from django.contrib import admin
from django.contrib.admin import ShowFacets
from django.http import HttpRequest
from django.utils.html import format_html

from articles.models import Story, StoryStatus
from newsroom.changelist import EstimatedCountPaginator, IndexedValuesFieldListFilter
from translations import permissions
from translations.permissions import stories_visible_to
from translations.services.editing import DRAFT_SLUG_PREFIX

from .desk import DeskAdminMixin
from .event_credits import EventCreditsAdminMixin
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


PENDING_SLUG_HELP = "Empty: made from the headline when the story is published."


def has_pending_slug(story: Story | None) -> bool:
    """A claimed draft's slug is a placeholder that nobody should have to read."""
    return story is not None and story.slug.startswith(DRAFT_SLUG_PREFIX)


class StoryForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and has_pending_slug(self.instance):
            self.initial["slug"] = ""
            self.fields["slug"].required = False
            self.fields["slug"].help_text = PENDING_SLUG_HELP

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"] or self.instance.slug


@admin.register(Story)
class StoryAdmin(EventCreditsAdminMixin, DeskAdminMixin, ReviewAdminMixin, admin.ModelAdmin):
    list_display = ["headline", "status_badge", "section", "assignee", "publish_at"]
    list_filter = [StatusFilter, "section", ("language", IndexedValuesFieldListFilter)]
    search_fields = ["headline", "summary"]
    list_select_related = ["section", "assignee", "translation"]
    # At archive scale: no count of every story beside the page's, an estimate for a long list,
    # and sorting only on the columns an index keeps in order (Meta.indexes of Story).
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    # Rendering a row costs more than fetching it: 50 a page halves the page's time.
    list_per_page = 50
    show_facets = ShowFacets.NEVER
    sortable_by = ["headline", "status_badge", "publish_at"]
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
    form = StoryForm

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A story starts from the wire queue ("Start translation"), with its provenance.
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Story | None = None) -> list[str]:
        # A public URL never changes; before publication an editor may choose it.
        slug_open = (
            obj is not None and obj.publish_at is None and permissions.is_editor(request.user)
        )
        return [
            *super().get_readonly_fields(request, obj),
            *self.always_readonly,
            *([] if slug_open else ["slug_column"]),
        ]

    def get_fields(self, request: HttpRequest, obj: Story | None = None) -> list[str]:
        # Read-only, the slug shows as slug_column, which does not print a placeholder.
        editable = "slug_column" not in self.get_readonly_fields(request, obj)
        return [f if f != "slug" or editable else "slug_column" for f in self.fields]

    @admin.display(description="Slug")
    def slug_column(self, obj: Story) -> str:
        return "Made from the headline when published" if has_pending_slug(obj) else obj.slug

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
