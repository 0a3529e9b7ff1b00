"""Translation memory: stored on approval, exact matches filled in, near matches offered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EditorFactory, MemoryEntryFactory, WireStoryFactory
from tests.translations.desk_helpers import editor_form, editor_url
from translations.memory import MIN_FUZZY_SCORE, memory_fuzzy, similarity
from translations.models import MemoryEntry, ParagraphOrigin
from translations.services.desk import wire_story_claim
from translations.services.workflow import story_approve, story_submit

pytestmark = pytest.mark.django_db

FIRST = [
    "Министр иностранных дел прибыл в Брюссель для переговоров о транзите грузов.",
    "Стороны обсудили сотрудничество в сфере безопасности и борьбы с терроризмом.",
    "Встреча прошла в конструктивной атмосфере, отметили в министерстве.",
    "Следующий раунд переговоров запланирован на осень текущего года.",
    "Ранее министр посетил Париж и Берлин.",
]
FIRST_EN = [
    "The foreign minister arrived in Brussels for talks on cargo transit.",
    "The sides discussed cooperation on security and the fight against terrorism.",
    "The meeting was constructive, the ministry said.",
    "The next round of talks is planned for the autumn of this year.",
    "Earlier the minister visited Paris and Berlin.",
]
# Shares paragraphs 2, 3 and 5 of FIRST; paragraph 4 differs by one word ("осень" -> "весну").
SECOND = [
    "Президент подписал указ о новом составе правительства.",
    FIRST[1],
    FIRST[2],
    "Следующий раунд переговоров запланирован на весну текущего года.",
    FIRST[4],
]


def approve_first_translation(translator) -> None:
    wire = WireStoryFactory(headline="Министр в Брюсселе", paragraphs=FIRST)
    story = wire_story_claim(wire_story=wire, actor=translator)
    from translations.services.desk import story_save, story_text

    current = story_text(story)
    story_save(
        story=story,
        actor=translator,
        based_on_revision=story.revision,
        headline="Foreign minister in Brussels",
        summary="",
        paragraphs=[
            type(p)(text=text, key=p.key, source_indexes=p.source_indexes)
            for p, text in zip(current.paragraphs, FIRST_EN, strict=True)
        ],
    )
    story_submit(story=story, actor=translator)
    story_approve(story=story, actor=EditorFactory())


def test_approval_stores_the_paragraph_pairs(translator):
    approve_first_translation(translator)
    pairs = set(MemoryEntry.objects.values_list("source_text", "target_text"))
    assert {(s, t) for s, t in zip(FIRST, FIRST_EN, strict=True)} <= pairs
    assert MemoryEntry.objects.filter(source_language="ru", target_language="en").count() == 6


def test_a_new_story_opens_with_shared_paragraphs_filled_and_a_near_match_offered(
    client, translator, other_translator
):
    approve_first_translation(translator)
    story = wire_story_claim(wire_story=WireStoryFactory(paragraphs=SECOND), actor=other_translator)
    client.force_login(other_translator)

    page = client.get(editor_url(story)).content.decode()
    data = editor_form(client, story)

    paragraphs = list(story.paragraphs.order_by("position"))
    assert [p.text for p in paragraphs] == ["", FIRST_EN[1], FIRST_EN[2], "", FIRST_EN[4]]
    assert [p.alignment.origin for p in paragraphs] == [
        ParagraphOrigin.TYPED,
        ParagraphOrigin.MEMORY_EXACT,
        ParagraphOrigin.MEMORY_EXACT,
        ParagraphOrigin.TYPED,
        ParagraphOrigin.MEMORY_EXACT,
    ]
    assert data["p-1-text"] == FIRST_EN[1]
    assert page.count("(memory, exact match, 100 %)") == 3
    score = similarity(FIRST[3], SECOND[3])
    assert MIN_FUZZY_SCORE <= score < 100
    assert f'<span class="desk-score">{score} %</span>' in page
    assert "<del>осень</del><ins>весну</ins>" in page
    assert FIRST_EN[3] in page


def test_using_a_near_match_records_its_origin_and_score(client, translator, other_translator):
    approve_first_translation(translator)
    story = wire_story_claim(wire_story=WireStoryFactory(paragraphs=SECOND), actor=other_translator)
    client.force_login(other_translator)
    entry = MemoryEntry.objects.get(source_text=FIRST[3])

    client.post(editor_url(story), editor_form(client, story) | {"op": f"use_match:3:{entry.pk}"})

    paragraph = story.paragraphs.order_by("position")[3]
    assert paragraph.text == FIRST_EN[3]
    assert paragraph.alignment.origin == ParagraphOrigin.MEMORY_FUZZY
    assert paragraph.alignment.memory_score == similarity(FIRST[3], SECOND[3])


def test_near_matches_below_the_threshold_are_not_offered():
    MemoryEntryFactory(source_text="Совсем другой текст о погоде в горах и на равнинах.")
    MemoryEntryFactory(source_text=FIRST[3], target_text=FIRST_EN[3])
    (matches,) = memory_fuzzy([SECOND[3]], source_language="ru", target_language="en")
    assert [m.target_text for m in matches] == [FIRST_EN[3]]
    (none,) = memory_fuzzy([FIRST[0]], source_language="ru", target_language="en")
    assert none == []
    (other_pair,) = memory_fuzzy([SECOND[3]], source_language="ru", target_language="de")
    assert other_pair == []


def test_a_long_paragraph_is_stored(translator):
    long_text = "Очень длинный абзац. " * 400
    MemoryEntryFactory(source_text=long_text, target_text="A very long paragraph. " * 400)
    assert MemoryEntry.objects.count() == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        # Other endings: the same words in other cases, which a look-up by whole words misses.
        "Министра иностранных дел встретили в Брюсселе на переговорах о транзите грузов.",
        "Министру иностранных дел предстоят в Брюсселе переговоры о транзите грузов.",
        # A clause added.
        "Министр иностранных дел прибыл в Брюссель для переговоров о транзите грузов и "
        "энергоносителей через Польшу.",
    ],
)
def test_near_matches_with_other_word_endings_or_a_clause_added_are_offered(paragraph):
    MemoryEntryFactory.create_batch(30)
    MemoryEntryFactory(source_text=FIRST[0], target_text=FIRST_EN[0])

    (matches,) = memory_fuzzy([paragraph], source_language="ru", target_language="en")

    assert [(m.target_text, m.score) for m in matches] == [
        (FIRST_EN[0], similarity(FIRST[0], paragraph))
    ]
    assert matches[0].score >= MIN_FUZZY_SCORE


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stems index is PostgreSQL's")
def test_the_fuzzy_look_up_uses_the_stems_index():
    # Enough entries of one language pair that reading them all costs more than the index.
    MemoryEntry.objects.bulk_create(MemoryEntryFactory.build_batch(3000))
    MemoryEntryFactory(source_text=FIRST[3], target_text=FIRST_EN[3])
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {MemoryEntry._meta.db_table}")
    with CaptureQueriesContext(connection) as queries:
        (matches,) = memory_fuzzy([SECOND[3]], source_language="ru", target_language="en")
    assert [m.target_text for m in matches] == [FIRST_EN[3]]

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + queries.captured_queries[-1]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on memory_source_stems" in plan, plan
