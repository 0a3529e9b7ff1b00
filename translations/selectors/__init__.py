"""What the story admin's pages show, gathered by small named functions (selectors).

The admin's views call these and the services, and add only the admin's frame (each_context,
opts) and the forms: desk.py for the translation desk (the editor, a save conflict, a changed
source), review.py for the review page, the workflow panel and the revision history, rows.py for
the plain data the desk's templates read. Selectors read; they never change anything, apart from
keeping the memory's near matches they had to look up (translations.memory_offers).
"""
