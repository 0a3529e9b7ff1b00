"""The wire queue at 100,000 wire stories in events: one page of one row per event.

The wire of 100,000 stories (bench_clusters' background: two or three reports per event, in five
languages, within 72 hours) is the queue a translator opens. Prints the page's queries and its
median time, unfiltered, filtered on an agency and on the "new" state, and searched. The
figures that matter are PostgreSQL's.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Agency, WireStory
from bench.bench_clusters import BACKGROUND, _background_other, _background_postgresql
from bench.budgets import figure

ORDER = 60
ROUNDS = 5


def run() -> None:
    agency, _ = Agency.objects.get_or_create(name="Bench queue", slug="bench-queue")
    # bench_clusters' background (or, with --keepdb, an earlier run's) is the queue already.
    if WireStory.objects.count() < BACKGROUND:
        if connection.vendor == "postgresql":
            _background_postgresql(agency, timezone.now())
        else:
            _background_other(agency, timezone.now())
    print(f"wire: {WireStory.objects.count():,} stories")
    busiest = Agency.objects.annotate(stories=Count("wire_stories")).order_by("-stories")[0]
    translator, _ = get_user_model().objects.get_or_create(
        username="bench-queue-translator", is_staff=True
    )
    translator.groups.add(Group.objects.get(name="Translators"))
    client = Client()
    client.force_login(translator)
    queue = reverse("admin:articles_wirestory_changelist")
    pages = {
        "unfiltered": {},
        "one agency": {"agency__id__exact": busiest.pk},
        "state new": {"state": "new"},
        "searched": {"q": "story 4242"},
    }
    for name, query in pages.items():
        client.get(queue, query)  # warm the connection, templates and permissions
        times, queries = [], 0
        for _round in range(ROUNDS):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(queue, query)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
            queries = len(captured)
        rows = len(response.context["cl"].result_list)
        print(
            f"queue, {name}: {rows} rows, {queries} queries, "
            f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
        )
        if name == "unfiltered":
            # No budget until it is measured on a quiet machine (see bench/README.md).
            figure(
                f"queue: one page at {BACKGROUND:,} wire stories (median)",
                statistics.median(times) * 1000,
                "ms",
            )
