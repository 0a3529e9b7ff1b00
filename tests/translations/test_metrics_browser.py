"""The wire-speed page on the demo data, in a real browser at desktop and phone widths
(issue 14, acceptance 1): its figures, its charts, no sideways scrolling, and axe-core finds no
violation in what the page adds to the admin. Screenshots go to artifacts/screenshots/."""

import re
from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.articles.test_accessibility import SCREENSHOTS, describe
from translations.metrics import Figures, wire_speed_figures
from translations.metrics.charts import duration_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture
def demo(live_server) -> tuple[dict, Figures]:
    """The demo loaded, an editor's session cookie, and the figures the page should show
    (computed before the browser starts: Django refuses ORM calls inside its event loop)."""
    call_command("load_demo", stdout=StringIO())
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }
    return cookie, wire_speed_figures(30)


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_the_metrics_page_shows_the_demo_figures_and_charts(demo, live_server, browser, width_name):
    cookie, figures = demo
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_cookies([cookie])
    page = context.new_page()
    response = page.goto(
        live_server.url + reverse("admin:translations_auditevent_metrics"), wait_until="load"
    )
    results = Axe().run(page, context=".wire-speed")
    headline = page.locator(".metrics-headline").inner_text()
    charts = page.locator("svg.metrics-chart")
    sizes = [charts.nth(n).bounding_box() for n in range(charts.count())]
    agencies = page.locator("#by-agency-heading + .metrics-chart-wrap text.metrics-bar-label")
    labels = agencies.all_text_contents()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"admin-metrics-{width}.png", full_page=True)
    context.close()

    assert response is not None
    assert response.status == 200
    # Nine published stories in the demo: the sample and the desk's two weeks.
    assert figures.overall.count == 9
    text = re.sub(r"\s+", " ", headline).lower()  # the labels are set in capitals
    assert f"median {duration_text(figures.overall.median)}" in text
    assert f"90th percentile {duration_text(figures.overall.p90)}" in text
    assert sorted(labels) == sorted(s.label for s in figures.by_agency)
    assert len(sizes) == 5
    assert all(box is not None and box["width"] > 200 for box in sizes)
    violations = results.response["violations"]
    assert violations == [], f"axe-core found at {width}px:\n{describe(violations)}"
    assert overflow <= 0, f"the metrics page scrolls sideways by {overflow}px at {width}px"
