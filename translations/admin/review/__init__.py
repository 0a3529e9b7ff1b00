"""The review workflow in the Story admin: move buttons on the change form, list actions, and
the review, revision history, compare and preview pages (custom views, as Django's UserAdmin
does).

Pages answer 404 for a story outside the user's reach, 403 for a move that is not theirs to
make, and 409 (with the reason) for a move the story's state or the rules refuse.

- base.py: URLs, the page frame and the workflow panel the pages share;
- change_form.py: the change form and list (permissions, text in place, source filter);
- move_page.py: the page of one move; moves.py: the moves themselves;
- pages.py: review, preview, revisions, compare, restore, comments;
- actions.py: the list's bulk actions.

What the pages show is translations.selectors.review's.
"""

from .actions import ReviewActionsMixin
from .change_form import ReviewChangeFormMixin
from .move_page import MovePageMixin
from .pages import ReviewPagesMixin


class ReviewAdminMixin(ReviewChangeFormMixin, MovePageMixin, ReviewPagesMixin, ReviewActionsMixin):
    """Adds the review workflow to the Story admin (its pages before the default object routes,
    each mixin's get_urls putting its own first)."""


__all__ = ["ReviewAdminMixin"]
