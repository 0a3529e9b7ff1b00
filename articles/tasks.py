"""Background work of the articles app, run by the django.tasks worker (see settings.TASKS)."""

from django.tasks import task

from articles.services.feeds import feed_poll, feeds_schedule


@task
def poll_feed(feed_id: int, force: bool = False) -> dict[str, str | int]:
    """Poll one feed; a feed another worker is polling is passed over, not waited for."""
    result = feed_poll(feed_id=feed_id, force=force)
    return {"feed": feed_id, "status": str(result.status), "message": result.message}


@task
def poll_due_feeds() -> list[int]:
    """Enqueue a poll for every feed that is due; for a periodic scheduler or cron."""
    return feeds_schedule()
