"""What translators and editors find on the admin's pages: working links between a story's
pages, refusals that explain themselves, and nothing left where nobody can see it."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Story, StoryStatus
from tests.factories import ReviewCommentFactory, WireStoryFactory, story_in_state
from tests.translations.desk_helpers import editor_form, editor_url
from translations.models import AuditEvent, EventType
from translations.services.desk import story_editing_start, wire_story_claim
from translations.services.workflow import story_request_changes, story_submit

pytestmark = pytest.mark.django_db


def admin_url(name: str, story: Story, *args) -> str:
    return reverse(f"admin:articles_story_{name}", args=[story.pk, *args])


@pytest.mark.parametrize(
    ("status", "move"),
    [
        (StoryStatus.DRAFT, "withdraw"),
        (StoryStatus.DRAFT, "approve"),
        (StoryStatus.PUBLISHED, "submit"),
        (StoryStatus.WITHDRAWN, "correct"),
    ],
)
def test_opening_a_move_the_story_has_moved_past_says_why_instead_of_failing(
    client, translator, editor, status, move
):
    # An editor follows a link to a move another editor has made impossible since.
    story = story_in_state(status, assignee=translator)
    client.force_login(editor)

    response = client.get(admin_url("move", story, move))

    assert response.status_code == 409
    page = response.content.decode()
    assert "is not possible: the story is" in page
    assert '<input type="submit"' not in page  # no form that cannot succeed
    assert (
        not AuditEvent.objects.filter(story=story)
        .exclude(event_type=EventType.STORY_SAVED)
        .exists()
    )


def test_a_move_made_from_the_review_page_returns_there_and_never_off_site(
    client, translator, editor
):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    client.force_login(editor)
    review = admin_url("review", story)

    response = client.post(admin_url("move", story, "approve"), {"comment": "", "next": review})

    assert response.status_code == 302
    assert response["Location"] == review
    story.refresh_from_db()
    assert story.status == StoryStatus.APPROVED

    response = client.post(
        admin_url("move", story, "publish"),
        {"comment": "", "publish_at": "", "next": "https://evil.example/"},
    )
    assert response["Location"] == admin_url("change", story)


def test_the_read_only_desk_of_a_published_story_shows_no_stale_lock(client, translator, editor):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    story_editing_start(story=story, actor=translator)  # the translator opened the editor...
    Story.objects.filter(pk=story.pk).update(  # ...and the story went on to be published
        status=StoryStatus.PUBLISHED, publish_at=timezone.now(), updated_at=timezone.now()
    )
    client.force_login(editor)

    page = client.get(editor_url(story)).content.decode()

    assert "you can read it here but not change it" in page
    assert "has been editing since" not in page


def test_the_desk_lists_open_comments_at_the_top_even_on_a_dropped_paragraph(
    client, translator, editor
):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    second = story.paragraphs.order_by("position")[1]
    story_submit(story=story, actor=translator)
    story_request_changes(
        story=story, actor=editor, comment="Say which minister.", paragraph_key=second.key
    )
    orphan = ReviewCommentFactory(
        story=story, author=editor, paragraph_key="gone", body="This paragraph repeats ¶1."
    )
    client.force_login(translator)

    page = client.get(editor_url(story)).content.decode()

    summary = page.split('class="desk-open-comments"')[1].split("</div>")[0]
    assert "2 open review comments." in summary
    assert "Paragraph 2</a>: Say which minister." in summary
    assert "A paragraph since removed</a>: This paragraph repeats ¶1." in summary
    # The comment on a paragraph no longer in the text can still be read and resolved.
    assert f'id="comment-{orphan.pk}"' in page
    assert f'value="resolve:{orphan.pk}"' in page
    assert "Save and resubmit for review" in page


def test_the_conflict_page_sets_their_paragraphs_beside_mine_and_marks_the_differences(
    client, translator, editor
):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    client.force_login(translator)
    mine = editor_form(client, story)
    client.force_login(editor)
    theirs = editor_form(client, story)
    theirs["p-0-text"] = "Their first paragraph."
    client.post(editor_url(story), theirs | {"op": "save"})
    client.force_login(translator)
    # Both changed the first paragraph, so the saves cannot be combined (see test_desk_merge).
    mine["p-0-text"] = "My first paragraph."
    mine["p-1-text"] = "My second paragraph, 2014."

    response = client.post(editor_url(story), mine | {"op": "save"})

    assert response.status_code == 409
    page = response.content.decode()
    rows = re.findall(r'<div class="desk-row( desk-row--differs)?" role="row">', page)
    # headline, summary, then three paragraphs: the first and second differ, the third not.
    assert [bool(differs) for differs in rows] == [False, False, True, True, False]
    assert "Their first paragraph." in page
    assert "My second paragraph, 2014." in page
    assert reverse("admin:articles_story_translate", args=[story.pk]) in page


def test_the_review_page_shows_the_checks_on_the_text_as_it_stands(client, translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    second = story.paragraphs.order_by("position")[1]
    second.text = "Second paragraph, 2041."
    second.save(update_fields=["text"])
    client.force_login(editor)

    page = client.get(admin_url("review", story)).content.decode()

    checks = page.split('id="qa-title"')[1].split("</section>")[0]
    assert "2014 in the source is missing from the translation, which has 2041 instead" in checks
    assert f'href="#row-{second.key}"' in checks


def test_every_page_of_a_story_links_to_the_others(client, translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    client.force_login(editor)
    links = {
        admin_url("change", story),
        admin_url("translate", story),
        admin_url("review", story),
        admin_url("revisions", story),
        admin_url("preview", story),
    }

    for page_url in [
        admin_url("change", story),
        admin_url("translate", story),
        admin_url("review", story),
        admin_url("revisions", story),
    ]:
        page = client.get(page_url).content.decode()
        for link in links - {page_url}:
            assert f'href="{link}"' in page, (page_url, link)
        assert 'aria-current="page"' in page


def test_the_change_form_shows_the_text_and_no_public_link_before_publication(
    client, translator, editor
):
    draft = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    published = story_in_state(StoryStatus.PUBLISHED, assignee=translator)
    client.force_login(editor)

    page = client.get(admin_url("change", draft)).content.decode()
    assert "Second paragraph, 2014." in page  # the text, where before only its metadata showed
    assert draft.get_absolute_url() not in page  # no "view on site" link to a 404

    page = client.get(admin_url("change", published)).content.decode()
    assert f'href="{published.get_absolute_url()}"' in page


def test_the_wire_queue_starts_a_translation_from_its_row(client, translator):
    wire = WireStoryFactory()
    client.force_login(translator)
    claim = reverse("admin:articles_wirestory_claim", args=[wire.pk])

    page = client.get(reverse("admin:articles_wirestory_changelist")).content.decode()
    assert f'formaction="{claim}" formmethod="post"' in page
    assert f'lang="{wire.language}" dir="auto">{wire.headline}<' in page

    # The button posts the changelist form to the claim URL.
    response = client.post(claim, {"action": "", "index": "0"})
    story = Story.objects.get(translation__wire_story=wire)
    assert response["Location"] == editor_url(story)


def test_a_translator_dashboard_leads_to_the_desk_and_the_queue(client, translator, editor):
    WireStoryFactory()
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    story_request_changes(story=story, actor=editor, comment="Please fix.")
    claimed = wire_story_claim(wire_story=WireStoryFactory(), actor=translator)
    client.force_login(translator)

    page = client.get(reverse("admin:index")).content.decode()

    assert f'href="{editor_url(story)}">{story.headline}</a>' in page
    assert f'href="{editor_url(claimed)}">' in page
    assert "1 new on the wire in the last 36 hours" in page


def test_a_story_claimed_by_someone_else_is_named_not_linked_to_a_404(
    client, translator, other_translator, editor
):
    wire = WireStoryFactory()
    story = wire_story_claim(wire_story=wire, actor=translator)
    queue = reverse("admin:articles_wirestory_changelist")

    client.force_login(other_translator)
    page = client.get(queue).content.decode()
    change = client.get(reverse("admin:articles_wirestory_change", args=[wire.pk])).content.decode()
    assert editor_url(story) not in page
    assert f"claimed by {translator.username}" in page
    assert editor_url(story) not in change
    assert client.get(editor_url(story)).status_code == 404

    client.force_login(editor)
    assert f'href="{editor_url(story)}"' in client.get(queue).content.decode()


def test_the_desk_shows_a_dateline_left_as_the_agency_wrote_it(client, translator):
    story = wire_story_claim(
        wire_story=WireStoryFactory(language="ru", dateline="БИШКЕК, 12 марта"), actor=translator
    )
    client.force_login(translator)

    page = client.get(editor_url(story)).content.decode()

    row = page.split('id="p-dateline"')[1].split('role="row"')[0]
    assert "БИШКЕК, 12 марта" in row
    assert "(still as the agency wrote it)" in row
    assert f'href="{admin_url("change", story)}#id_dateline"' in row
