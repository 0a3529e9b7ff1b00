"""In a real browser, the Content-Security-Policy blocks nothing the site itself uses: no violation
is reported on the public pages, the admin or the translation desk (desk.js, autosave)."""

import pytest
from playwright.sync_api import Browser

from articles.models import StoryStatus
from tests.articles.test_accessibility import browser, chromium_path, demo  # noqa: F401
from tests.factories import TranslatorFactory, story_in_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a translator's long password"
# Registered before any page script runs; Playwright's init scripts are not subject to the CSP.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


@pytest.fixture
def desk(demo):  # noqa: F811
    translator = TranslatorFactory(username="tina")
    translator.set_password(PASSWORD)
    translator.save()
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    return {
        "admin": "/admin/",
        "queue": "/admin/articles/wirestory/",
        "stories": "/admin/articles/story/",
        "desk": f"/admin/articles/story/{story.pk}/translate/",
        "change": f"/admin/articles/story/{story.pk}/change/",
    }


def visit(page, url: str) -> list[str]:
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(url, wait_until="networkidle")
    assert response is not None
    assert response.status == 200, url
    assert response.headers["content-security-policy"]
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations") + console


def test_no_csp_violation_on_public_pages_admin_and_desk(
    demo,  # noqa: F811
    desk,
    live_server,
    browser: Browser,  # noqa: F811
):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for name, url in demo.items():
        found[name] = visit(page, live_server.url + url)

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "tina")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    for name, url in desk.items():
        found[name] = visit(page, live_server.url + url)
    # The desk's script runs under the policy: Alt+Down moves to the next paragraph.
    page.locator("textarea").first.focus()
    page.keyboard.press("Alt+ArrowDown")
    found["desk keys"] = page.evaluate("window.__cspViolations")
    context.close()

    assert {name: v for name, v in found.items() if v} == {}
