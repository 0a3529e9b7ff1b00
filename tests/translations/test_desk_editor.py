"""The side-by-side editor, driven through the admin with plain POST forms (no JavaScript)."""

import pytest
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import ReviewCommentFactory, TranslatorFactory, WireStoryFactory
from tests.translations.desk_helpers import editor_form, editor_url
from translations.models import (
    AuditEvent,
    EventType,
    ParagraphOrigin,
    QAAcknowledgement,
    WorkingCopy,
)
from translations.services.desk import wire_story_claim

pytestmark = pytest.mark.django_db

SOURCE = ["Первый абзац новости.", "Второй абзац, 2014 год.", "Третий абзац."]
TARGET = ["The first paragraph of the news.", "The second paragraph, the year 2014.", "Third."]


@pytest.fixture
def story(translator):
    wire = WireStoryFactory(headline="Заголовок новости", paragraphs=SOURCE)
    return wire_story_claim(wire_story=wire, actor=translator)


def filled(data: dict[str, str], texts=TARGET, headline="The headline") -> dict[str, str]:
    data = dict(data, headline=headline)
    for index, text in enumerate(texts):
        data[f"p-{index}-text"] = text
    return data


def test_claim_edit_save_submit(client, translator, story):
    client.force_login(translator)
    page = client.get(editor_url(story)).content.decode()
    assert 'lang="ru" dir="auto">Второй абзац, 2014 год.</p>' in page
    assert 'dir="auto" lang="en" class="desk-text"' in page

    saved = client.post(editor_url(story), filled(editor_form(client, story)) | {"op": "save"})
    assert saved.status_code == 302
    story.refresh_from_db()
    assert story.headline == "The headline"
    assert [p.text for p in story.paragraphs.order_by("position")] == TARGET
    assert story.revision == 2

    submitted = client.post(editor_url(story), editor_form(client, story) | {"op": "submit"})
    assert submitted.status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW
    assert AuditEvent.objects.filter(story=story, event_type=EventType.STORY_SUBMITTED).exists()


def test_a_stale_save_is_refused_and_both_texts_are_shown(client, translator, editor, story):
    client.force_login(translator)
    mine = filled(editor_form(client, story), headline="My headline") | {"op": "save"}
    mine["p-0-text"] = "My first paragraph."
    client.force_login(editor)
    theirs = filled(editor_form(client, story), headline="Their headline") | {"op": "save"}
    theirs["p-0-text"] = "Their first paragraph."
    assert client.post(editor_url(story), theirs).status_code == 302

    client.force_login(translator)
    response = client.post(editor_url(story), mine)

    page = response.content.decode()
    assert response.status_code == 409
    assert "Their headline" in page
    assert "My headline" in page
    assert "Their first paragraph." in page
    assert "My first paragraph." in page
    assert f"{editor.username} saved this story (revision 2)" in page
    story.refresh_from_db()
    assert story.headline == "Their headline"
    # The conflict page posts mine again on top of the current revision.
    assert 'name="revision" value="2"' in page


def test_the_soft_lock_says_who_is_editing_since_when(client, translator, editor, story):
    client.force_login(translator)
    client.get(editor_url(story))
    story.refresh_from_db()
    client.force_login(editor)
    page = client.get(editor_url(story)).content.decode()
    since = story.editing_since.strftime("%H:%M")
    assert f"{translator.username} has been editing since {since}" in page


def test_split_merge_add_and_drop_record_the_alignment(client, translator, story):
    client.force_login(translator)
    data = filled(editor_form(client, story))
    data["p-1-text"] = "The second paragraph,\n\nthe year 2014."
    client.post(editor_url(story), data | {"op": "save"})
    paragraphs = list(story.paragraphs.order_by("position"))
    assert [p.text for p in paragraphs] == [
        TARGET[0],
        "The second paragraph,",
        "the year 2014.",
        TARGET[2],
    ]
    assert [p.alignment.source_indexes for p in paragraphs] == [[0], [1], [1], [2]]

    saved = story.revisions.count()

    def rearrange(op: str) -> list[list[int]]:
        """A rearranging button, then Save: the button keeps no revision, Save one."""
        response = client.post(editor_url(story), editor_form(client, story) | {"op": op})
        assert response.status_code == 302
        assert story.revisions.count() == saved + len(ops_done)
        client.post(editor_url(story), editor_form(client, story) | {"op": "save"})
        ops_done.append(op)
        assert story.revisions.count() == saved + len(ops_done)
        return [p.alignment.source_indexes for p in story.paragraphs.order_by("position")]

    ops_done: list[str] = []
    assert rearrange("merge:1") == [[0], [1], [2]]
    assert story.paragraphs.order_by("position")[1].text == "The second paragraph, the year 2014."
    assert rearrange("merge:0") == [[0, 1], [2]]
    assert rearrange("add:1") == [[0, 1], [2], []]
    assert story.paragraphs.order_by("position")[2].alignment.origin == ParagraphOrigin.TYPED
    assert rearrange("drop:2") == [[0, 1], [2]]
    assert rearrange("split:1:3") == [[0, 1], [2], [2]]
    assert [p.text for p in story.paragraphs.order_by("position")][1:] == ["Thi", "rd."]


