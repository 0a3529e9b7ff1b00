"""Issue 13, acceptance 1: a translator translates a six-paragraph story in a real browser with
the keyboard alone (Ctrl+Enter to the next box, Ctrl+S to save), with no page reload between
paragraphs, and the story keeps exactly one revision per manual save or submit."""

import pytest
from playwright.sync_api import expect, sync_playwright

from articles.models import Story, StoryStatus
from tests.articles.test_accessibility import CHROMIUM_ARGS, chromium_path
from tests.factories import TranslatorFactory, WireStoryFactory
from tests.translations.desk_helpers import editor_url
from translations.services.desk import wire_story_claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
SOURCE = [
    "Первый абзац новости.",
    "Второй абзац, 2014 год.",
    "Третий абзац.",
    "Четвёртый абзац, 15 человек.",
    "Пятый абзац.",
    "Шестой абзац.",
]
TARGET = [
    "The first paragraph of the news.",
    "The second paragraph, the year 2014.",
    "The third paragraph.",
    "The fourth paragraph, 15 people.",
    "The fifth paragraph.",
    "The sixth paragraph.",
]


def test_a_story_translated_with_the_keyboard_alone(live_server, monkeypatch):
    # The test reads the database between keystrokes, inside Playwright's event loop.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    translator = TranslatorFactory()
    wire = WireStoryFactory(headline="Переговоры в Астане", paragraphs=SOURCE)
    story = wire_story_claim(wire_story=wire, actor=translator)
    claimed = story.revisions.count()

    def revisions() -> int:
        return Story.objects.get(pk=story.pk).revisions.count() - claimed

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(live_server.url + "/admin/login/?next=" + editor_url(story))
        page.keyboard.type(translator.username)  # the login form focuses its first field
        page.keyboard.press("Tab")
        page.keyboard.type(PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector("textarea[name=headline]")
        # A reload would lose this mark: it proves the work happens on one page.
        page.evaluate("window.deskMark = 'same page'")

        page.focus("textarea[name=headline]")
        page.keyboard.press("Control+A")
        page.keyboard.type("Talks in Astana")
        page.keyboard.press("Control+Enter")  # to the summary
        page.keyboard.press("Control+Enter")  # to the first paragraph
        for number, text in enumerate(TARGET, start=1):
            page.keyboard.type(text)
            expect(page.locator("#desk-progress")).to_have_text(
                f"{number} of 6 paragraphs translated"
            )
            page.keyboard.press("Control+Enter")
            assert revisions() == 0, "typing and moving on keeps no revision"

        page.keyboard.press("Control+S")
        expect(page.locator(".desk-autosave")).to_contain_text("Saved (revision")
        saved_once = revisions()
        page.keyboard.press("Control+S")
        expect(page.locator(".desk-autosave")).to_contain_text(
            f"Saved (revision {story.revision + 2})"
        )
        saved_twice = revisions()
        same_page = page.evaluate("window.deskMark")

        page.focus("button[name=op][value=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        browser.close()

    story.refresh_from_db()
    assert same_page == "same page"
    assert (saved_once, saved_twice) == (1, 2)
    assert revisions() == 3  # two saves and one submission
    assert story.status == StoryStatus.IN_REVIEW
    assert [p.text for p in story.paragraphs.order_by("position")] == TARGET
    assert list(story.revisions.order_by("number").values_list("reason", flat=True))[-3:] == [
        "saved",
        "saved",
        "submitted",
    ]
