"""The contract articles.provenance documents: the names by which articles/ reads a story's
translation record. A rename in translations/ breaks this test, not the public site."""

import pytest

from articles.models import Story, StoryStatus
from articles.provenance import (
    same_source_q,
    source_language_q,
    source_of,
    translated_q,
    translator_names,
    with_provenance,
)
from tests.factories import StoryFactory, TranslatorFactory, WireStoryFactory, story_in_state

pytestmark = pytest.mark.django_db


def test_source_of_reads_the_translation_record():
    translator = TranslatorFactory(first_name="Aigerim", last_name="Nurlanova")
    wire = WireStoryFactory(source_url="https://agency.example/1")
    story = story_in_state(StoryStatus.PUBLISHED, assignee=translator, wire_story=wire)
    story.translation.source_language = "ru-RU"
    story.translation.credit_line = " Translated from Trend "
    story.translation.save()
    in_house = StoryFactory()

    loaded = with_provenance(Story.objects.filter(pk=story.pk)).get()
    source = source_of(loaded)

    assert source is not None
    assert (source.wire_story, source.agency, source.language, source.credit_line) == (
        wire,
        wire.agency,
        "ru-RU",
        "Translated from Trend",
    )
    assert translator_names(loaded) == ["Aigerim Nurlanova"]
    assert source_of(in_house) is None


def test_the_query_conditions_follow_the_translation_record():
    wire = WireStoryFactory()
    story = story_in_state(StoryStatus.PUBLISHED, wire_story=wire)
    other_language = story_in_state(StoryStatus.PUBLISHED, wire_story=wire)
    unrelated = story_in_state(StoryStatus.PUBLISHED)
    for item, language in [(story, "ru-RU"), (other_language, "kk"), (unrelated, "rus")]:
        item.translation.source_language = language
        item.translation.save()
    in_house = StoryFactory()

    def ids(condition):
        return set(Story.objects.filter(condition).values_list("pk", flat=True))

    assert ids(translated_q()) == {story.pk, other_language.pk, unrelated.pk}
    assert ids(translated_q(wire.agency)) == {story.pk, other_language.pk}
    assert ids(source_language_q("ru")) == {story.pk}
    assert ids(same_source_q(Story.objects.filter(pk=story.pk))) == {story.pk, other_language.pk}
    assert in_house.pk not in ids(translated_q())
