"""Near matches kept with the story: the desk shows the kept ones, and they follow the memory and
the source (translations.memory_offers, the tasks refresh_memory_offers*)."""

import hashlib

import pytest

from tests.factories import EditorFactory, MemoryEntryFactory, WireStoryFactory
from tests.translations.desk_helpers import editor_form, editor_url
from translations.memory import similarity, text_hash
from translations.models import MemoryOffers
from translations.services.desk import (
    story_save,
    story_text,
    translation_rebase,
    wire_story_claim,
)
from translations.services.workflow import story_approve, story_submit

pytestmark = pytest.mark.django_db

SOURCE = [
    "Министр иностранных дел прибыл в Брюссель для переговоров о транзите грузов.",
    "Следующий раунд переговоров запланирован на осень текущего года.",
]
# One word away from SOURCE[1]: a near match of it.
REMEMBERED = "Следующий раунд переговоров запланирован на весну текущего года."
REMEMBERED_EN = "The next round of talks is planned for the spring of this year."


def claim(translator, paragraphs, capture) -> object:
    with capture(execute=True):
        return wire_story_claim(
            wire_story=WireStoryFactory(paragraphs=paragraphs), actor=translator
        )


def near_matches_on_desk(client, story) -> list[str]:
    """The remembered translations the desk offers, as the translator reads them."""
    page = client.get(editor_url(story)).content.decode()
    return [text for text in (REMEMBERED_EN, "A kept offer") if text in page]


def test_the_claim_keeps_the_offers_and_the_desk_shows_the_kept_ones(
    client, translator, django_capture_on_commit_callbacks
):
    entry = MemoryEntryFactory(source_text=REMEMBERED, target_text=REMEMBERED_EN)
    story = claim(translator, SOURCE, django_capture_on_commit_callbacks)

    kept = MemoryOffers.objects.get(translation=story.translation, source_hash=text_hash(SOURCE[1]))
    assert kept.memory_generation == entry.pk
    assert [m["target"] for m in kept.matches] == [REMEMBERED_EN]
    assert MemoryOffers.objects.get(source_hash=text_hash(SOURCE[0])).matches == []
    # What the desk shows is what was kept, not a new search of the memory.
    kept.matches[0]["target"] = "A kept offer"
    kept.save()
    client.force_login(translator)
    assert near_matches_on_desk(client, story) == ["A kept offer"]


def test_an_approval_refreshes_the_offers_of_stories_being_translated(
    client, translator, other_translator, django_capture_on_commit_callbacks
):
    story = claim(other_translator, SOURCE, django_capture_on_commit_callbacks)
    client.force_login(other_translator)
    assert near_matches_on_desk(client, story) == []

    approved = wire_story_claim(
        wire_story=WireStoryFactory(paragraphs=["Президент подписал указ.", REMEMBERED]),
        actor=translator,
    )
    text = story_text(approved)
    story_save(
        story=approved,
        actor=translator,
        based_on_revision=approved.revision,
        headline="The president signed a decree",
        summary="",
        paragraphs=[
            type(p)(text=t, key=p.key, source_indexes=p.source_indexes)
            for p, t in zip(
                text.paragraphs, ["The president signed a decree.", REMEMBERED_EN], strict=True
            )
        ],
    )
    story_submit(story=approved, actor=translator)
    with django_capture_on_commit_callbacks(execute=True):
        story_approve(story=approved, actor=EditorFactory())

    kept = MemoryOffers.objects.get(translation=story.translation, source_hash=text_hash(SOURCE[1]))
    assert [(m["target"], m["score"]) for m in kept.matches] == [
        (REMEMBERED_EN, similarity(REMEMBERED, SOURCE[1]))
    ]
    assert near_matches_on_desk(client, story) == [REMEMBERED_EN]


def test_a_memory_grown_without_the_task_is_looked_up_when_the_desk_opens(
    client, translator, django_capture_on_commit_callbacks
):
    story = claim(translator, SOURCE, django_capture_on_commit_callbacks)
    client.force_login(translator)
    assert near_matches_on_desk(client, story) == []

    # A new entry, and no task told: the kept offers are older than the memory.
    entry = MemoryEntryFactory(source_text=REMEMBERED, target_text=REMEMBERED_EN)

    assert near_matches_on_desk(client, story) == [REMEMBERED_EN]
    kept = MemoryOffers.objects.get(translation=story.translation, source_hash=text_hash(SOURCE[1]))
    assert kept.memory_generation == entry.pk


def test_a_rebase_keeps_offers_for_the_new_source_and_forgets_the_old(
    client, translator, django_capture_on_commit_callbacks
):
    MemoryEntryFactory(source_text=REMEMBERED, target_text=REMEMBERED_EN)
    old = [SOURCE[0], "Встреча прошла в конструктивной атмосфере, отметили в министерстве."]
    story = claim(translator, old, django_capture_on_commit_callbacks)
    client.force_login(translator)
    assert near_matches_on_desk(client, story) == []

    wire = story.translation.wire_story
    payload = "\n\n".join([wire.headline, *SOURCE]).encode()
    WireStoryFactory(
        agency=wire.agency,
        guid=wire.guid,
        version=2,
        paragraphs=SOURCE,
        raw_payload=payload,
        checksum=hashlib.sha256(payload).hexdigest(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation_rebase(story=story, actor=translator, based_on_revision=story.revision)

    kept = set(
        MemoryOffers.objects.filter(translation=story.translation).values_list(
            "source_hash", flat=True
        )
    )
    assert kept == {text_hash(SOURCE[0]), text_hash(SOURCE[1])}
    assert near_matches_on_desk(client, story) == [REMEMBERED_EN]


def test_merged_paragraphs_get_offers_for_their_joined_source(client, translator):
    story = wire_story_claim(wire_story=WireStoryFactory(paragraphs=SOURCE), actor=translator)
    client.force_login(translator)
    client.post(editor_url(story), editor_form(client, story) | {"op": "merge:0"})

    joined = "\n".join(SOURCE)
    assert client.get(editor_url(story)).status_code == 200
    assert MemoryOffers.objects.filter(
        translation=story.translation, source_hash=text_hash(joined)
    ).exists()