def test_a_rearrangement_keeps_the_text_typed_as_a_working_copy(client, translator, story):
    client.force_login(translator)
    data = filled(editor_form(client, story)) | {"op": "drop:0"}

    response = client.post(editor_url(story), data, follow=True)

    page = response.content.decode()
    story.refresh_from_db()
    assert story.revision == 1
    assert story.revisions.count() == 1
    assert "Paragraph 1 dropped. Save keeps it as a revision." in page
    assert "This is your text as autosaved at" in page
    assert editor_form(client, story)["p-0-text"] == TARGET[1]
    assert editor_form(client, story)["p-TOTAL_FORMS"] == "2"
    copy = WorkingCopy.objects.get(story=story, author=translator)
    assert [p["text"] for p in copy.paragraphs] == TARGET[1:]


def test_a_rearrangement_sent_by_the_script_answers_with_the_paragraphs(client, translator, story):
    client.force_login(translator)
    data = filled(editor_form(client, story)) | {"op": "merge:0"}

    response = client.post(editor_url(story), data, headers={"X-Desk-Inline": "1"})

    answer = response.json()
    assert response.status_code == 200
    assert answer["message"] == "Paragraphs 1 and 2 merged. Save keeps it as a revision."
    assert (answer["focus"], answer["caret"]) == (0, len(TARGET[0]) + 1)
    assert 'name="p-TOTAL_FORMS" value="2"' in answer["html"]
    assert f"{TARGET[0]} {TARGET[1]}</textarea>" in answer["html"]
    assert "2 of 2 paragraphs translated" in answer["html"]
    assert "is empty" not in answer["html"], "the boxes have text, whatever was saved"
    assert "<html" not in answer["html"]
    assert story.revisions.count() == 1


def test_a_rearrangement_naming_no_paragraph_changes_nothing(client, translator, story):
    client.force_login(translator)
    data = filled(editor_form(client, story)) | {"op": "merge:2"}

    response = client.post(editor_url(story), data, headers={"X-Desk-Inline": "1"})

    assert response.status_code == 400
    assert response.json()["error"] == (
        "Nothing was changed: Paragraph 3 is the last: there is none to merge it with."
    )
    assert not WorkingCopy.objects.filter(story=story).exists()


def test_a_source_paragraph_dropped_from_the_translation_can_be_added_back(
    client, translator, story
):
    client.force_login(translator)
    client.post(editor_url(story), filled(editor_form(client, story)) | {"op": "drop:1"})
    page = client.get(editor_url(story)).content.decode()
    assert "Not translated: no paragraph of the translation comes from this one." in page
    client.post(editor_url(story), editor_form(client, story) | {"op": "add_source:1"})
    client.post(editor_url(story), editor_form(client, story) | {"op": "save"})
    paragraphs = list(story.paragraphs.order_by("position"))
    assert [p.alignment.source_indexes for p in paragraphs] == [[0], [1], [2]]
    assert story.revisions.count() == 2


def test_bad_source_numbers_are_refused_naming_the_field(client, translator, story):
    client.force_login(translator)
    data = filled(editor_form(client, story)) | {"p-0-sources": "one", "op": "save"}
    response = client.post(editor_url(story), data)
    assert response.status_code == 400
    assert "Write the source paragraph numbers separated by commas" in response.content.decode()
    data = filled(editor_form(client, story)) | {"p-0-sources": "9", "op": "save"}
    response = client.post(editor_url(story), data)
    assert "Paragraph 1: the source has no paragraph 9 (it has 3)." in response.content.decode()
    story.refresh_from_db()
    assert story.revision == 1


