"""Drop folders: files taken once complete, moved to done/ or failed/ with the reason beside
them, nothing deleted, nothing taken twice. Acceptance 2 of issue 11 is the first test."""

import threading
import time
from pathlib import Path

import pytest

from articles.intake.dropfolder import ready_files
from articles.models import Feed, FeedKind, WireStory
from articles.services.feeds import PollStatus, feed_poll
from tests.factories import FeedFactory

GOOD = 180
BAD = 20


def story_text(number: int) -> bytes:
    return (
        f"Grain harvest report number {number}\n\n"
        f"ASTANA, March 5 /Kazinform/ - Farmers in region {number} finished sowing spring wheat "
        "a week earlier than last year, the ministry said.\n\n"
        "The ministry expects a larger harvest if the summer stays wet.\n"
    ).encode()


BAD_FILES = [
    b"\xff\xfe not UTF-8 at all",  # bytes no parser can read
    b'{"uri": "urn:x", "headlines": "not a list"}',  # ninjs that fails its schema
    b"",  # an empty file
    b"<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='x'><itemMeta>",  # cut short
]


def write_deliveries(folder: Path, finished: threading.Event) -> None:
    """What an agency's uploader does: 200 files, some under a temporary name then renamed,
    some written in two halves straight under their final name, some bad."""
    try:
        for number in range(GOOD + BAD):
            if number % 10 == 9:
                data, name = BAD_FILES[number % len(BAD_FILES)], f"bad-{number:03}.txt"
            else:
                data, name = story_text(number), f"story-{number:03}.txt"
            if number % 2:
                temporary = folder / f".{name}.part"
                temporary.write_bytes(data)
                temporary.rename(folder / name)
            else:
                with open(folder / name, "wb") as handle:
                    handle.write(data[: len(data) // 2])
                    handle.flush()
                    time.sleep(0.002)
                    handle.write(data[len(data) // 2 :])
    finally:
        finished.set()


def waiting(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.is_file()]


@pytest.mark.django_db(transaction=True)
def test_acceptance_200_files_while_the_worker_polls(tmp_path, settings):
    settings.FEED_DROP_SETTLE_SECONDS = 0.05
    folder = tmp_path / "incoming"
    folder.mkdir()
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(folder), language="en")
    finished = threading.Event()
    writer = threading.Thread(target=write_deliveries, args=(folder, finished))
    writer.start()
    polls = 0
    deadline = time.monotonic() + 120
    while (not finished.is_set() or waiting(folder)) and time.monotonic() < deadline:
        feed_poll(feed_id=feed.pk, force=True)
        polls += 1
        time.sleep(0.02)
    writer.join()

    done = sorted(p.name for p in (folder / "done").iterdir())
    failed = sorted(p.name for p in (folder / "failed").iterdir())
    assert polls > 1
    assert waiting(folder) == []
    assert len(done) == GOOD
    assert all(name.startswith("story-") for name in done)
    assert [n for n in failed if not n.endswith(".reason.txt")] == [
        f"bad-{n:03}.txt" for n in range(GOOD + BAD) if n % 10 == 9
    ]
    assert len([n for n in failed if n.endswith(".reason.txt")]) == BAD
    assert WireStory.objects.count() == GOOD
    headlines = set(WireStory.objects.values_list("headline", flat=True))
    assert headlines == {f"Grain harvest report number {n}" for n in range(200) if n % 10 != 9}
    assert not list(folder.glob(".*"))  # no temporary name left behind
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0
    assert feed.last_new_item_at is not None


@pytest.mark.django_db(transaction=True)
def test_failed_file_has_its_reason_beside_it(tmp_path, settings):
    settings.FEED_DROP_SETTLE_SECONDS = 0
    (tmp_path / "broken.json").write_bytes(b'{"uri": "urn:x", "headlines": "not a list"}')
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path))
    result = feed_poll(feed_id=feed.pk, force=True)
    assert result.status == PollStatus.FAILED  # every file it took failed
    reason = (tmp_path / "failed" / "broken.json.reason.txt").read_text()
    assert reason.startswith("broken.json: ")
    assert "headlines" in reason
    assert (tmp_path / "failed" / "broken.json").read_bytes().startswith(b'{"uri"')
    feed.refresh_from_db()
    assert feed.consecutive_failures == 1
    assert "broken.json" in feed.last_error


@pytest.mark.django_db(transaction=True)
def test_incomplete_files_wait(tmp_path, settings):
    settings.FEED_DROP_SETTLE_SECONDS = 60
    (tmp_path / "fresh.txt").write_bytes(story_text(1))
    (tmp_path / "upload.tmp").write_bytes(story_text(2))
    (tmp_path / ".hidden.txt").write_bytes(story_text(3))
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path), language="en")
    assert feed_poll(feed_id=feed.pk, force=True).message == "no complete file waiting"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden.txt", "fresh.txt", "upload.tmp"]

    settings.FEED_DROP_SETTLE_SECONDS = 0
    feed_poll(feed_id=feed.pk, force=True)
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == ["fresh.txt"]
    assert WireStory.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_file_sent_twice_is_kept_twice_and_ingested_once(tmp_path, settings):
    settings.FEED_DROP_SETTLE_SECONDS = 0
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path), language="en")
    for _ in range(2):
        (tmp_path / "story.txt").write_bytes(story_text(7))
        feed_poll(feed_id=feed.pk, force=True)
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == ["story.2.txt", "story.txt"]
    assert WireStory.objects.count() == 1


@pytest.mark.django_db
def test_missing_folder_is_a_failure_with_its_reason(tmp_path):
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path / "nowhere"))
    result = feed_poll(feed_id=feed.pk, force=True)
    assert result.status == PollStatus.FAILED
    assert Feed.objects.get().last_error == (
        f"the drop folder {tmp_path / 'nowhere'} does not exist or is not a directory"
    )


@pytest.mark.django_db(transaction=True)
def test_a_file_another_worker_filed_away_since_the_listing_is_no_failure(
    tmp_path, settings, monkeypatch
):
    """Two workers may poll one folder in turn: the second can list a file that the first files
    away as its poll commits. The file is skipped, not failed, and the rest goes in."""
    settings.FEED_DROP_SETTLE_SECONDS = 0
    for number in range(3):
        (tmp_path / f"story-{number}.txt").write_bytes(story_text(number))
    feed = FeedFactory(kind=FeedKind.FOLDER, url="", folder=str(tmp_path), language="en")
    listed = ready_files(tmp_path, settle=0)
    (tmp_path / "done").mkdir()
    listed[0].rename(tmp_path / "done" / listed[0].name)  # the other worker's poll committed
    monkeypatch.setattr("articles.services.feeds.ready_files", lambda folder, settle: listed)

    result = feed_poll(feed_id=feed.pk, force=True)

    assert result.status == PollStatus.DONE
    assert result.message == "2 files taken"
    assert WireStory.objects.count() == 2
    assert not (tmp_path / "failed").exists()
