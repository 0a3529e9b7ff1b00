"""Event placement is off the intake path: ingest stores a delivery, and the task worker places
its stories in their events once it has committed (issue 11, acceptance 5; issue 12)."""

import threading

import pytest
from django.db import connection, connections
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles.models import EventCluster, EventClusterMembership, FeedKind, Placement, WireStory
from articles.services.feeds import feed_poll
from articles.services.ingest import Action, ingest_data
from articles.tasks import place_wire_stories
from bench.cluster_labels import load_items, store
from tests.articles.test_drop_folder import story_text
from tests.factories import AgencyFactory, FeedFactory
from tests.task_helpers import DATABASE_QUEUE

BODY = (
    b"Kazakhstan and Azerbaijan to triple Trans-Caspian cargo\n\n"
    b"BAKU, May 2 /Trend/ - Cargo through Alat port grew 37 % in 2014, minister "
    b"Rovshan Rustamov said. The Trans-Caspian route carried 1.5 million tons."
)


@pytest.mark.django_db
def test_a_delivery_goes_in_at_once_and_is_placed_once_it_has_committed(
    django_capture_on_commit_callbacks,
):
    trend = AgencyFactory(name="Trend", slug="trend")
    with django_capture_on_commit_callbacks() as after_commit:
        [outcome] = ingest_data(BODY, name="trend.txt", agency=trend, language="en")
    assert outcome.action == Action.CREATED
    assert not EventClusterMembership.objects.exists()

    for callback in after_commit:  # the commit, then the task worker
        callback()

    membership = EventClusterMembership.objects.get()
    assert (membership.wire_story, membership.placement) == (outcome.wire_story, Placement.STARTED)


@pytest.mark.django_db
def test_nothing_is_placed_for_a_delivery_rolled_back(django_capture_on_commit_callbacks):
    trend = AgencyFactory(name="Trend", slug="trend")
    with django_capture_on_commit_callbacks(execute=True):
        [outcome] = ingest_data(BODY, name="trend.txt", agency=trend, language="en", dry_run=True)

    assert outcome.action == Action.CREATED
    assert not WireStory.objects.exists()
    assert not EventClusterMembership.objects.exists()


@pytest.mark.django_db
def test_placing_again_changes_nothing():
    stories = [store(item) for item in load_items({"titr-aktau-kk", "titr-aktau-ru"})]
    ids = [story.pk for story in stories]

    first = place_wire_stories.enqueue(ids)
    placed = {
        m.wire_story_id: (m.cluster_id, m.placement) for m in EventClusterMembership.objects.all()
    }
    again = place_wire_stories.enqueue([*ids, max(ids) + 1000])  # and one deleted since

    assert (first.return_value, again.return_value) == (2, 0)
    assert {
        m.wire_story_id: (m.cluster_id, m.placement) for m in EventClusterMembership.objects.all()
    } == placed
    assert len(set(cluster for cluster, _ in placed.values())) == 1
    assert EventCluster.objects.count() == 1


@pytest.mark.django_db
def test_a_drop_folder_poll_is_placed_by_one_task_of_its_new_stories(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    settings.FEED_DROP_SETTLE_SECONDS = 0
    for number in range(3):
        (tmp_path / f"story-{number}.txt").write_bytes(story_text(number))
    (tmp_path / "empty.txt").write_bytes(b"")
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path), language="en")

    with django_capture_on_commit_callbacks(execute=True):
        feed_poll(feed_id=feed.pk, force=True)

    stored = list(WireStory.objects.order_by("pk").values_list("pk", flat=True))
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "articles.tasks.place_wire_stories"
    assert queued.args_kwargs == {"args": [stored], "kwargs": {}}
    assert len(stored) == 3
    assert not EventClusterMembership.objects.exists()  # until a worker runs the task


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's advisory lock and two connections (set DATABASE_URL)",
)
def test_two_workers_placing_the_same_stories_at_once_place_each_once():
    stories = [store(item) for item in load_items({"titr-aktau-kk", "titr-aktau-ru"})]
    ids = [story.pk for story in stories]
    start = threading.Barrier(2)
    results: list = []

    def worker() -> None:
        try:
            start.wait()
            results.append(place_wire_stories.enqueue(ids))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [r.status for r in results] == [TaskResultStatus.SUCCESSFUL] * 2, [
        r.errors for r in results
    ]
    memberships = EventClusterMembership.objects.order_by("at")
    assert [m.wire_story_id for m in memberships] == ids
    assert [m.placement for m in memberships] == [Placement.STARTED, Placement.MATCHED]
    assert EventCluster.objects.count() == 1
