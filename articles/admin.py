"""Admin for reference data. Stories and wire stories are administered from the translation
desk (translations.admin), which owns their workflow."""

from django.contrib import admin
from django.utils.html import format_html

from .models import Agency, AgencyAlias, Image, Section


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
