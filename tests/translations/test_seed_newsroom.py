"""manage.py seed_newsroom: realistic rows through the real models, idempotent by its tag."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    Attribution,
    Correction,
    Story,
    StoryParagraph,
    StorySearchDocument,
    StoryStatus,
    WireStory,
)
from translations.memory import near_match_key, text_hash
from translations.models import (
    AuditEvent,
    MemoryEntry,
    ParagraphAlignment,
    ReviewComment,
    StoryRevision,
    Translation,
)
from translations.seeding.plan import plan_story

pytestmark = pytest.mark.django_db

STORIES = 30
COUNTED = (
    Story,
    StoryParagraph,
    WireStory,
    Attribution,
    Translation,
    ParagraphAlignment,
    StoryRevision,
    AuditEvent,
    ReviewComment,
    Correction,
    MemoryEntry,
    StorySearchDocument,
)


def seed(stories: int = STORIES, **options) -> str:
    out = StringIO()
    call_command("seed_newsroom", stories=stories, stdout=out, **options)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def seeded(db):
    seed()


def test_rows_of_every_model(seeded):
    counts = row_counts()
    assert counts["Story"] == STORIES
    assert counts["Translation"] == STORIES
    # One alignment per paragraph, 8-15 paragraphs a story.
    assert counts["ParagraphAlignment"] == counts["StoryParagraph"]
    for story in Story.objects.all():
        assert 8 <= story.paragraphs.count() <= 15
        assert story.revisions.count() >= 2
        assert story.audit_events.filter(event_type="wire_claimed").count() == 1
        assert story.attributions.filter(role="translated_from").exists()
    # Queue items beside the translated stories, and later versions of some wire stories.
    assert counts["WireStory"] > STORIES
    assert WireStory.objects.filter(version__gt=1).exists()
    assert WireStory.objects.filter(translations=None, discarded_at=None).exists()
    assert set(WireStory.objects.values_list("language", flat=True)) == {"ru", "kk", "tr", "az"}
    # The desk's people are in their groups, and cannot log in.
    story = Story.objects.select_related("assignee").first()
    assert story.assignee.groups.filter(name="Translators").exists()
    assert not story.assignee.has_usable_password()
    assert counts["ReviewComment"] >= 1
    assert counts["Correction"] >= 1
    assert counts["MemoryEntry"] > STORIES * 8
    expected_documents = Story.objects.filter(
        status__in=[StoryStatus.PUBLISHED, StoryStatus.WITHDRAWN]
    ).count()
    assert counts["StorySearchDocument"] == (
        expected_documents if connection.vendor == "postgresql" else 0
    )


def test_every_state_is_present(seeded):
    statuses = set(Story.objects.values_list("status", flat=True))
    assert statuses == set(StoryStatus.values)
    assert Story.objects.scheduled().exists()
    assert Story.objects.gone().exists()
    assert Story.objects.live().filter(corrections__isnull=False).exists()
    # A published story is live from its publish time on, and withdrawn ones were live before.
    assert Story.objects.live().count() > STORIES // 2


def test_source_and_translation_agree_and_the_memory_is_searchable(seeded):
    translation = Translation.objects.filter(story__status=StoryStatus.PUBLISHED).first()
    wire, story = translation.wire_story, translation.story
    assert wire.language != story.language == "en"
    assert translation.credit_line == wire.agency.credit_line
    # Names and figures are rendered into both texts: the same number of digit groups.
    source = " ".join(wire.paragraphs)
    english = " ".join(story.paragraphs.values_list("text", flat=True))
    assert any(c.isdigit() for c in source)
    assert any(c.isdigit() for c in english)
    entry = MemoryEntry.objects.filter(story=story).exclude(source_text=wire.headline).first()
    assert entry.source_key == near_match_key(entry.source_text)
    assert entry.source_hash == text_hash(entry.source_text)
    assert entry.source_language == wire.language


def test_audit_log_follows_the_workflow(seeded):
    withdrawn = Story.objects.get(status=StoryStatus.WITHDRAWN)
    moves = list(
        withdrawn.audit_events.order_by("created_at", "pk").values_list("event_type", flat=True)
    )
    assert moves == [
        "wire_claimed",
        "story_saved",
        "story_submitted",
        "story_approved",
        "story_published",
        "story_withdrawn",
    ]
    now = timezone.now()
    assert withdrawn.publish_at <= withdrawn.withdrawn_at <= now
    # Nothing happened in the future; only a scheduled story's publish time is ahead.
    assert not AuditEvent.objects.filter(created_at__gt=now).exists()
    assert not WireStory.objects.filter(sent_at__gt=now).exists()
    assert set(Story.objects.filter(publish_at__gt=now)) == set(Story.objects.scheduled())
    requested = Story.objects.get(status=StoryStatus.CHANGES_REQUESTED)
    event = requested.audit_events.get(event_type="changes_requested")
    assert event.payload["comment"] == requested.review_comments.get().pk


def test_live_stories_are_on_the_public_pages_and_the_api(client, seeded):
    newest = Story.objects.live().order_by("-publish_at").first()
    home = client.get(reverse("articles:home"))
    assert home.status_code == 200
    assert newest.headline in home.content.decode()
    section = client.get(newest.section.get_absolute_url())
    assert newest.headline in section.content.decode()
    page = client.get(newest.get_absolute_url())
    assert page.status_code == 200
    assert newest.paragraphs.first().text in page.content.decode()
    api = client.get(reverse("articles:api-stories")).json()
    assert newest.slug in {item["slugline"] for item in api["items"]}
    draft = Story.objects.get(status=StoryStatus.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search: PostgreSQL")
def test_search_finds_a_seeded_story(client, seeded):
    story = Story.objects.live().order_by("-publish_at").first()
    word = max(story.headline.split(), key=len)
    response = client.get(reverse("articles:search"), {"q": word})
    assert story.headline in response.content.decode()


def test_second_run_writes_nothing_and_a_larger_one_adds_the_difference(seeded):
    before = row_counts()
    assert "nothing (the seed is complete)" in seed()
    assert row_counts() == before
    seed(STORIES + 5)
    assert Story.objects.count() == STORIES + 5
    # The five added are the ones a single run of 35 would have made.
    now = timezone.now()
    expected = {
        plan_story("seed", n, total=STORIES + 5, now=now, in_progress_share=0.12).headline
        for n in range(STORIES + 5)
    }
    assert set(Story.objects.values_list("headline", flat=True)) == expected


def test_dry_run_writes_nothing(db):
    output = seed(dry_run=True)
    assert "Dry run, nothing written" in output
    assert f"{STORIES} stories" in output
    assert set(row_counts().values()) == {0}


def test_another_tag_is_another_set(seeded):
    seed(5, tag="other")
    assert Story.objects.count() == STORIES + 5


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"stories": -1}, "--stories must be 0 or more"),
        ({"stories": 5, "in_progress_share": 1.5}, "--in-progress-share"),
        ({"stories": 5, "tag": "no spaces"}, "--tag"),
        ({"stories": 5, "batch": 0}, "--batch"),
    ],
)
def test_bad_options_are_named(db, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("seed_newsroom", stdout=StringIO(), **options)
