"""Background work of the public site, run by the task worker (see newsroom.retry).

Renditions and search documents are made outside the request that caused them: enqueued once
the upload or the workflow move has committed, retried with backoff when they fail. Ingested
wire stories are placed in their events here, off the intake path. Feeds are polled here too; a
failing feed backs off by its own schedule (Feed.next_poll_at), so its polls are not retried.
"""

from django.tasks import task

from newsroom.retry import retried_task

from .cache import SEARCH, purge_story, purge_tags
from .models import Image, WireStory
from .search import index_stories

# The services behind feed polling and renditions (HTTP, the parsers, language detection, event
# clustering, Pillow) are imported inside the tasks that run them: web workers import this module
# to enqueue, and never run a poll or a rendition.


@retried_task()
def make_renditions(image_id: int) -> int:
    """Make the renditions an uploaded picture lacks; return how many were made.

    Pages show the stored original until then: the pages cached meanwhile of the stories that
    already show the picture are purged.
    """
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return 0  # deleted before the worker came to it: nothing left to render
    from .services import images

    made = images.image_make_renditions(image=image)
    if made:
        for story in image.lead_stories.all():
            purge_story(story)
    return made


@retried_task()
def reindex_stories(story_ids: list[int]) -> int:
    """Bring these stories' search documents up to date after a publication, correction or
    withdrawal; return how many are indexed.

    Cached search results predate the new documents, so they are purged.
    """
    indexed = index_stories(story_ids)
    purge_tags(SEARCH)
    return indexed


@retried_task()
def place_wire_stories(wire_story_ids: list[int]) -> int:
    """Place newly ingested wire stories in their events, in the order they were stored; return
    how many it found unplaced.

    Ingest enqueues this once its transaction has committed (articles.services.ingest): placing is
    the costliest step of taking an item in, and no delivery waits for it. Each story is placed
    in a short transaction of its own, serialised with other workers' placements by the placement
    lock on PostgreSQL; placing is idempotent, so a retry or a second worker places nothing
    twice, and a story deleted since is passed over.
    """
    from .services import clusters

    unplaced = list(
        WireStory.objects.filter(pk__in=wire_story_ids, event_membership__isnull=True)
        .defer("raw_payload")
        .order_by("pk")
    )
    for wire_story in unplaced:
        clusters.wire_story_place(wire_story=wire_story)
    return len(unplaced)


@task
def poll_feed(feed_id: int, force: bool = False) -> dict[str, str | int]:
    """Poll one feed; a feed another worker is polling is passed over, not waited for."""
    from .services.feeds import feed_poll

    result = feed_poll(feed_id=feed_id, force=force)
    return {"feed": feed_id, "status": str(result.status), "message": result.message}


@task
def poll_due_feeds() -> list[int]:
    """Enqueue a poll for every feed that is due; for a periodic scheduler or cron."""
    from .services.feeds import feeds_schedule

    return feeds_schedule()
