"""The translation desk in the Story admin: custom admin pages (ModelAdmin.get_urls +
admin_site.admin_view), as Django's UserAdmin does for passwords.

- base.py: the templates, and the story a desk page is about;
- editor.py: the side-by-side editor's page;
- saving.py: the editor's POSTs (save, structural buttons, the stale-save conflict page);
- source_changed.py: the source-changed diff and its Rebase button;
- forms.py: the editor's forms and the structural edits.

What the pages show (rows, QA issues, memory offers, links) is translations.selectors.desk's.
"""

from .saving import DeskSavingMixin
from .source_changed import SourceChangedMixin


class DeskAdminMixin(DeskSavingMixin, SourceChangedMixin):
    """Adds the translation desk's pages to the Story admin (before the default object routes,
    each mixin's get_urls putting its own first)."""


__all__ = ["DeskAdminMixin"]
