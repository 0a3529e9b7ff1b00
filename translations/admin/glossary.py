from django.contrib import admin

from translations.models import GlossaryTerm


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    """Kept by editors; the desk highlights the terms and QA checks their translations."""

    list_display = ["source_term", "target_term", "source_language", "target_language", "note"]
    list_filter = ["source_language", "target_language"]
    search_fields = ["source_term", "target_term", "note"]
    ordering = ["source_language", "target_language", "source_term"]