def test_another_translators_story_answers_404(client, story):
    client.force_login(TranslatorFactory())
    assert client.get(editor_url(story)).status_code == 404
    assert client.post(editor_url(story), {"op": "save"}).status_code == 404


def test_a_story_in_review_is_read_only(client, translator, story):
    client.force_login(translator)
    client.post(editor_url(story), filled(editor_form(client, story)) | {"op": "submit"})
    page = client.get(editor_url(story)).content.decode()
    assert "you can read it here but not change it" in page
    assert client.post(editor_url(story), {"op": "save"}).status_code == 403


def test_open_review_comments_show_per_paragraph_and_can_be_resolved(client, translator, story):
    paragraph = story.paragraphs.order_by("position")[1]
    comment = ReviewCommentFactory(story=story, paragraph_key=paragraph.key, body="Say which year.")
    client.force_login(translator)
    assert "Say which year." in client.get(editor_url(story)).content.decode()
    client.post(editor_url(story), editor_form(client, story) | {"op": f"resolve:{comment.pk}"})
    comment.refresh_from_db()
    assert comment.resolved_by == translator
    assert "Say which year." not in client.get(editor_url(story)).content.decode()
    assert AuditEvent.objects.filter(event_type=EventType.COMMENT_RESOLVED, story=story).exists()


def test_a_warning_is_acknowledged_on_the_record(client, translator, story):
    client.force_login(translator)
    data = filled(editor_form(client, story))
    data["p-2-text"] = 'The third, "so to speak".'
    client.post(editor_url(story), data | {"op": "save"})
    page = client.get(editor_url(story)).content.decode()
    assert "Paragraph 3: the source has 0 quotations, the translation 1." in page
    token = page.split('value="ack:')[1].split('"')[0]

    revisions = story.revisions.count()

    client.post(editor_url(story), editor_form(client, story) | {"op": f"ack:{token}"})

    assert story.revisions.count() == revisions
    acknowledgement = QAAcknowledgement.objects.get(story=story)
    assert acknowledgement.check_code == "quotes.count"
    assert acknowledgement.acknowledged_by == translator
    assert AuditEvent.objects.filter(event_type=EventType.QA_ACKNOWLEDGED, story=story).exists()
    client.post(editor_url(story), editor_form(client, story) | {"op": "submit"})
    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW


def test_autosave_keeps_one_working_copy_and_no_revision_until_a_person_saves(
    client, translator, story
):
    client.force_login(translator)
    data = filled(editor_form(client, story)) | {"op": "save"}
    revisions, events = story.revisions.count(), AuditEvent.objects.count()

    first = client.post(editor_url(story), data, headers={"X-Desk-Autosave": "1"})
    data["p-0-text"] = "Typed later, kept over the first autosave."
    second = client.post(editor_url(story), data, headers={"X-Desk-Autosave": "1"})
    reopened = client.get(editor_url(story)).content.decode()

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json()["revision"] == story.revision
    assert WorkingCopy.objects.filter(story=story).count() == 1
    assert (story.revisions.count(), AuditEvent.objects.count()) == (revisions, events)
    assert "Typed later, kept over the first autosave." in reopened
    assert "This is your text as autosaved at" in reopened

    client.post(editor_url(story), data)

    story.refresh_from_db()
    assert story.revisions.count() == revisions + 1
    assert story.revisions.get(number=story.revision).reason == "saved"
    assert not WorkingCopy.objects.filter(story=story).exists()
    assert AuditEvent.objects.count() == events  # a save is not a move
    stale = client.post(editor_url(story), data, headers={"X-Desk-Autosave": "1"})
    assert stale.status_code == 409
    assert f"revision {story.revision}" in stale.json()["conflict"]


def test_leaving_the_desk_keeps_a_revision(client, translator, story):
    client.force_login(translator)
    data = filled(editor_form(client, story)) | {"op": "save", "leaving": "1"}

    client.post(editor_url(story), data)

    story.refresh_from_db()
    assert story.revisions.get(number=story.revision).reason == "left"


def test_the_story_list_links_to_the_desk(client, translator, story):
    client.force_login(translator)
    page = client.get(reverse("admin:articles_story_changelist")).content.decode()
    assert editor_url(story) in page
