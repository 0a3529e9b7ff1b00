"""Issue 13, acceptance 4 (the desk's part): axe-core finds no violation on the translation desk,
the review page and the editors' dashboard, at 1280 and 390 px, and on a phone the desk's action
bar never covers a fifth of the window. Screenshots go to artifacts/screenshots/."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse

from articles.models import StoryStatus
from tests.articles.test_accessibility import SCREENSHOTS, describe
from tests.factories import EditorFactory, TranslatorFactory, story_in_state
from tests.translations.desk_helpers import editor_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
LONG = " ".join(["A long paragraph that wraps over several lines on a phone."] * 6)


def _cookie(user, live_server) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


@pytest.fixture
def pages(live_server) -> dict[str, tuple[str, dict]]:
    """A draft on the desk with a warning, an empty paragraph and a long one; a story in review;
    each page with the session of the person who works on it (made before the browser starts)."""
    translator, editor = TranslatorFactory(), EditorFactory()
    draft = story_in_state(
        StoryStatus.DRAFT,
        assignee=translator,
        body=['First paragraph, "so to speak".', "", LONG],
    )
    in_review = story_in_state(StoryStatus.IN_REVIEW, assignee=TranslatorFactory())
    return {
        "desk": (editor_url(draft), _cookie(translator, live_server)),
        "review": (
            reverse("admin:articles_story_review", args=[in_review.pk]),
            _cookie(editor, live_server),
        ),
        "dashboard": (reverse("admin:index"), _cookie(editor, live_server)),
    }


@pytest.mark.parametrize("page_name", ["desk", "review", "dashboard"])
@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_the_desk_review_and_dashboard_are_accessible(
    pages, live_server, browser, page_name, width_name
):
    url, cookie = pages[page_name]
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_cookies([cookie])
    page = context.new_page()
    response = page.goto(live_server.url + url, wait_until="load")
    results = Axe().run(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"admin-{page_name}-{width}.png", full_page=True)
    context.close()

    assert response is not None
    assert response.status == 200
    violations = results.response["violations"]
    assert violations == [], f"axe-core found on {page_name} at {width}px:\n{describe(violations)}"
    assert overflow <= 0, f"{page_name} scrolls sideways by {overflow}px at {width}px"


COVERED = """() => {
    // The share of the window's height that elements fixed or stuck in place cover.
    let covered = 0;
    for (const element of document.querySelectorAll("body *")) {
        const position = getComputedStyle(element).position;
        if (position !== "fixed" && position !== "sticky") continue;
        const box = element.getBoundingClientRect();
        const top = Math.max(0, box.top), bottom = Math.min(window.innerHeight, box.bottom);
        if (bottom > top && box.width > 0) covered = Math.max(covered, bottom - top);
    }
    return covered / window.innerHeight;
}"""


def test_on_a_phone_the_desk_leaves_the_text_in_sight_and_the_buttons_in_thumb_reach(
    pages, live_server, browser
):
    url, cookie = pages["desk"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.add_cookies([cookie])
    page = context.new_page()
    page.goto(live_server.url + url, wait_until="load")
    shares = []
    for fraction in (0, 0.5, 1):
        page.evaluate(f"window.scrollTo(0, document.body.scrollHeight * {fraction})")
        shares.append(page.evaluate(COVERED))
    heights = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            ".desk-actions button, .desk-target button, .desk-target textarea"
        )).map((e) => Math.round(e.getBoundingClientRect().height))"""
    )
    long_box = page.evaluate(
        "(() => { const b = document.getElementById('id_p-2-text');"
        " return b.scrollHeight - b.clientHeight; })()"
    )
    context.close()

    assert max(shares) < 0.2, f"fixed or sticky bars cover {max(shares):.0%} of the window"
    assert min(heights) >= 44, f"controls under 44 px high: {sorted(heights)[:5]}"
    assert long_box <= 2, "a long paragraph's box grows with its text"


def test_on_a_phone_the_review_is_worked_with_one_thumb(pages, live_server, browser):
    url, cookie = pages["review"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.add_cookies([cookie])
    page = context.new_page()
    page.goto(live_server.url + url, wait_until="load")
    heights = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            "#content button, #content .button, .workflow-move summary"
        )).filter((e) => e.offsetParent !== null)
          .map((e) => Math.round(e.getBoundingClientRect().height))"""
    )
    context.close()

    assert heights, "the review offers buttons"
    assert min(heights) >= 44, f"controls under 44 px high: {sorted(heights)[:5]}"
