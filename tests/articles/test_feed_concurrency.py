"""Two workers polling at once never ingest an item twice (issue 11, feeds).

PostgreSQL only: the guarantee is the feed's row lock (SELECT ... FOR UPDATE SKIP LOCKED), and
SQLite has no row locks. The race is forced: the second worker starts only once the first one
holds the lock and is inside its HTTP fetch (the test server has its request).
"""

import logging
import threading
import time

import pytest
from django.db import connection, connections, transaction

from articles.models import EventClusterMembership, FeedKind, WireStory
from articles.services.feeds import PollStatus, feed_poll
from articles.services.ingest import Action, ingest_data
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


def test_a_poll_whose_batch_meets_a_concurrent_delivery_of_its_guid(tmp_path, settings, caplog):
    """Another delivery (a second feed of the agency, a person's `manage.py ingest`) stores a
    guid of the poll after the poll looked it up: the poll's batch INSERT waits for it, is
    refused by the unique constraint once it commits, and the poll writes its files again one by
    one: the story is then unchanged, nothing is stored twice and no file fails."""
    settings.FEED_DROP_SETTLE_SECONDS = 0
    caplog.set_level(logging.INFO, logger="articles.services.ingest.deliveries")
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path), language="en")
    for number in (1, 2):
        (tmp_path / f"story-{number}.txt").write_bytes(story_text(number))
    stored, release = threading.Event(), threading.Event()

    def other_delivery() -> None:
        with transaction.atomic():
            ingest_data(story_text(1), name="by-hand.txt", agency=feed.agency, language="en")
            stored.set()
            release.wait(30)

    results: list = []
    other = in_thread(other_delivery, results)
    assert stored.wait(30)
    poll = in_thread(lambda: feed_poll(feed_id=feed.pk, force=True), results)
    try:
        deadline = time.monotonic() + 30
        while not _waiting_on_a_lock('INSERT INTO "articles_wirestory"'):
            assert time.monotonic() < deadline, "the poll's INSERT never waited for the other"
            time.sleep(0.02)
    finally:
        release.set()
        other.join()
        poll.join()

    [result] = [r for r in results if r is not None]
    assert "written one by one" in caplog.text  # the refused batch, not a lucky ordering
    assert result.status == PollStatus.DONE, result
    assert [o.action for o in result.outcomes] == [Action.UNCHANGED, Action.CREATED]
    assert WireStory.objects.count() == 2
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == ["story-1.txt", "story-2.txt"]


def _waiting_on_a_lock(statement: str) -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND query LIKE %s",
            [statement + "%"],
        )
        return cursor.fetchone()[0] > 0
