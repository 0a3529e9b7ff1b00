"""The wire queue is paged without counting the wire (issue 9): each page reads its rows and
one more, says whether another page follows, and sorts only on an index."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import WireStory
from tests.factories import WireStoryFactory, event_of
from translations.admin.wire.admin import WireStoryAdmin

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_wirestory_changelist")


@pytest.fixture
def short_pages(monkeypatch):
    monkeypatch.setattr(WireStoryAdmin, "list_per_page", 2)
    monkeypatch.setattr(WireStoryAdmin, "list_max_show_all", 2)


def rows(response) -> list[int]:
    return [wire.pk for wire in response.context["cl"].result_list]


def test_pages_follow_each_other_newest_first_without_a_count(client, editor, short_pages):
    alone = {WireStoryFactory().pk for _ in range(4)}
    pair = [WireStoryFactory(), WireStoryFactory()]
    event_of(*pair)
    reports = {w.pk for w in pair}
    client.force_login(editor)

    with CaptureQueriesContext(connection) as captured:
        first = client.get(QUEUE)
    second = client.get(QUEUE, {"p": 2})
    third = client.get(QUEUE, {"p": 3})
    beyond = client.get(QUEUE, {"p": 4})

    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    shown = rows(first) + rows(second) + rows(third)
    # Every story on its own, and the event once, newest first across the pages.
    assert set(shown) - reports == alone
    assert len(set(shown) & reports) == 1
    newest_first = WireStory.objects.filter(pk__in=shown).order_by("-received_at", "-pk")
    assert shown == [w.pk for w in newest_first]
    assert "2 rows on this page, more on the next" in first.content.decode()
    assert "more on the next" in second.content.decode()
    assert "1 row on this page<" in third.content.decode().replace("\n", "")
    assert "more on the next" not in third.content.decode()
    assert beyond.status_code == 302
    assert "e=1" in beyond["Location"]


def test_a_short_queue_is_read_once(client, editor):
    WireStoryFactory()
    client.force_login(editor)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(QUEUE)

    newest_first = 'ORDER BY "articles_wirestory"."received_at" DESC'
    pages = [q for q in captured.captured_queries if newest_first in q["sql"]]
    assert len(response.context["cl"].result_list) == 1
    assert "1 row on this page" in response.content.decode()
    # The page's ids, then its rows: neither twice.
    assert len(pages) == len({q["sql"] for q in pages}) == 2


def test_only_the_received_time_sorts(client, editor):
    WireStoryFactory()
    client.force_login(editor)

    page = client.get(QUEUE).content.decode()

    assert re.findall(r'class="sortable[^"]*column-(\w+)', page) == ["received_column"]
