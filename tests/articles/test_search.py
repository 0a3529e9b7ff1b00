"""Search: live stories only, ranked, with safe highlighted snippets, on both databases."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import StorySearchDocument
from articles.search import cut_snippet, index_stories, text_search_config
from tests.articles.conftest import postgres_only
from tests.factories import PublishedStoryFactory
from translations.services.editing import ParagraphInput
from translations.services.workflow import story_correct

pytestmark = pytest.mark.django_db


def search(client, query: str, **params) -> str:
    response = client.get(reverse("articles:search"), {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("tag", "config"),
    [
        ("en", "english"),
        ("ru", "russian"),
        ("ru-RU", "russian"),
        ("DE", "german"),
        ("kk-Cyrl", "simple"),
        ("az", "simple"),
        ("", "simple"),
    ],
)
def test_language_tags_map_to_text_search_configurations(tag, config):
    assert text_search_config(tag) == config


def test_finds_a_word_of_the_body_and_marks_it(client, sample_story, kazinform_story):
    html = search(client, "Appathurai")
    assert sample_story.headline in html
    assert kazinform_story.headline not in html
    assert "<mark>Appathurai</mark>" in html
    assert "1 story found" in html


def test_every_word_must_match(client, sample_story, kazinform_story):
    assert "0 stories found" in search(client, "Appathurai investors")


def test_an_empty_query_shows_only_the_form(client, sample_story):
    html = search(client, "")
    assert "found" not in html
    assert sample_story.headline not in html


def test_search_takes_the_list_filters(client, sample_story, german_story):
    assert "2 stories found" in search(client, "NATO", section="politics", source_language="ru")
    assert "0 stories found" in search(client, "NATO", published_before="2000-01-01")
    response = client.get(reverse("articles:search"), {"q": "NATO", "role": "nobody"})
    assert response.status_code == 400


def test_story_text_cannot_inject_markup_into_a_snippet(client, sample_story):
    story = PublishedStoryFactory(
        headline="Markup test",
        body=['Officials said <script>alert("Appathurai")</script> & left.'],
    )
    index_stories([story.pk])
    html = search(client, "officials")
    assert "<script>alert" not in html
    assert "&amp; left" in html


def test_snippet_is_cut_around_the_first_match():
    text = "word " * 100 + "Brussels interview " + "more " * 100
    snippet = cut_snippet([text], ["brussels"])
    assert "<mark>Brussels</mark>" in snippet
    assert snippet.startswith("… ")
    assert snippet.endswith(" …")
    assert len(snippet) < 300


@postgres_only
def test_postgres_stems_in_each_story_language(client, sample_story, german_story):
    # "partners" finds "partner" in English; "Partnern" finds "Partner" in German.
    assert sample_story.headline in search(client, "partners")
    assert german_story.headline in search(client, "Partnern")
    assert StorySearchDocument.objects.get(story=german_story).config == "german"


@postgres_only
def test_postgres_ranks_headline_matches_first(client, sample_story):
    in_body_only = PublishedStoryFactory(
        headline="A story about something else",
        body=["Kazakhstan is mentioned here once."],
    )
    index_stories([in_body_only.pk])
    html = search(client, "Kazakhstan")
    assert html.index(sample_story.headline) < html.index(in_body_only.headline)


@postgres_only
def test_postgres_search_uses_the_gin_index(sample_story):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'story_search_vector_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (vector)" in definition


@pytest.fixture
def grain_stories():
    """Four stories that say "grain", newest first: in the body of the first and third, in the
    headline of the second and of the oldest, which alone names Aktau."""
    now = timezone.now()
    stories = [
        PublishedStoryFactory(
            headline=headline,
            summary=summary,
            body=["The harvest was discussed."],
            publish_at=now - timedelta(hours=hours),
        )
        for headline, summary, hours in [
            ("Rail freight rises", "Grain was part of it.", 1),
            ("Grain exports rise", "", 2),
            ("Port traffic grows", "Grain was part of it.", 3),
            ("Grain terminal opens in Aktau", "", 400),
        ]
    ]
    index_stories([s.pk for s in stories])
    return stories


@postgres_only
def test_postgres_ranks_only_the_newest_matches(client, grain_stories, monkeypatch):
    monkeypatch.setattr("articles.search.SEARCH_WINDOW", 3)
    html = search(client, "grain")
    newest, headline_match, older, oldest = grain_stories
    # Within the window the headline match comes first, then newest first...
    assert html.index(headline_match.headline) < html.index(newest.headline)
    assert html.index(newest.headline) < html.index(older.headline)
    # ...and a match older than the window is not ranked at all.
    assert oldest.headline not in html


@postgres_only
def test_postgres_finds_a_rare_word_in_an_old_story(client, grain_stories, monkeypatch):
    monkeypatch.setattr("articles.search.SEARCH_WINDOW", 3)
    assert grain_stories[-1].headline in search(client, "Aktau")
    assert grain_stories[-1].headline in search(client, "grain Aktau")


@postgres_only
def test_postgres_window_is_taken_after_the_filters(client, grain_stories, politics, monkeypatch):
    monkeypatch.setattr("articles.search.SEARCH_WINDOW", 1)
    oldest = grain_stories[-1]
    oldest.section = politics
    oldest.save(update_fields=["section"])
    assert oldest.headline in search(client, "grain", section=politics.slug)


def test_a_corrected_text_is_found_by_its_new_words(
    client, sample_story, editor, django_capture_on_commit_callbacks
):
    paragraphs = [
        ParagraphInput(text=p.text, key=p.key) for p in sample_story.paragraphs.order_by("position")
    ]
    paragraphs[0] = ParagraphInput(
        text="Kazakhstan remains a steadfast partner.", key=paragraphs[0].key
    )

    with django_capture_on_commit_callbacks(execute=True):
        story_correct(
            story=sample_story,
            actor=editor,
            note="The first paragraph misquoted the envoy.",
            headline=sample_story.headline,
            summary=sample_story.summary,
            paragraphs=paragraphs,
        )

    assert sample_story.headline in search(client, "steadfast")
