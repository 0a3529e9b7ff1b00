"""Issue 13, the review: what people read is words, never stored codes; refusals explain
themselves inside the desk's frame; read-only things offer no Save."""

import re

import pytest
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import WireStoryFactory, story_in_state
from tests.translations.desk_helpers import editor_form, editor_url
from translations.models import QAAcknowledgement
from translations.services.desk import wire_story_claim
from translations.services.workflow import story_request_changes

pytestmark = pytest.mark.django_db


def visible_text(html: str) -> str:
    """The page as read: tags, attributes and URLs left out."""
    return re.sub(r"<[^>]*>", " ", html)


def test_statuses_reasons_and_check_names_read_as_words(client, translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    story_request_changes(story=story, actor=editor, comment="Check ¶2.")
    QAAcknowledgement.objects.create(
        story=story,
        check_code="numbers.extra",
        paragraph_key=story.paragraphs.first().key,
        message="2015 is not in the source.",
        acknowledged_by=translator,
        revision=story.revision,
    )
    client.force_login(editor)

    revisions = client.get(reverse("admin:articles_story_revisions", args=[story.pk]))
    review = client.get(reverse("admin:articles_story_review", args=[story.pk]))
    audit = client.get(reverse("admin:translations_auditevent_changelist"))

    for page in (revisions, review, audit):
        assert "changes_requested" not in visible_text(page.content.decode())
    assert "<td>Created</td>" in revisions.content.decode()
    assert "Number not in the source" in review.content.decode()
    assert "numbers.extra" not in review.content.decode()


def test_a_refusal_is_a_page_of_the_desk_that_says_why(client, translator):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    client.force_login(translator)

    response = client.get(reverse("admin:articles_story_move", args=[story.pk, "approve"]))

    page = response.content.decode()
    assert response.status_code == 403
    assert "Newsroom desk" in page
    assert "Approve only is not yours to do on this story." in page
    assert 'rel="icon"' in page


def test_a_draft_shows_no_placeholder_slug(client, translator, editor):
    story = wire_story_claim(wire_story=WireStoryFactory(), actor=translator)
    assert story.slug.startswith("draft-")

    for user in (translator, editor):
        client.force_login(user)
        page = client.get(reverse("admin:articles_story_change", args=[story.pk]))
        assert story.slug not in page.content.decode()
    assert "Empty: made from the headline when the story is published." in page.content.decode()


def test_a_wire_story_is_read_only_and_the_queue_has_a_title(client, translator):
    wire = WireStoryFactory()
    client.force_login(translator)

    page = client.get(reverse("admin:articles_wirestory_change", args=[wire.pk])).content.decode()
    queue = client.get(reverse("admin:articles_wirestory_changelist")).content.decode()

    assert 'name="_save"' not in page
    assert "deletelink" not in page
    assert "<h1>Wire queue</h1>" in queue
    assert "Select wire story to view" not in queue


def test_the_desk_says_how_many_checks_found_something_in_words(client, translator):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    client.force_login(translator)
    data = editor_form(client, story)
    data["p-0-text"] = ""
    data["op"] = "save"

    page = client.post(editor_url(story), data, follow=True).content.decode()

    assert "error(s)" not in page
    assert re.search(r"The checks found 1 error( and \d+ warnings?)? to look at\.", page)


def test_the_desk_shows_progress_and_keeps_quiet_on_untouched_paragraphs(client, translator):
    story = story_in_state(
        StoryStatus.DRAFT, assignee=translator, body=["One, 2014.", "", "", "Four."]
    )
    client.force_login(translator)

    page = client.get(editor_url(story)).content.decode()
    data = editor_form(client, story)
    data["op"] = "submit"
    refused = client.post(editor_url(story), data, follow=True).content.decode()

    assert "2 of 4 paragraphs translated" in page
    assert "Paragraph 2 is empty" not in page
    assert "It cannot be submitted yet" in refused
    assert "is empty" in refused


def test_a_quotation_warning_counts_in_words(client, translator):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    client.force_login(translator)
    data = editor_form(client, story)
    data["p-0-text"] = 'First paragraph of the "story".'
    data["op"] = "save"

    page = client.post(editor_url(story), data, follow=True).content.decode()

    assert "Paragraph 1: the source has 0 quotations, the translation 1." in page
    assert "(s)" not in visible_text(page)
