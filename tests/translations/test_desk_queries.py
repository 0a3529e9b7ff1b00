"""The editor's query budget: opening a 40-paragraph story costs a fixed number of queries,
however many paragraphs, memory entries, glossary terms and comments there are.

bench/bench_desk.py measures the same page with 100,000 memory entries on PostgreSQL (figures in
bench/README.md).
"""

import pytest

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
# glossary, acknowledgements, open comments, near memory matches (one query for all paragraphs,
# and on PostgreSQL one more for the statistics of its index), newest source version, the soft
# lock, and the people an editor may reassign to: 12 for a translator and 13 for an editor on
# SQLite today, 13 and 14 on PostgreSQL.
EDITOR_QUERY_BUDGET = 15


def forty_paragraphs() -> list[str]:
    return [f"Абзац номер {n}: министр обсудил вопросы транзита и безопасности." for n in range(40)]


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_opening_the_editor_stays_within_the_query_budget(
    client, translator, editor, role, django_assert_max_num_queries
):
    paragraphs = forty_paragraphs()
    story = wire_story_claim(wire_story=WireStoryFactory(paragraphs=paragraphs), actor=translator)
    for index, text in enumerate(paragraphs[:20]):
        MemoryEntryFactory(source_text=text.replace("министр", "посол"), target_text=f"EN {index}")
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
