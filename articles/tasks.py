"""Background work of the public site, run by the task worker (see newsroom.retry).

Renditions and search documents are made outside the request that caused them: enqueued once
the upload or the workflow move has committed, retried with backoff when they fail.
"""

from newsroom.retry import retried_task

from .cache import purge_public_pages
from .models import Image
from .search import index_stories
from .services import images  # a module, not a name: images.py imports this module too


@retried_task()
def make_renditions(image_id: int) -> int:
    """Make the renditions an uploaded picture lacks; return how many were made.

    Pages show the stored original until then: if a story already shows the picture, the
    pages cached meanwhile are purged.
    """
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return 0  # deleted before the worker came to it: nothing left to render
    made = images.image_make_renditions(image=image)
    if made and image.lead_stories.exists():
        purge_public_pages()
    return made


@retried_task()
def reindex_stories(story_ids: list[int]) -> int:
    """Bring these stories' search documents up to date after a publication, correction or
    withdrawal; return how many are indexed.

    Cached search results predate the new documents, so they are purged.
    """
    indexed = index_stories(story_ids)
    purge_public_pages()
    return indexed
