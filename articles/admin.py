"""Admin for reference data. Stories and wire stories are administered from the translation
desk (translations.admin), which owns their workflow."""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html

from .models import Agency, AgencyAlias, Attribution, Image, Section
from .services.credits import credit_map


class AgencyAliasInline(admin.TabularInline):
    model = AgencyAlias
    extra = 1


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "default_language", "allows_republication", "is_active"]
    list_filter = ["is_active", "allows_republication", "requires_credit"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AgencyAliasInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "alt_text", "credit", "width", "height", "created_at"]
    search_fields = ["alt_text", "credit", "caption"]
    readonly_fields = ["width", "height"]

    @admin.display(description="Image")
    def thumbnail(self, obj: Image) -> str:
        return format_html('<img src="{}" alt="" width="80" style="height:auto">', obj.file.url)


class UnresolvedFilter(admin.SimpleListFilter):
    title = "resolution"
    parameter_name = "resolved"

    def lookups(self, request, model_admin):
        return [("no", "Unresolved"), ("yes", "Resolved")]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(agency__isnull=self.value() == "no")
        return queryset


class CreditMapForm(forms.ModelForm):
    remember_alias = forms.BooleanField(
        required=False,
        initial=True,
        help_text="Map every unresolved credit with this name, and remember the name as an alias "
        "so that later deliveries resolve by themselves.",
    )

    class Meta:
        model = Attribution
        fields = ["agency"]


@admin.register(Attribution)
class AttributionAdmin(admin.ModelAdmin):
    """Credits as found on ingest; an editor maps the unresolved ones to agencies."""

    form = CreditMapForm
    list_display = ["credited_name", "role", "agency", "wire_story", "story"]
    list_filter = [UnresolvedFilter, "role"]
    search_fields = ["credited_name", "agency__name"]
    list_select_related = ["agency", "wire_story", "story"]
    readonly_fields = ["credited_name", "role", "wire_story", "story"]
    autocomplete_fields = ["agency"]

    def has_add_permission(self, request) -> bool:
        return False

    def save_model(self, request, obj: Attribution, form, change: bool) -> None:
        if obj.agency_id and form.cleaned_data.get("remember_alias"):
            count = credit_map(credited_name=obj.credited_name, agency=obj.agency)
            self.message_user(
                request,
                f"Mapped {count} credit(s) named “{obj.credited_name}” to {obj.agency}.",
                messages.SUCCESS,
            )
        super().save_model(request, obj, form, change)
