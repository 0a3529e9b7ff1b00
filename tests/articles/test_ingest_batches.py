"""A poll's deliveries are written together: the statements do not grow with the files, versions
and repeats inside one poll are numbered as if the files came one by one, and a batch the
database refuses, or a bug in one file, costs that file alone."""

import json
import os
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.ingest import registry
from articles.models import Attribution, FeedKind, PubStatus, WireStory
from articles.services.feeds import PollStatus, feed_poll
from articles.services.ingest import Action, deliveries, ingest_data
from tests.articles.ninjs_helpers import doc
from tests.articles.test_parse_newsml_g2 import G2
from tests.factories import AgencyFactory, FeedFactory

pytestmark = pytest.mark.django_db(transaction=True)  # files are moved once a poll commits


@pytest.fixture
def trend():
    return AgencyFactory(name="Trend", slug="trend", default_language="ru")


@pytest.fixture
def folder_feed(tmp_path, settings, trend):
    settings.FEED_DROP_SETTLE_SECONDS = 0
    return FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path), agency=trend)


def drop(folder: Path, name: str, order: int, **fields) -> Path:
    """A ninjs file; ``order`` is its place in the poll (files are taken oldest first)."""
    path = folder / name
    path.write_text(json.dumps(doc(**fields)), encoding="utf-8")
    os.utime(path, ns=(1_700_000_000_000_000_000 + order, 1_700_000_000_000_000_000 + order))
    return path


def story(number: int, text: str = "First.\n\nSecond.") -> dict:
    return {
        "uri": f"urn:batch:{number}",
        "headlines": [{"role": "main", "value": f"Story {number}"}],
        "bodies": [{"contenttype": "text/plain", "value": f"{text}\n\nSource: Trend"}],
    }


def statements_of_a_poll(feed, folder: Path, files: int, first: int) -> int:
    for number in range(first, first + files):
        drop(folder, f"{number:03}.json", number, **story(number))
    with CaptureQueriesContext(connection) as queries:
        result = feed_poll(feed_id=feed.pk, force=True)
    assert result.status == PollStatus.DONE, result
    return len(queries)


def test_a_polls_statements_do_not_grow_with_its_files(folder_feed, tmp_path, settings):
    # Placement is the worker's, afterwards: its tasks are only queued here, not run.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    few = statements_of_a_poll(folder_feed, tmp_path, 3, first=0)
    many = statements_of_a_poll(folder_feed, tmp_path, 40, first=100)

    assert many == few
    assert WireStory.objects.count() == 43
    # Each story has its credit: "Source: Trend" resolved to the agency, once a story.
    assert Attribution.objects.filter(agency__slug="trend").count() == 43


def test_versions_and_repeats_in_one_poll_are_numbered_in_file_order(folder_feed, tmp_path):
    drop(tmp_path, "a.json", 1, **story(1))
    drop(tmp_path, "b.json", 2, **story(1, text="First, corrected.\n\nSecond."))
    drop(tmp_path, "c.json", 3, **story(1))  # the first payload again
    drop(tmp_path, "d.json", 4, **story(2))

    result = feed_poll(feed_id=folder_feed.pk, force=True)

    assert [o.action for o in result.outcomes] == [
        Action.CREATED,
        Action.NEW_VERSION,
        Action.UNCHANGED,
        Action.CREATED,
    ]
    assert "unchanged, already Story 1 (Trend, v1)" in result.outcomes[2].message
    versions = WireStory.objects.filter(guid="urn:batch:1").order_by("version")
    assert [(w.version, w.paragraphs[0]) for w in versions] == [
        (1, "First."),
        (2, "First, corrected."),
    ]
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == [
        "a.json",
        "b.json",
        "c.json",
        "d.json",
    ]


