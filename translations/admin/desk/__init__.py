"""The translation desk in the Story admin: custom admin pages (ModelAdmin.get_urls +
admin_site.admin_view), as Django's UserAdmin does for passwords.

- base.py: the story a desk page is about, and the links between the story's pages;
- editor.py: the side-by-side editor's page (rows, QA issues, memory offers);
- saving.py: the editor's POSTs (save, structural buttons, the stale-save conflict page);
- source_changed.py: the source-changed diff and its Rebase button;
- forms.py: the editor's forms and the structural edits; rows.py: what each row shows.
"""

from .saving import DeskSavingMixin
from .source_changed import SourceChangedMixin


class DeskAdminMixin(DeskSavingMixin, SourceChangedMixin):
    """Adds the translation desk's pages to the Story admin (before the default object routes,
    each mixin's get_urls putting its own first)."""


__all__ = ["DeskAdminMixin"]
