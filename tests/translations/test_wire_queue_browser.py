"""The wire queue in a real browser (issue 13): at 1280 px the table fits its box, at 390 px the
page does not scroll sideways, the preview opens from the keyboard, and axe-core finds no
violation at either width. Screenshots go to artifacts/screenshots/."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.articles.test_accessibility import SCREENSHOTS, describe
from tests.factories import AgencyFactory, TranslatorFactory, WireStoryFactory, event_of
from translations.services.desk import wire_story_claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture
def queue(live_server) -> tuple[dict, str]:
    """A morning's wire: an event of three agencies (one report claimed), stories on their own,
    and a translator's session cookie."""
    sent = timezone.now() - timedelta(hours=3)
    trend = AgencyFactory(name="Trend", slug="trend")
    kazinform = AgencyFactory(name="Kazinform", slug="kazinform")
    akipress = AgencyFactory(name="AKIpress", slug="akipress")
    long_paragraph = (
        "Министр транспорта заявил, что грузооборот по Транскаспийскому международному "
        "транспортному маршруту вырос на 37 % по сравнению с 2014 годом, а порт Алат "
        "принял первые контейнерные поезда из Китая."
    )
    reports = [
        WireStoryFactory(
            agency=agency,
            language=language,
            headline=headline,
            dateline=dateline,
            paragraphs=[long_paragraph] * paragraphs,
            sent_at=sent + timedelta(minutes=20 * n),
        )
        for n, (agency, language, headline, dateline, paragraphs) in enumerate(
            [
                (trend, "ru", "Алат принял 37 % грузов Транскаспийского маршрута", "БАКУ", 2),
                (kazinform, "kk", "Алат порты: Транскаспий бағыты бойынша 37 пайыз", "БАКУ", 5),
                (akipress, "en", "Alat port handles 37% of Trans-Caspian cargo", "BAKU", 3),
            ]
        )
    ]
    event_of(*reports, why="same numbers 37 %, 2014; same names Alat, Trans-Caspian; 40 min apart")
    for n in range(4):
        WireStoryFactory(
            agency=[trend, kazinform, akipress][n % 3],
            headline=f"Переговоры в Астане о водных ресурсах Центральной Азии, день {n + 1}",
            dateline="АСТАНА",
            paragraphs=[long_paragraph, long_paragraph],
        )
    translator = TranslatorFactory(first_name="Aigerim", last_name="Sadykova")
    wire_story_claim(wire_story=reports[0], actor=translator)
    client = Client()
    client.force_login(TranslatorFactory())
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }
    return cookie, reports[1].headline


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_the_wire_queue_fits_previews_and_is_accessible(queue, live_server, browser, width_name):
    cookie, complete_headline = queue
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_cookies([cookie])
    page = context.new_page()
    response = page.goto(
        live_server.url + reverse("admin:articles_wirestory_changelist"), wait_until="load"
    )
    results = Axe().run(page)
    rows = page.locator("#result_list tbody tr").count()
    table_overflow = page.evaluate(
        "(() => { const t = document.querySelector('#result_list');"
        " return t.scrollWidth - t.closest('.results').clientWidth; })()"
    )
    page_overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    # The event's preview, opened from the keyboard.
    summary = page.locator("summary", has_text=complete_headline)
    summary.focus()
    page.keyboard.press("Enter")
    preview = page.locator("details[open] .wire-preview-body").inner_text()
    opened_results = Axe().run(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"admin-wire-queue-{width}.png", full_page=True)
    context.close()

    assert response is not None
    assert response.status == 200
    # The event is one row; four stories on their own are four.
    assert rows == 5
    violations = results.response["violations"] + opened_results.response["violations"]
    assert violations == [], f"axe-core found at {width}px:\n{describe(violations)}"
    assert table_overflow <= 0, f"the queue's table overflows its box by {table_overflow}px"
    assert page_overflow <= 0, f"the queue scrolls sideways by {page_overflow}px at {width}px"
    assert "BAKU" in preview or "БАКУ" in preview
    assert "Reports of this event" in preview
    assert "covered by" in preview