def test_a_batch_the_database_refuses_is_written_file_by_file(
    folder_feed, tmp_path, trend, monkeypatch
):
    # The story arrived through another delivery after the batch looked its guid up: the look-up
    # is made to miss it, so the batch's INSERT meets the unique constraint.
    ingest_data(json.dumps(story(1)).encode(), name="earlier.json", agency=trend)
    monkeypatch.setattr(deliveries, "_stored_versions", lambda keys: {})
    drop(tmp_path, "a.json", 1, **story(1))
    drop(tmp_path, "b.json", 2, **story(2))

    result = feed_poll(feed_id=folder_feed.pk, force=True)

    assert result.status == PollStatus.DONE
    assert [o.action for o in result.outcomes] == [Action.UNCHANGED, Action.CREATED]
    assert sorted(WireStory.objects.values_list("guid", "version")) == [
        ("urn:batch:1", 1),
        ("urn:batch:2", 1),
    ]
    assert Attribution.objects.count() == 2  # nothing half-saved from the refused batch
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == ["a.json", "b.json"]


class _CrashingParser:
    """A parser with a bug, as a third-party or future one may have."""

    name = "crashing-test-parser"

    def sniff(self, data: bytes, filename: str) -> bool:
        return filename.endswith(".crash")

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list:
        raise RuntimeError("the parser's own bug")


@pytest.fixture
def crashing_parser():
    parsers = dict(registry._parsers)
    registry._parsers.clear()
    registry.register(_CrashingParser())
    registry._parsers.update(parsers)
    yield
    registry._parsers.clear()
    registry._parsers.update(parsers)


def test_a_bug_reading_one_file_fails_that_file_only(folder_feed, tmp_path, crashing_parser):
    drop(tmp_path, "a.json", 1, **story(1))
    (tmp_path / "x.crash").write_text("anything")
    drop(tmp_path, "b.json", 3, **story(2))

    result = feed_poll(feed_id=folder_feed.pk, force=True)

    assert result.status == PollStatus.DONE
    assert sorted(WireStory.objects.values_list("guid", flat=True)) == [
        "urn:batch:1",
        "urn:batch:2",
    ]
    reason = (tmp_path / "failed" / "x.crash.reason.txt").read_text()
    assert reason == (
        "x.crash: unexpected error, nothing of this file was written: "
        "RuntimeError: the parser's own bug\n"
    )
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == ["a.json", "b.json"]
    folder_feed.refresh_from_db()
    assert "x.crash: unexpected error" in folder_feed.last_error


def test_a_bug_writing_one_file_fails_that_file_only(folder_feed, tmp_path, monkeypatch):
    real = deliveries.attributions_of

    def attributions_of(item, wire_story, directory):
        if item.guid == "urn:batch:2":
            raise RuntimeError("a bug met writing this story")
        return real(item, wire_story, directory)

    monkeypatch.setattr(deliveries, "attributions_of", attributions_of)
    monkeypatch.setattr("articles.services.ingest.items.attributions_of", attributions_of)
    for number in (1, 2, 3):
        drop(tmp_path, f"{number}.json", number, **story(number))

    result = feed_poll(feed_id=folder_feed.pk, force=True)

    assert result.status == PollStatus.DONE
    assert sorted(WireStory.objects.values_list("guid", flat=True)) == [
        "urn:batch:1",
        "urn:batch:3",
    ]
    assert Attribution.objects.count() == 2
    reason = (tmp_path / "failed" / "2.json.reason.txt").read_text()
    assert "unexpected error, nothing of this file was written: RuntimeError" in reason
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == ["1.json", "3.json"]


def test_a_cancel_notice_in_the_poll_that_brings_its_story_keeps_its_text(folder_feed, tmp_path):
    for order, name in enumerate(["stt-update.xml", "stt-cancel.xml"]):
        path = tmp_path / name
        path.write_bytes((G2 / "agencies" / name).read_bytes())
        os.utime(path, ns=(1_700_000_000_000_000_000 + order,) * 2)

    result = feed_poll(feed_id=folder_feed.pk, force=True)

    assert [o.action for o in result.outcomes] == [Action.CREATED, Action.NEW_VERSION]
    first, canceled = WireStory.objects.order_by("version")
    assert (canceled.version, canceled.pub_status) == (2, PubStatus.CANCELED)
    assert (canceled.headline, canceled.paragraphs) == (first.headline, first.paragraphs)
