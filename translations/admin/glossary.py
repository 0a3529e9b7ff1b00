from django.contrib import admin

from newsroom.changelist import EstimatedCountPaginator, IndexedValuesFieldListFilter
from translations.models import GlossaryTerm


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    """Kept by editors; the desk highlights the terms and QA checks their translations."""

    list_display = ["source_term", "target_term", "source_language", "target_language", "note"]
    list_filter = [
        ("source_language", IndexedValuesFieldListFilter),
        ("target_language", IndexedValuesFieldListFilter),
    ]
    search_fields = ["source_term", "target_term", "note"]
    # The list's order is the index GlossaryTerm.Meta names; a long glossary is not counted.
    ordering = ["source_language", "target_language", "source_term"]
    sortable_by = ["source_term", "source_language"]
    show_full_result_count = False
    paginator = EstimatedCountPaginator
