from django.contrib import admin

from articles.models import WireStory


@admin.register(WireStory)
class WireStoryAdmin(admin.ModelAdmin):
    list_display = ["headline", "agency", "language", "version", "pub_status", "received_at"]
    list_filter = ["agency", "language", "pub_status"]
    search_fields = ["headline", "guid"]
    list_select_related = ["agency"]
    exclude = ["raw_payload"]

    def get_readonly_fields(self, request, obj=None):
        # Wire stories are kept exactly as delivered.
        return [f.name for f in self.model._meta.fields if f.name != "raw_payload"]

    def has_add_permission(self, request) -> bool:
        return False
