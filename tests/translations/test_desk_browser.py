"""Issue 13, acceptance 1: a translator translates a six-paragraph story in a real browser with
the keyboard alone (Ctrl+Enter to the next box, Ctrl+S to save), with no page reload between
paragraphs, and the story keeps exactly one revision per manual save or submit."""

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from articles.models import Story, StoryStatus
from tests.articles.test_accessibility import CHROMIUM_ARGS, chromium_path
from tests.factories import EditorFactory, TranslatorFactory, WireStoryFactory
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
        # The reads above ran inside Playwright's event loop, on a connection of that context:
        # close it here, or PostgreSQL cannot drop the test database at the end of the run.
        connections.close_all()

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


def _desk_as(browser, live_server, user, story):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/?next=" + editor_url(story))
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("textarea[name=headline]")
    return page


def test_two_people_in_one_draft_keep_both_edits_or_see_the_words_that_clash(
    live_server, monkeypatch
):
    """Acceptance 2: two browser contexts. Different paragraphs: both kept, no conflict page.
    The same paragraph: the conflict page, word by word, and "take theirs"."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    translator, editor = TranslatorFactory(), EditorFactory()
    story = wire_story_claim(wire_story=WireStoryFactory(paragraphs=SOURCE[:3]), actor=translator)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        mine = _desk_as(browser, live_server, translator, story)
        theirs = _desk_as(browser, live_server, editor, story)

        theirs.fill("#id_p-0-text", TARGET[0])
        theirs.focus("#id_p-0-text")
        theirs.keyboard.press("Control+S")
        expect(theirs.locator(".desk-autosave")).to_contain_text("Saved (revision")
        mine.fill("#id_p-1-text", TARGET[1])
        mine.focus("#id_p-1-text")
        with mine.expect_navigation():  # the page shows the combined text
            mine.keyboard.press("Control+S")
        combined = [mine.input_value(f"#id_p-{i}-text") for i in range(2)]
        no_conflict_page = "Not saved" not in mine.title()

        # Now both change the same paragraph: the second save shows both, word by word.
        theirs.reload()
        theirs.fill("#id_p-2-text", "The third paragraph, theirs.")
        theirs.focus("#id_p-2-text")
        theirs.keyboard.press("Control+S")
        expect(theirs.locator(".desk-autosave")).to_contain_text("Saved (revision")
        mine.fill("#id_p-2-text", "The third paragraph, mine.")
        mine.focus("#id_p-2-text")
        with mine.expect_navigation():
            mine.keyboard.press("Control+S")
        conflict_title = mine.title()
        word_diff = mine.inner_html(".desk-word-diff")
        mine.check("input[name=take_theirs]")
        with mine.expect_navigation():
            mine.click("button[name=op][value=save]")
        browser.close()

    story.refresh_from_db()
    assert no_conflict_page
    assert combined == TARGET[:2]
    assert conflict_title.startswith("Not saved")
    assert "<del>theirs</del><ins>mine</ins>" in word_diff
    assert [p.text for p in story.paragraphs.order_by("position")] == [
        TARGET[0],
        TARGET[1],
        "The third paragraph, theirs.",
    ]
    # Nothing lost: my version of the third paragraph was shown, theirs is in a revision.
    texts = [r.paragraphs[2]["text"] for r in story.revisions.all()]
    assert "The third paragraph, theirs." in texts
