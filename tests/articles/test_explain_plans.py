"""Every read path at archive scale: each statement a page runs is an index look-up or an
index-ordered range with a LIMIT, never a sequential scan of a big table nor a count of the
archive (tests/explain.py says exactly what is refused). PostgreSQL, 100,000 stories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.explain import explainable, plan_problems

# One worker seeds the archive (a module fixture) and runs all of them (`make test`'s loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.django_db, pytest.mark.xdist_group("archive")]

PUBLIC_URLS = [
    "/",
    "/?page=3",
    "/sections/{archive.section}/",
    "/sections/{archive.section}/?page=5",
    "/agencies/{archive.agency}/",
    "/agencies/{archive.agency}/?role=original_reporter",
    "/news/{archive.story}/",
    "/news/{archive.withdrawn}/",
    "/search/?q=Aktau",
    "/search/?q=energy",  # in one story of eight: only the newest matches are ranked
    "/feeds/latest.rss",
    "/feeds/latest.atom",
    "/sections/{archive.section}/feed.rss",
    "/agencies/{archive.agency}/feed.atom",
    "/sitemap.xml",
    "/sitemap-site.xml",
    "/sitemap-stories-{archive.month}.xml",
    "/sitemap-news.xml",
    "/api/ninjs/stories/",
    "/api/ninjs/3.1/stories/?page=4",
    "/api/ninjs/2.2/stories/{archive.story}/",
]
ADMIN_URLS = [
    "/admin/",
    "/admin/articles/story/",
    "/admin/articles/wirestory/",
    "/admin/articles/wirestory/?p=3",
    "/admin/articles/wirestory/?state=in_translation",
    "/admin/articles/wirestory/?language__exact=ru",
    "/admin/articles/wirestory/?q=4242",
    "/admin/translations/auditevent/",
    "/admin/translations/glossaryterm/",
]


def assert_plans_scale(client, url: str) -> None:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code in (200, 410), url
    statements = [q["sql"] for q in captured.captured_queries if explainable(q["sql"])]
    assert statements, url
    failing = [(plan_problems(sql), sql) for sql in statements]
    failing = [f"{'; '.join(found)}: {sql[:400]}" for found, sql in failing if found]
    assert not failing, f"{url}:\n" + "\n".join(failing)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_read_no_more_than_they_show(client, archive, url):
    assert_plans_scale(client, url.format(archive=archive))


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_admin_lists_read_no_more_than_they_show(client, archive, url):
    client.force_login(archive.superuser)
    assert_plans_scale(client, url)
