"""Two workers polling at once never ingest an item twice (issue 11, feeds).

PostgreSQL only: the guarantee is the feed's row lock (SELECT ... FOR UPDATE SKIP LOCKED), and
SQLite has no row locks. The race is forced: the second worker starts only once the first one
holds the lock and is inside its HTTP fetch (the test server has its request).
"""

import threading
import time

import pytest
from django.db import connection, connections

from articles.models import EventClusterMembership, FeedKind, WireStory
from articles.services.feeds import PollStatus, feed_poll
from tests.articles.feed_server import Route
from tests.articles.test_drop_folder import story_text
from tests.articles.test_feeds import RSS_BODY
from tests.factories import FeedFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks (set DATABASE_URL); runs in CI's PostgreSQL leg",
    ),
]


def in_thread(function, results: list) -> threading.Thread:
    def run() -> None:
        try:
            results.append(function())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_second_worker_passes_a_feed_the_first_is_polling(feed_server):
    feed_server.routes["/wire"] = Route(RSS_BODY, delay=1.0)
    feed = FeedFactory(url=feed_server.url("/wire"))
    results: list = []
    first = in_thread(lambda: feed_poll(feed_id=feed.pk, force=True), results)
    deadline = time.monotonic() + 10
    while not feed_server.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    second = in_thread(lambda: feed_poll(feed_id=feed.pk, force=True), results)
    first.join()
    second.join()
    assert sorted(r.status for r in results) == sorted([PollStatus.DONE, PollStatus.BUSY])
    assert len(feed_server.requests) == 1
    assert WireStory.objects.count() == 3


def test_two_workers_on_one_drop_folder_take_each_file_once(tmp_path, settings):
    settings.FEED_DROP_SETTLE_SECONDS = 0
    for number in range(60):
        (tmp_path / f"story-{number:02}.txt").write_bytes(story_text(number))
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path), language="en")

    def worker() -> list:
        statuses = []
        for _ in range(20):
            statuses.append(feed_poll(feed_id=feed.pk, force=True).status)
        return statuses

    results: list = []
    threads = [in_thread(worker, results) for _ in range(2)]
    for thread in threads:
        thread.join()
    assert WireStory.objects.count() == 60
    # Each poll's stories were placed as it committed, the two workers' placements side by side.
    assert EventClusterMembership.objects.count() == 60
    assert len(list((tmp_path / "done").iterdir())) == 60
    assert not (tmp_path / "failed").exists()
    assert PollStatus.FAILED not in {status for statuses in results for status in statuses}
