"""Issue 13: split, merge, drop and acknowledge on the desk without a page reload where
JavaScript runs, keeping focus and the unsaved text of other paragraphs, and writing no revision;
Tab goes box to box. Without JavaScript the same buttons are plain form posts."""

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from articles.models import Story
from tests.articles.test_accessibility import CHROMIUM_ARGS, chromium_path
from tests.factories import TranslatorFactory, WireStoryFactory
from tests.translations.desk_helpers import editor_url
from translations.models import QAAcknowledgement
from translations.services.desk import wire_story_claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
SOURCE = ["Первый абзац.", "Второй абзац. Ещё одно предложение.", "Третий абзац.", "Четвёртый."]


def _login(page, live_server, user, story) -> None:
    page.goto(live_server.url + "/admin/login/?next=" + editor_url(story))
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("textarea[name=headline]")


def _active(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.textContent")


def test_rearranging_and_acknowledging_happen_in_place_and_keep_no_revision(
    live_server, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    translator = TranslatorFactory()
    story = wire_story_claim(wire_story=WireStoryFactory(paragraphs=SOURCE), actor=translator)
    claimed = story.revisions.count()

    def revisions() -> int:
        return Story.objects.get(pk=story.pk).revisions.count() - claimed

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(10_000)
        _login(page, live_server, translator, story)
        page.evaluate("window.deskMark = 'same page'")

        # Tab goes from box to box, past the bookkeeping field and the paragraph's buttons.
        page.focus("#id_p-0-text")
        page.keyboard.type('The first, "so to speak".')
        page.keyboard.press("Tab")
        tabbed_to = _active(page)
        page.keyboard.press("Control+S")
        expect(page.locator(".desk-autosave")).to_contain_text("Saved (revision")
        saved = revisions()

        # Unsaved text in another paragraph, then a split at the cursor with Alt+Enter.
        page.fill("#id_p-3-text", "The fourth, not saved yet.")
        page.focus("#id_p-1-text")
        page.keyboard.type("The second. Another sentence.")
        for _ in range(len(" Another sentence.")):
            page.keyboard.press("ArrowLeft")
        page.keyboard.press("Alt+Enter")
        expect(page.locator("input[name=p-TOTAL_FORMS]")).to_have_value("5")
        after_split = (_active(page), page.input_value("#id_p-1-text"))
        split_second = page.input_value("#id_p-2-text")
        kept_unsaved = page.input_value("#id_p-4-text")
        status_after_split = page.locator(".desk-autosave").inner_text()

        # Escape reaches the paragraph's buttons; arrows move among them; Enter merges.
        page.focus("#id_p-1-text")
        page.keyboard.press("Escape")
        first_tool = _active(page)
        for _ in range(6):
            if "Merge" in _active(page):
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        expect(page.locator("input[name=p-TOTAL_FORMS]")).to_have_value("4")
        merged = (_active(page), page.input_value("#id_p-1-text"))

        # Drop with the mouse, then acknowledge the saved text's quotation warning.
        page.click("#p-2 button[value^='drop:']")
        expect(page.locator("input[name=p-TOTAL_FORMS]")).to_have_value("3")
        after_drop = [page.input_value(f"#id_p-{i}-text") for i in range(3)]
        page.click("#p-0 button[value^='ack:']")
        expect(page.locator("#p-0 .desk-issue--acknowledged")).to_have_count(1)
        acknowledged_focus = _active(page)
        same_page = page.evaluate("window.deskMark")
        browser.close()
        connections.close_all()

    assert tabbed_to == "id_p-1-text"
    assert saved == 1
    assert after_split == ("id_p-2-text", "The second.")
    assert split_second == "Another sentence."
    assert kept_unsaved == "The fourth, not saved yet."
    assert status_after_split == "Paragraph 2 split in two. Save keeps it as a revision."
    assert first_tool == "id_p-1-sources"
    assert merged == ("id_p-1-text", "The second. Another sentence.")
    assert after_drop == [
        'The first, "so to speak".',
        "The second. Another sentence.",
        "The fourth, not saved yet.",
    ]
    assert acknowledged_focus == "id_p-0-text"
    assert same_page == "same page"
    assert revisions() == 1, "only the manual save kept a revision"
    assert QAAcknowledgement.objects.filter(story=story, check_code="quotes.count").exists()


def test_without_javascript_the_buttons_are_form_posts(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    translator = TranslatorFactory()
    story = wire_story_claim(wire_story=WireStoryFactory(paragraphs=SOURCE), actor=translator)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        _login(page, live_server, translator, story)
        page.fill("#id_p-3-text", "The fourth.")
        with page.expect_navigation():
            page.click("#p-0 button[value^='drop:']")
        message = page.locator(".messagelist").inner_text()
        boxes = page.locator("textarea[name$=-text]").count()
        fourth = page.input_value("#id_p-2-text")
        browser.close()
        connections.close_all()

    assert "Paragraph 1 dropped. Save keeps it as a revision." in message
    assert (boxes, fourth) == (3, "The fourth.")
    assert Story.objects.get(pk=story.pk).revisions.count() == 1
