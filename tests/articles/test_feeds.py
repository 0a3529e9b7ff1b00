"""Feeds polled over HTTP against a real local server: conditional GET, health, failures and
backoff, limits, the admin and the dashboard. Acceptance 1 of issue 11 is the first test."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from articles.models import Feed, WireStory
from articles.services.feeds import PollStatus, due_feed_ids, feed_poll
from articles.tasks import poll_feed
from tests.articles.feed_server import Route
from tests.articles.test_parse_newsml_g2 import G2
from tests.articles.test_parse_syndication import RSS
from tests.factories import FeedFactory

pytestmark = pytest.mark.django_db

RSS_BODY = (RSS / "reuters-world.rss").read_bytes()
G2_BODY = (G2 / "agencies" / "ap-earnings-writethru.xml").read_bytes()


def poll(feed: Feed) -> dict:
    """Poll through the task, as the worker does (the immediate backend runs it here)."""
    result = poll_feed.enqueue(feed.pk, True)
    feed.refresh_from_db()
    return result.return_value


def test_acceptance_rss_then_newsml_g2_then_304(feed_server, client, editor):
    feed_server.routes["/wire"] = Route(RSS_BODY, etag='"rss-1"')
    feed = FeedFactory(url=feed_server.url("/wire"))

    assert poll(feed)["status"] == PollStatus.DONE
    assert WireStory.objects.filter(format="rss").count() == 3
    first_success = feed.last_success_at
    assert first_success is not None
    assert feed.last_new_item_at == first_success
    assert (feed.consecutive_failures, feed.last_error) == (0, "")

    feed_server.routes["/wire"] = Route(G2_BODY, etag='"g2-1"')
    assert poll(feed)["status"] == PollStatus.DONE
    assert WireStory.objects.filter(format="newsml-g2").count() == 2
    assert feed.etag == '"g2-1"'

    assert poll(feed) == {
        "feed": feed.pk,
        "status": "not modified",
        "message": "HTTP 304 Not Modified",
    }
    assert feed_server.requests[-1][1]["If-None-Match"] == '"g2-1"'
    assert WireStory.objects.count() == 5  # each item once
    assert feed.last_success_at > first_success

    feed_server.routes["/wire"] = Route(b"Internal Server Error", status=500)
    assert poll(feed)["status"] == PollStatus.FAILED
    assert feed.consecutive_failures == 1
    assert f"{feed_server.url('/wire')} answered HTTP 500 Internal Server Error" in feed.last_error
    assert WireStory.objects.count() == 5

    client.force_login(editor)
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert "Feeds failing or idle" in dashboard
    assert "failing (1 in a row)" in dashboard
    assert "HTTP 500" in dashboard


def test_idle_feed_shows_in_red_on_the_dashboard_and_in_the_admin(client, editor, superuser):
    quiet = FeedFactory(name="Quiet wire", idle_after=timedelta(hours=1))
    Feed.objects.filter(pk=quiet.pk).update(
        created_at=timezone.now() - timedelta(days=2),
        last_new_item_at=timezone.now() - timedelta(hours=3),
    )
    FeedFactory(name="Lively wire")  # created just now: not idle yet

    client.force_login(editor)
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert "Quiet wire" in dashboard
    assert "Lively wire" not in dashboard
    assert 'class="workflow-flag feed-alert">idle: nothing new since' in dashboard

    client.force_login(superuser)
    changelist = client.get(reverse("admin:articles_feed_changelist")).content.decode()
    assert 'class="workflow-flag feed-alert">idle: nothing new since' in changelist
    assert "css/review.css" in changelist


def test_same_body_without_etag_writes_nothing(feed_server):
    feed_server.routes["/plain"] = Route(RSS_BODY)
    feed = FeedFactory(url=feed_server.url("/plain"))
    poll(feed)
    stories = list(WireStory.objects.values_list("pk", flat=True))
    new_item_at = feed.last_new_item_at
    assert poll(feed)["message"] == "the same content as last time"
    assert list(WireStory.objects.values_list("pk", flat=True)) == stories
    assert feed.last_new_item_at == new_item_at


def test_failures_back_off_exponentially_and_success_resets(feed_server):
    feed_server.routes["/down"] = Route(b"", status=503)
    feed = FeedFactory(url=feed_server.url("/down"), poll_interval=timedelta(minutes=5))
    for _ in range(3):
        poll(feed)
    assert feed.consecutive_failures == 3
    assert feed.next_poll_at == feed.last_attempt_at + timedelta(minutes=40)
    assert not feed.is_due(feed.last_attempt_at + timedelta(minutes=39))
    assert feed.pk not in due_feed_ids()
    # A scheduled poll that is not due leaves the feed alone.
    assert feed_poll(feed_id=feed.pk).status == PollStatus.NOT_DUE
    feed.consecutive_failures = 30
    assert feed.backoff == timedelta(hours=6)

    feed_server.routes["/down"] = Route(RSS_BODY)
    poll(feed)
    assert (feed.consecutive_failures, feed.last_error) == (0, "")
    assert feed.next_poll_at == feed.last_attempt_at + timedelta(minutes=5)


def test_body_over_the_size_limit_is_aborted(feed_server, settings):
    settings.FEED_MAX_BYTES = 20 * 1024 * 1024
    fifty_mb = 50 * 1024 * 1024
    feed_server.routes["/declared"] = Route(size=fifty_mb)
    feed_server.routes["/streamed"] = Route(size=fifty_mb, declare_length=False)
    declared = FeedFactory(url=feed_server.url("/declared"))
    streamed = FeedFactory(url=feed_server.url("/streamed"))
    poll(declared)
    poll(streamed)
    assert f"sends {fifty_mb} bytes, over the limit of 20971520 bytes" in declared.last_error
    assert "sent more than the limit of 20971520 bytes: aborted" in streamed.last_error
    assert not WireStory.objects.exists()


def test_slow_servers_time_out(feed_server, settings):
    settings.FEED_HTTP_TIMEOUT = 0.5
    feed_server.routes["/silent"] = Route(RSS_BODY, delay=2)
    feed_server.routes["/trickle"] = Route(RSS_BODY, trickle=0.2)
    silent = FeedFactory(url=feed_server.url("/silent"))
    trickle = FeedFactory(url=feed_server.url("/trickle"))
    poll(silent)
    poll(trickle)
    assert "Read timed out" in silent.last_error
    assert "took longer than 0.5 s to send its body" in trickle.last_error
    assert silent.consecutive_failures == trickle.consecutive_failures == 1


def test_unreachable_and_unreadable_feeds_fail_with_their_reason(feed_server):
    feed_server.routes["/html"] = Route(b"<html><body>Maintenance</body></html>")
    html = FeedFactory(url=feed_server.url("/html"))
    gone = FeedFactory(url=feed_server.url("/missing"))
    poll(html)
    poll(gone)
    assert html.last_error.startswith("1 of 1 items failed:")
    assert "unrecognised format" in html.last_error
    assert "answered HTTP 404" in gone.last_error


def test_a_feed_set_to_one_format_uses_that_parser(feed_server):
    feed_server.routes["/g2"] = Route(G2_BODY)
    feed = FeedFactory(url=feed_server.url("/g2"), format="rss")
    poll(feed)
    # NewsML-G2 read as RSS: feedparser finds no entry, so nothing goes in.
    assert not WireStory.objects.exists()
    feed.format = "newsml-g2"
    feed.save()
    Feed.objects.filter(pk=feed.pk).update(content_checksum="")
    poll(feed)
    assert WireStory.objects.count() == 2


def test_poll_feeds_command_polls_due_feeds_once(feed_server):
    feed_server.routes["/ok"] = Route(RSS_BODY)
    feed_server.routes["/bad"] = Route(b"", status=500)
    FeedFactory(name="Good wire", url=feed_server.url("/ok"))
    FeedFactory(name="Broken wire", url=feed_server.url("/bad"))
    FeedFactory(name="Switched off", url=feed_server.url("/ok"), enabled=False)

    with pytest.raises(CommandError, match=r"1 feed failed"):
        call_command("poll_feeds", "--once", verbosity=1)
    assert WireStory.objects.count() == 3
    assert Feed.objects.get(name="Broken wire").consecutive_failures == 1
    assert Feed.objects.get(name="Switched off").last_attempt_at is None

    # Not due again for five minutes: a second run polls nothing.
    requests = len(feed_server.requests)
    call_command("poll_feeds", "--once", verbosity=0)
    assert len(feed_server.requests) == requests


def test_poll_feeds_dry_run_lists_due_feeds(capsys):
    FeedFactory(name="Due wire")
    call_command("poll_feeds", "--dry-run")
    out = capsys.readouterr().out
    assert "would poll Due wire" in out
    assert Feed.objects.get().last_attempt_at is None


def test_admin_poll_now_enqueues_a_poll(
    feed_server, client, superuser, django_capture_on_commit_callbacks
):
    feed_server.routes["/wire"] = Route(RSS_BODY)
    feed = FeedFactory(url=feed_server.url("/wire"))
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:articles_feed_changelist"),
            {"action": "poll_now", "_selected_action": [feed.pk]},
            follow=True,
        )
    assert "Polling 1 feed in the background" in response.content.decode()
    feed.refresh_from_db()
    assert feed.last_success_at is not None
    assert WireStory.objects.count() == 3


def test_feed_constraints_hold_in_the_database():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        FeedFactory(kind="folder", url="https://example.com/feed", folder="")
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedFactory(poll_interval=timedelta(hours=3), idle_after=timedelta(hours=1))
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedFactory(format="nitf")
