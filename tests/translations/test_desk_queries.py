"""The editor's query budget: opening a story costs a fixed number of queries, however many
paragraphs, memory entries, glossary terms and comments there are, whether the near matches kept
with the story still hold or have to be looked up again.

bench/bench_desk.py measures the same page with 100,000 memory entries on PostgreSQL (figures in
bench/README.md).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    GlossaryTermFactory,
    MemoryEntryFactory,
    ReviewCommentFactory,
    WireStoryFactory,
)
from tests.translations.desk_helpers import editor_url
from translations.services.desk import wire_story_claim

pytestmark = pytest.mark.django_db

# Session, user, permissions (2), story with translation and source, paragraphs with alignment,
# glossary, acknowledgements, open comments, the memory's generation, the near matches kept with
# the story, newest source version, the soft lock, and the people an editor may reassign to: 13
# for a translator and 14 for an editor. Kept matches that no longer hold cost the look-up (one
# query, and on PostgreSQL one more for the statistics of its index) and keeping them again.
EDITOR_QUERY_BUDGET = 15
STALE_MATCHES_QUERIES = 3 if connection.vendor == "postgresql" else 2


def paragraphs(count: int) -> list[str]:
    return [
        f"Абзац {n} из {count}: министр обсудил вопросы транзита и безопасности."
        for n in range(count)
    ]


def claimed(translator, count: int, capture):
    texts = paragraphs(count)
    for index, text in enumerate(texts[: count // 2]):
        MemoryEntryFactory(source_text=text.replace("министр", "посол"), target_text=f"EN {index}")
    with capture(execute=True):  # the claim's task keeps the near matches with the story
        return wire_story_claim(wire_story=WireStoryFactory(paragraphs=texts), actor=translator)


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_opening_the_editor_stays_within_the_query_budget(
    client,
    translator,
    editor,
    role,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    story = claimed(translator, 40, django_capture_on_commit_callbacks)
    GlossaryTermFactory.create_batch(5)
    for paragraph in story.paragraphs.all()[:5]:
        ReviewCommentFactory(story=story, paragraph_key=paragraph.key)
    client.force_login(translator if role == "translator" else editor)

    with django_assert_max_num_queries(EDITOR_QUERY_BUDGET):
        response = client.get(editor_url(story))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="desk-text"') == 42  # headline, summary and 40 paragraphs
    assert page.count('class="desk-score"') >= 20
    assert page.count("Mark resolved") == 5


def desk_queries(client, story) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(editor_url(story))
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.parametrize("memory_grew", [False, True], ids=["kept", "stale"])
def test_opening_the_desk_costs_the_same_queries_for_5_and_40_paragraphs(
    client, translator, memory_grew, django_capture_on_commit_callbacks
):
    short = claimed(translator, 5, django_capture_on_commit_callbacks)
    long = claimed(translator, 40, django_capture_on_commit_callbacks)
    client.force_login(translator)
    desk_queries(client, short), desk_queries(client, long)  # the soft lock taken once
    if memory_grew:
        MemoryEntryFactory()  # every kept match is now older than the memory

    (short_count, short_page), (long_count, long_page) = (
        desk_queries(client, short),
        desk_queries(client, long),
    )

    assert short_count == long_count
    assert short_page.count('class="desk-score"') >= 2
    assert long_page.count('class="desk-score"') >= 20
    if memory_grew:
        again, _page = desk_queries(client, long)
        assert long_count == again + STALE_MATCHES_QUERIES
