"""The review pages of the admin: what editors and translators see and can do there."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import PubStatus, Story, StoryStatus, WireStory
from tests.factories import (
    ReviewCommentFactory,
    SectionFactory,
    WireStoryFactory,
    story_in_state,
)
from translations.models import AuditEvent, EventType, QAAcknowledgement, ReviewComment
from translations.services.editing import ParagraphInput, story_write_text
from translations.services.workflow import story_request_changes, story_resubmit, story_submit

pytestmark = pytest.mark.django_db


def admin_url(name: str, story: Story, *args) -> str:
    return reverse(f"admin:articles_story_{name}", args=[story.pk, *args])


def test_the_review_page_shows_source_translation_qa_diff_and_comments(client, translator, editor):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    story_submit(story=story, actor=translator)
    story_request_changes(story=story, actor=editor, comment="Say which minister.")
    first = story.paragraphs.order_by("position").first()
    story_write_text(
        story=story,
        actor=translator,
        headline=story.headline,
        summary=story.summary,
        paragraphs=[
            ParagraphInput(text="Foreign minister Ivanov said so.", key=first.key),
            *[
                ParagraphInput(text=p.text, key=p.key)
                for p in story.paragraphs.order_by("position")[1:]
            ],
        ],
    )
    QAAcknowledgement.objects.create(
        story=story,
        check_code="numbers",
        message="2014 in the source, 2015 in the translation.",
        acknowledged_by=translator,
        revision=story.revision,
    )
    story_resubmit(story=story, actor=translator)
    source = story.translation.wire_story
    client.force_login(editor)

    page = client.get(admin_url("review", story)).content.decode()

    assert source.paragraphs[0] in page  # the source, beside
    assert "Foreign minister Ivanov said so." in page  # the translation
    assert "2014 in the source, 2015 in the translation." in page
    changes = page.split("Changes since the last submission")[1].split("</section>")[0]
    assert "Revision 2 (submitted) → revision 3 (current)" in changes
    assert (
        "<del>First paragraph of the story. Edited</del><ins>Foreign minister Ivanov said so</ins>"
        in changes
    )
    assert "Say which minister." in page


def test_comments_from_the_review_page_and_the_translator_resolves_them(client, translator, editor):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    key = story.paragraphs.order_by("position").last().key
    client.force_login(editor)
    response = client.post(
        admin_url("comment_add", story), {"body": "Source says 2014.", "paragraph_key": key}
    )
    assert response.status_code == 302
    comment = ReviewComment.objects.get(story=story)
    assert comment.paragraph_key == key

    client.force_login(translator)
    page = client.get(admin_url("review", story)).content.decode()
    resolve = client.post(admin_url("comment_resolve", story, comment.pk))

    assert "Source says 2014." in page
    assert resolve.status_code == 302
    comment.refresh_from_db()
    assert comment.resolved_by == translator


def test_history_compare_and_restore_pages(client, translator):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    client.force_login(translator)

    history = client.get(admin_url("revisions", story)).content.decode()
    compare = client.get(admin_url("compare", story), {"old": 1, "new": 2}).content.decode()
    restore = client.post(admin_url("restore", story, 1))

    assert "Restore revision 1" in history
    assert "<ins> Edited.</ins>" in compare
    assert restore.status_code == 302
    story.refresh_from_db()
    assert story.revision == 3
    assert list(story.revisions.order_by("number").values_list("number", flat=True)) == [1, 2, 3]
    assert not story.paragraphs.filter(text__endswith="Edited.").exists()


def test_the_preview_shows_an_unpublished_story_to_its_translator_only_marked(client, translator):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    client.force_login(translator)

    response = client.get(admin_url("preview", story))

    assert response.status_code == 200
    assert "Preview — In review" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(story.get_absolute_url()).status_code == 404  # the public still sees nothing


def test_the_dashboard_shows_each_user_their_work(client, translator, editor):
    mine = story_in_state(StoryStatus.DRAFT, assignee=translator, headline="Mine to translate")
    returned = story_in_state(StoryStatus.IN_REVIEW, assignee=translator, headline="Sent back")
    story_request_changes(story=returned, actor=editor, comment="Please fix.")
    older = story_in_state(StoryStatus.DRAFT, assignee=translator, headline="Waiting longest")
    newer = story_in_state(StoryStatus.DRAFT, assignee=translator, headline="Just submitted")
    story_submit(story=older, actor=translator)
    AuditEvent.objects.filter(story=older).update(created_at=timezone.now() - timedelta(hours=3))
    story_submit(story=newer, actor=translator)
    story_in_state(
        StoryStatus.PUBLISHED, assignee=translator, scheduled=True, headline="Tomorrow's story"
    )
    flagged = story_in_state(StoryStatus.PUBLISHED, assignee=translator, headline="Canceled src")
    wire = flagged.translation.wire_story
    WireStoryFactory(agency=wire.agency, guid=wire.guid, version=2, pub_status=PubStatus.CANCELED)

    client.force_login(translator)
    translator_home = client.get(reverse("admin:index")).content.decode()
    client.force_login(editor)
    editor_home = client.get(reverse("admin:index")).content.decode()

    assert mine.headline in translator_home
    assert "Changes requested on your stories" in translator_home
    assert "Sent back" in translator_home
    assert "Review queue" not in translator_home
    queue = editor_home.split("Review queue")[1].split("Approved, to publish")[0]
    assert queue.index("Waiting longest") < queue.index("Just submitted")
    assert "Tomorrow&#x27;s story" in editor_home.split("Scheduled")[1]
    flagged_panel = editor_home.split("Source changed or canceled")[1]
    assert "Canceled src" in flagged_panel
    assert "source canceled by the agency" in flagged_panel


def test_the_dashboard_flags_newer_versions_of_the_last_week_and_every_cancellation(
    client, translator, editor
):
    updated = story_in_state(StoryStatus.PUBLISHED, assignee=translator, headline="Updated src")
    stale = story_in_state(StoryStatus.PUBLISHED, assignee=translator, headline="Old update")
    canceled = story_in_state(StoryStatus.PUBLISHED, assignee=translator, headline="Old cancel")
    for story, version, pub_status in [
        (updated, 2, PubStatus.USABLE),
        (stale, 2, PubStatus.USABLE),
        (canceled, 2, PubStatus.CANCELED),
    ]:
        wire = story.translation.wire_story
        WireStoryFactory(agency=wire.agency, guid=wire.guid, version=version, pub_status=pub_status)
    long_ago = timezone.now() - timedelta(days=8)
    WireStory.objects.filter(version=2).exclude(guid=updated.translation.wire_story.guid).update(
        received_at=long_ago
    )
    client.force_login(editor)

    page = client.get(reverse("admin:index")).content.decode()

    panel = page.split("Source changed or canceled")[1].split("</table>")[0]
    assert "(newer versions of the last 7 days)" in panel
    assert "Updated src" in panel
    assert "the source has a newer version" in panel
    assert "Old update" not in panel
    assert "Old cancel" in panel
    assert "source canceled by the agency" in panel


def test_the_flagged_panel_may_be_a_minute_old_but_shows_the_stories_as_they_are_now(
    client, translator, editor
):
    flagged = story_in_state(StoryStatus.PUBLISHED, assignee=translator, headline="Canceled src")
    wire = flagged.translation.wire_story
    WireStoryFactory(agency=wire.agency, guid=wire.guid, version=2, pub_status=PubStatus.CANCELED)
    withdrawn = story_in_state(StoryStatus.PUBLISHED, assignee=translator, headline="Pulled")
    wire = withdrawn.translation.wire_story
    WireStoryFactory(agency=wire.agency, guid=wire.guid, version=2, pub_status=PubStatus.CANCELED)
    client.force_login(editor)
    client.get(reverse("admin:index"))

    Story.objects.filter(pk=flagged.pk).update(headline="Renamed since")
    Story.objects.filter(pk=withdrawn.pk).update(
        status=StoryStatus.WITHDRAWN, withdrawn_at=timezone.now(), withdrawal_note="Wrong."
    )
    page = client.get(reverse("admin:index")).content.decode()

    panel = page.split("Source changed or canceled")[1].split("</table>")[0]
    assert "Renamed since" in panel
    assert "source canceled by the agency" in panel
    assert "Pulled" not in panel


def test_the_changelist_filters_stories_whose_source_was_canceled(client, translator, editor):
    flagged = story_in_state(StoryStatus.IN_REVIEW, assignee=translator, headline="Flag me")
    story_in_state(StoryStatus.IN_REVIEW, assignee=translator, headline="Leave me")
    wire = flagged.translation.wire_story
    WireStoryFactory(agency=wire.agency, guid=wire.guid, version=2, pub_status=PubStatus.CANCELED)
    client.force_login(editor)

    listing = client.get(reverse("admin:articles_story_changelist"), {"source": "canceled"})
    change = client.get(admin_url("change", flagged)).content.decode()

    assert "Flag me" in listing.content.decode()
    assert "Leave me" not in listing.content.decode()
    assert "has canceled the source" in change


def test_nothing_published_is_ever_deleted(client, translator, superuser):
    published = story_in_state(StoryStatus.PUBLISHED, assignee=translator)
    withdrawn = story_in_state(StoryStatus.WITHDRAWN, assignee=translator)
    client.force_login(superuser)

    for story in (published, withdrawn):
        assert client.post(admin_url("delete", story), {"post": "yes"}).status_code == 403
    bulk = client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )

    assert bulk.status_code in (200, 302, 403)
    assert Story.objects.filter(pk__in=[published.pk, withdrawn.pk]).count() == 2


def test_the_change_form_cannot_touch_status_text_assignee_or_language(
    client, translator, other_translator
):
    """Status moves by the services, text through the desk (versioned): the form keeps the rest."""
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    section = SectionFactory()
    client.force_login(translator)
    revision = story.revision

    response = client.post(
        admin_url("change", story),
        {
            "headline": "New headline",
            "summary": "New summary",
            "slug": "my-own-slug",
            "language": "fr",
            "assignee": other_translator.pk,
            "status": StoryStatus.PUBLISHED,
            "section": section.pk,
            "dateline": "ASTANA",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    assert (story.section, story.dateline) == (section, "ASTANA")
    assert (story.headline, story.status, story.language) == (
        "Talks in Astana",
        StoryStatus.DRAFT,
        "en",
    )
    assert (story.assignee, story.revision) == (translator, revision)
    assert story.slug != "my-own-slug"
    page = client.get(admin_url("change", story)).content.decode()
    assert "Open in the translation desk" in page


def test_stories_start_from_the_wire_queue_not_the_add_form(client, editor):
    client.force_login(editor)

    assert client.get(reverse("admin:articles_story_add")).status_code == 403


def test_a_story_under_review_is_read_only_in_the_form(client, translator):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    client.force_login(translator)

    response = client.post(admin_url("change", story), {"headline": "Sneaky edit"})

    assert response.status_code == 403
    story.refresh_from_db()
    assert story.headline != "Sneaky edit"


def test_list_actions_call_the_services_and_are_offered_only_to_those_allowed(
    client, translator, editor
):
    stories = [story_in_state(StoryStatus.IN_REVIEW, assignee=translator) for _ in range(2)]
    draft = story_in_state(StoryStatus.DRAFT, assignee=translator)
    changelist = reverse("admin:articles_story_changelist")
    client.force_login(translator)
    translator_list = client.get(changelist).content.decode()
    client.force_login(editor)

    response = client.post(
        changelist,
        {"action": "approve_selected", "_selected_action": [s.pk for s in [*stories, draft]]},
        follow=True,
    )

    assert 'value="approve_selected"' not in translator_list
    assert 'value="submit_selected"' in translator_list
    page = response.content.decode()
    assert "2 stories approved" in page
    assert "“Approve only” is not possible: the story is draft" in page
    assert AuditEvent.objects.filter(event_type=EventType.STORY_APPROVED).count() == 2
    draft.refresh_from_db()
    assert draft.status == StoryStatus.DRAFT


def test_the_audit_log_is_read_only_even_for_superusers(client, translator, superuser):
    story = story_in_state(StoryStatus.DRAFT, assignee=translator)
    story_submit(story=story, actor=translator)
    event = AuditEvent.objects.get(story=story)
    client.force_login(superuser)

    assert client.get(reverse("admin:translations_auditevent_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:translations_auditevent_change", args=[event.pk]), {"comment": "x"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("admin:translations_auditevent_delete", args=[event.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert AuditEvent.objects.get(pk=event.pk).comment == ""


def test_resolving_a_comment_never_redirects_off_the_site(client, translator, editor):
    story = story_in_state(StoryStatus.CHANGES_REQUESTED, assignee=translator)
    comment = ReviewCommentFactory(story=story, author=editor)
    client.force_login(translator)

    response = client.post(
        admin_url("comment_resolve", story, comment.pk), {"next": "https://evil.example/"}
    )

    assert response.status_code == 302
    assert response["Location"] == admin_url("review", story)


@pytest.mark.parametrize(
    ("value", "shown"),
    [("scheduled", {"Later"}), ("published", {"Now"}), ("draft", {"Talks in Astana"})],
)
def test_the_story_list_filters_scheduled_apart_from_published(client, editor, value, shown):
    story_in_state(StoryStatus.PUBLISHED, headline="Now")
    story_in_state(StoryStatus.PUBLISHED, scheduled=True, headline="Later")
    story_in_state(StoryStatus.DRAFT)
    client.force_login(editor)

    page = client.get(reverse("admin:articles_story_changelist"), {"status": value})

    assert page.status_code == 200
    body = page.content.decode()
    for headline in {"Now", "Later", "Talks in Astana"}:
        assert (f">{headline}</a>" in body) is (headline in shown), headline


def test_approve_and_publish_is_one_step_that_asks_for_a_missing_section(
    client, translator, editor
):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator, section=None)
    section = SectionFactory(name="Politics")
    url = reverse("admin:articles_story_move", args=[story.pk, "approve-publish"])
    client.force_login(editor)

    review = client.get(reverse("admin:articles_story_review", args=[story.pk])).content.decode()
    refused = client.post(url, {"publish_at": "", "comment": ""})
    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW
    response = client.post(url, {"publish_at": "", "comment": "", "section": section.pk})

    assert "Approve and publish" in review
    assert 'name="section"' in review
    assert refused.status_code == 400
    assert "This field is required" in refused.content.decode()
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.status, story.section) == (StoryStatus.PUBLISHED, section)
    assert list(
        AuditEvent.objects.filter(story=story).order_by("pk").values_list("event_type", flat=True)
    )[-2:] == [EventType.STORY_APPROVED, EventType.STORY_PUBLISHED]


def test_the_editor_is_not_offered_to_resubmit_right_after_requesting_changes(
    client, translator, editor
):
    story = story_in_state(StoryStatus.IN_REVIEW, assignee=translator)
    client.force_login(editor)

    client.post(
        reverse("admin:articles_story_move", args=[story.pk, "request-changes"]),
        {"comment": "Check the date.", "paragraph_key": ""},
    )
    page = client.get(reverse("admin:articles_story_review", args=[story.pk])).content.decode()
    client.force_login(translator)
    own = client.get(reverse("admin:articles_story_change", args=[story.pk])).content.decode()

    resubmit = reverse("admin:articles_story_move", args=[story.pk, "resubmit"])
    assert resubmit not in page
    assert resubmit in own
