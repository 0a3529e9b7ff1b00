"""Review comments, revisions, restoring and comparing."""

import pytest
from django.core.exceptions import PermissionDenied

from articles.models import StoryStatus
from tests.factories import story_in_state
from translations.diffing import compare_revisions, text_diff
from translations.models import AuditEvent, EventType, ReviewComment
from translations.services.comments import comment_add, comment_resolve
from translations.services.editing import ParagraphInput, story_write_text
from translations.services.errors import WorkflowError
from translations.services.revisions import revision_restore

pytestmark = pytest.mark.django_db


def test_comments_on_a_paragraph_and_resolving_them(translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    key = story.paragraphs.first().key

    comment = comment_add(story=story, actor=editor, body="Name the minister.", paragraph_key=key)
    comment_resolve(comment=comment, actor=translator)

    comment.refresh_from_db()
    assert comment.paragraph_key == key
    assert (comment.resolved_by, comment.is_open) == (translator, False)
    assert list(AuditEvent.objects.filter(story=story).values_list("event_type", flat=True)) == [
        EventType.COMMENT_RESOLVED,
        EventType.COMMENT_ADDED,
    ]
    with pytest.raises(WorkflowError, match="already resolved"):
        comment_resolve(comment=comment, actor=editor)


def test_comments_are_refused_on_unknown_paragraphs_and_to_outsiders(
    translator, other_translator, editor
):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)

    with pytest.raises(WorkflowError, match="no paragraph 'pzz'"):
        comment_add(story=story, actor=editor, body="?", paragraph_key="pzz")
    with pytest.raises(WorkflowError, match="empty"):
        comment_add(story=story, actor=editor, body=" ")
    with pytest.raises(PermissionDenied):
        comment_add(story=story, actor=other_translator, body="Hello")
    assert not ReviewComment.objects.exists()


def test_restoring_a_revision_makes_a_new_one_and_destroys_nothing(translator):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    first = story.revisions.get(number=1)
    story_write_text(
        story=story,
        actor=translator,
        headline="A new headline",
        summary="",
        paragraphs=[ParagraphInput(text="Only one paragraph now.")],
    )
    numbers_before = list(story.revisions.values_list("number", flat=True))

    restored = revision_restore(story=story, actor=translator, revision=first)

    story.refresh_from_db()
    assert restored.number == story.revision == max(numbers_before) + 1
    assert set(numbers_before) < set(story.revisions.values_list("number", flat=True))
    assert story.headline == first.headline
    assert [p.text for p in story.paragraphs.order_by("position")] == [
        p["text"] for p in first.paragraphs
    ]
    event = AuditEvent.objects.get(story=story, event_type=EventType.REVISION_RESTORED)
    assert event.payload == {"restored": 1, "revision": story.revision}


def test_restoring_is_refused_once_the_story_left_the_translator(translator, editor):
    story = story_in_state(StoryStatus.PUBLISHED, assignee=translator)

    with pytest.raises(WorkflowError, match="only drafts and stories with changes requested"):
        revision_restore(story=story, actor=editor, revision=story.revisions.get(number=1))


def test_the_diff_pairs_paragraphs_and_shows_word_changes(translator):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    old_paragraphs = _text(story)
    story_write_text(
        story=story,
        actor=translator,
        headline=story.headline,
        summary=story.summary,
        paragraphs=[
            ParagraphInput(text="A new opening paragraph."),
            ParagraphInput(text=old_paragraphs[0].text, key=old_paragraphs[0].key),
            ParagraphInput(text="Second paragraph, reworded, 2014.", key=old_paragraphs[1].key),
            ParagraphInput(text=old_paragraphs[2].text, key=old_paragraphs[2].key),
        ],
    )
    old, new = story.revisions.get(number=2), story.revisions.get(number=3)

    diff = compare_revisions(old, new)

    kinds = [(p.kind, p.old_number, p.new_number) for p in diff.paragraphs]
    assert kinds == [
        ("added", None, 1),
        ("unchanged", 1, 2),
        ("changed", 2, 3),
        ("unchanged", 3, 4),
    ]
    changed = diff.paragraphs[2].segments
    assert ("insert", "reworded, ") in [(s.op, s.text) for s in changed]
    assert diff.has_changes


def test_changes_within_a_paragraph_are_whole_words():
    old, new = (
        "The talks took place in 2014 in Brussels.",
        "The talks were held in 2015 in Brussels.",
    )

    segments = text_diff(old, new)

    assert [(s.op, s.text) for s in segments] == [
        ("equal", "The talks "),
        ("delete", "took place"),
        ("insert", "were held"),
        ("equal", " in "),
        ("delete", "2014"),
        ("insert", "2015"),
        ("equal", " in Brussels."),
    ]
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


def _text(story):
    return [ParagraphInput(text=p.text, key=p.key) for p in story.paragraphs.order_by("position")]
