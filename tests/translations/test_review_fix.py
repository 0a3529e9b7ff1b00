"""An editor fixes a typo while reviewing: the fix is the editor's revision, shown to the
translator; a stale fix is refused and nothing is lost."""

import pytest
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import story_in_state
from translations.models import AuditEvent

pytestmark = pytest.mark.django_db


def fix_url(story) -> str:
    return reverse("admin:articles_story_review_fix", args=[story.pk])


def test_an_editor_fixes_a_paragraph_in_review_as_their_own_revision(client, translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    paragraph = story.paragraphs.order_by("position")[1]
    events = AuditEvent.objects.count()
    client.force_login(editor)
    review = client.get(reverse("admin:articles_story_review", args=[story.pk])).content.decode()

    response = client.post(
        fix_url(story),
        {"revision": story.revision, "paragraph_key": paragraph.key, "text": "Second one, 2014."},
        follow=True,
    )

    story.refresh_from_db()
    paragraph.refresh_from_db()
    revision = story.revisions.get(number=story.revision)
    assert fix_url(story) in review
    assert "Kept as your revision" in response.content.decode()
    assert paragraph.text == "Second one, 2014."
    assert (revision.created_by, revision.reason) == (editor, "review fix")
    assert story.status == StoryStatus.IN_REVIEW
    assert AuditEvent.objects.count() == events  # an edit, not a move
    client.force_login(translator)
    history = client.get(reverse("admin:articles_story_revisions", args=[story.pk]))
    assert "Fixed by the editor in review" in history.content.decode()


def test_a_stale_fix_is_refused_and_the_text_kept(client, translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    paragraph = story.paragraphs.order_by("position")[0]
    before = paragraph.text
    client.force_login(editor)

    response = client.post(
        fix_url(story),
        {"revision": story.revision - 1, "paragraph_key": paragraph.key, "text": "Other."},
        follow=True,
    )

    paragraph.refresh_from_db()
    assert paragraph.text == before
    assert "The text changed since you read it" in response.content.decode()


def test_only_editors_fix_and_only_in_review(client, translator, editor):
    draft = story_in_state(StoryStatus.DRAFT, assignee=translator)
    in_review = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    key = in_review.paragraphs.first().key
    client.force_login(translator)

    refused = client.post(
        fix_url(in_review), {"revision": in_review.revision, "paragraph_key": key, "text": "X."}
    )
    client.force_login(editor)
    review = client.get(reverse("admin:articles_story_review", args=[draft.pk])).content.decode()
    too_early = client.post(
        fix_url(draft),
        {"revision": draft.revision, "paragraph_key": draft.paragraphs.first().key, "text": "X"},
        follow=True,
    )

    assert refused.status_code == 403
    assert fix_url(draft) not in review
    assert "Fixes are made while a story is in review" in too_early.content.decode()
