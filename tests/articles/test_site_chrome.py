"""What every public page carries: skip link, one h1, section navigation, search form, and
nothing that would make the reader's browser ask another host for anything."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import html

from articles.models import StoryStatus
from tests.factories import (
    AgencyFactory,
    AttributionFactory,
    ImageFactory,
    PublishedStoryFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db) -> dict[str, str]:
    world = SectionFactory(name="World", slug="world", position=2)
    SectionFactory(name="Business", slug="business", position=1)
    trend = AgencyFactory(name="Trend", slug="trend")
    story = PublishedStoryFactory(section=world, lead_image=ImageFactory())
    AttributionFactory(story=story, agency=trend)
    withdrawn = PublishedStoryFactory(
        status=StoryStatus.WITHDRAWN,
        withdrawn_at=timezone.now(),
        withdrawal_note="The agency retracted its story.",
    )
    return {
        "home": reverse("articles:home"),
        "section": world.get_absolute_url(),
        "agency": trend.get_absolute_url(),
        "story": story.get_absolute_url(),
        "withdrawn": withdrawn.get_absolute_url(),
        "search": reverse("articles:search") + "?q=headline",
    }


PAGE_NAMES = ["home", "section", "agency", "story", "withdrawn", "search"]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_has_skip_link_landmarks_and_one_h1(client, pages, name):
    response = client.get(pages[name])

    assert response.status_code == (410 if name == "withdrawn" else 200)
    page = html.fromstring(response.content)
    skip = page.xpath("//body//a")[0]
    assert skip.text_content() == "Skip to content"
    assert skip.get("href") == "#main"
    assert len(page.xpath("//main[@id='main']")) == 1
    assert len(page.xpath("//h1")) == 1
    assert page.xpath("//nav[@aria-label='Sections']")


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_loads_nothing_from_another_host(client, pages, name):
    page = html.fromstring(client.get(pages[name]).content)

    loaded = [
        *page.xpath("//link[@rel='stylesheet' or @rel='preload' or @rel='icon']/@href"),
        *page.xpath("//script/@src | //img/@src | //iframe/@src | //video/@src"),
        *(
            candidate.split()[0]
            for srcset in page.xpath("//@srcset")
            for candidate in srcset.split(",")
        ),
    ]
    assert loaded
    assert [url for url in loaded if urlsplit(url).netloc] == []


def test_stylesheet_uses_system_fonts_and_loads_nothing():
    css = Path(finders.find("css/site.css")).read_text()

    assert "system-ui" in css
    assert "@font-face" not in css
    assert "@import" not in css
    assert "url(" not in css


def test_navigation_lists_sections_in_site_order_and_marks_the_current_one(client, pages):
    page = html.fromstring(client.get(pages["section"]).content)

    [nav] = page.xpath("//nav[@aria-label='Sections']")
    links = [(a.text_content(), a.get("href"), a.get("aria-current")) for a in nav.iter("a")]
    assert links == [
        ("Latest", "/", None),
        ("Business", "/sections/business/", None),
        ("World", "/sections/world/", "page"),
    ]


def test_navigation_is_cached_across_pages(client, pages):
    client.get(pages["home"])

    with CaptureQueriesContext(connection) as queries:
        response = client.get(pages["agency"])

    assert response.status_code == 200
    assert [q for q in queries if 'FROM "articles_section"' in q["sql"]] == []


def test_renaming_a_section_in_the_admin_shows_in_the_navigation_at_once(
    client, pages, superuser, django_capture_on_commit_callbacks
):
    assert "World" in client.get(pages["home"]).text
    client.force_login(superuser)
    world = SectionFactory(slug="world")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:articles_section_change", args=[world.pk]),
            {"name": "International", "slug": "world", "position": 2},
        )
    client.logout()

    assert response.status_code == 302
    [nav] = html.fromstring(client.get(pages["home"]).content).xpath("//nav[@aria-label]")
    assert "International" in nav.text_content()
    assert "World" not in nav.text_content()


def test_search_form_is_in_the_header_with_a_label(client, pages):
    page = html.fromstring(client.get(pages["story"]).content)

    [form] = page.xpath("//header//form[@role='search']")
    assert form.get("action") == reverse("articles:search")
    assert form.get("method") == "get"
    [field] = form.xpath(".//input[@name='q']")
    assert page.xpath(f"//label[@for='{field.get('id')}']")[0].text_content() == "Search stories"


def test_search_form_keeps_the_query(client, pages):
    page = html.fromstring(client.get(pages["search"]).content)

    assert page.xpath("//form[@role='search']//input[@type='search']/@value") == ["headline"]
