"""Issue 13, acceptance 2 (without a browser): two people save the same draft. Edits of
different paragraphs combine; edits of the same paragraph show both texts word by word, with
"take theirs" per paragraph. Nothing is lost on either path."""

import pytest

from articles.models import StoryStatus
from tests.factories import story_in_state
from tests.translations.desk_helpers import editor_form, editor_url
from translations.models import StoryRevision
from translations.services.desk import DeskParagraph, StoryText
from translations.services.desk.merge import merge_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(translator):
    return story_in_state(StoryStatus.DRAFT, assignee=translator)


@pytest.fixture
def forms_of_both(client, translator, editor, story):
    """Both open the desk on the same revision and type; the editor saves first."""
    client.force_login(translator)
    mine = editor_form(client, story) | {"op": "save"}
    client.force_login(editor)
    theirs = editor_form(client, story) | {"op": "save"}
    return mine, theirs


def texts(story) -> list[str]:
    return [p.text for p in story.paragraphs.order_by("position")]


def test_edits_of_different_paragraphs_both_stay(client, translator, editor, story, forms_of_both):
    mine, theirs = forms_of_both
    before = texts(story)
    theirs["p-0-text"] = "Their first paragraph."
    mine["p-2-text"] = "My third paragraph."
    assert client.post(editor_url(story), theirs).status_code == 302

    client.force_login(translator)
    response = client.post(editor_url(story), mine, follow=True)

    story.refresh_from_db()
    assert response.status_code == 200
    assert "their changes to other paragraphs are kept with yours" in response.content.decode()
    assert texts(story) == ["Their first paragraph.", before[1], "My third paragraph."]
    latest = StoryRevision.objects.get(story=story, number=story.revision)
    assert latest.created_by == translator


def test_the_same_paragraph_shows_words_and_offers_take_theirs(
    client, translator, editor, story, forms_of_both
):
    mine, theirs = forms_of_both
    theirs["p-1-text"] = "Second paragraph, in 2014."
    mine["p-1-text"] = "The second paragraph, 2015."
    mine["p-2-text"] = "My third paragraph."
    client.post(editor_url(story), theirs)
    story.refresh_from_db()
    their_revision = story.revision

    client.force_login(translator)
    conflict = client.post(editor_url(story), mine)

    page = conflict.content.decode()
    assert conflict.status_code == 409
    assert (
        "<del>Second</del><ins>The second</ins> paragraph, <del>in 2014</del><ins>2015</ins>."
        in page
    )
    key = story.paragraphs.order_by("position")[1].key
    assert f'name="take_theirs" value="{key}"' in page
    # Their text is kept as their revision; mine is on the page, nothing lost.
    assert (
        "Second paragraph, in 2014."
        in StoryRevision.objects.get(story=story, number=their_revision).paragraphs[1]["text"]
    )
    assert "The second paragraph, 2015." in page

    again = mine | {"revision": str(their_revision), "take_theirs": key}
    assert client.post(editor_url(story), again).status_code == 302

    story.refresh_from_db()
    assert texts(story)[1:] == ["Second paragraph, in 2014.", "My third paragraph."]


def _base(*pairs: tuple[str, str]) -> StoryRevision:
    return StoryRevision(
        headline="H", summary="S", paragraphs=[{"key": k, "text": t} for k, t in pairs]
    )


def _text(*pairs: tuple[str, str]) -> StoryText:
    return StoryText("H", "S", [DeskParagraph(text=t, key=k) for k, t in pairs])


def test_one_side_may_restructure_while_the_other_edits():
    base = _base(("a", "One."), ("b", "Two."))
    theirs = _text(("a", "One, edited."), ("b", "Two."))
    yours = _text(("a", "One."), ("b", "Two."), ("", "Three, added."))

    merged = merge_texts(base, theirs, yours)

    assert [p.text for p in merged.paragraphs] == ["One, edited.", "Two.", "Three, added."]


def test_an_edit_of_a_paragraph_the_other_side_dropped_is_a_conflict():
    base = _base(("a", "One."), ("b", "Two."))
    theirs = _text(("a", "One."))
    yours = _text(("a", "One."), ("b", "Two, edited."))

    assert merge_texts(base, theirs, yours) is None
