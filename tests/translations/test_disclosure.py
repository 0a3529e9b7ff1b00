"""What readers are told of how a translation was made (issue 14, acceptances 2 and 3).

Stories go through the desk's real services; machine suggestions come from a local server
speaking the LibreTranslate API (tests/translations/test_mt.py).
"""

import importlib
import json
import re

import extruct
import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.urls import reverse

from articles.models import ParagraphMethod, SiteSettings
from tests.articles.conftest import assert_valid
from tests.factories import (
    AgencyFactory,
    MemoryEntryFactory,
    SectionFactory,
    WireStoryFactory,
)
from translations.services.desk import (
    DeskParagraph,
    story_machine_suggest,
    story_save,
    story_text,
    wire_story_claim,
)
from translations.services.editing import ParagraphInput
from translations.services.workflow import (
    story_approve,
    story_correct,
    story_publish,
    story_submit,
)

pytestmark = pytest.mark.django_db

DISCLOSURE_ROLE = "newsroom:machine_translation_disclosure"
PARAGRAPHS_ROLE = "newsroom:paragraph_provenance"
HAND = ["The first paragraph of the news.", "The second paragraph, 2014.", "The third paragraph."]


def _source():
    agency = AgencyFactory(name="Trend", slug="trend")
    return WireStoryFactory(agency=agency, source_url="https://en.trend.az/news/1")


def _publish(story, translator, editor):
    story_submit(story=story, actor=translator)
    story_approve(story=story, actor=editor)
    return story_publish(story=story, actor=editor, section=SectionFactory())


def _save(story, translator, texts, **changes):
    current = story_text(story)
    return story_save(
        story=story,
        actor=translator,
        based_on_revision=story.revision,
        headline=changes.get("headline", "Talks in Astana"),
        summary="",
        paragraphs=[
            DeskParagraph(text=text, key=p.key, source_indexes=p.source_indexes)
            for p, text in zip(current.paragraphs, texts, strict=True)
        ],
    ).story


@pytest.fixture
def machine_story(libretranslate, translator, editor):
    """Machine-suggested, then the second paragraph edited by the translator."""
    story = wire_story_claim(wire_story=_source(), actor=translator)
    story = story_machine_suggest(
        story=story, actor=translator, based_on_revision=story.revision
    ).story
    texts = [p.text for p in story_text(story).paragraphs]
    assert texts == HAND  # what the machine wrote
    story = _save(story, translator, [texts[0], "The second paragraph, of 2014.", texts[2]])
    return _publish(story, translator, editor)


@pytest.fixture
def hand_story(translator, editor):
    story = wire_story_claim(wire_story=_source(), actor=translator)
    story = _save(story, translator, HAND)
    return _publish(story, translator, editor)


def page_text(client, story) -> str:
    html = client.get(story.get_absolute_url()).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def json_ld(client, story) -> dict:
    html = client.get(story.get_absolute_url()).content.decode()
    data = extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    [article] = [item for item in data if item.get("@type") == "NewsArticle"]
    return article


def ninjs_item(client, story, version: str) -> dict:
    url = reverse("articles:api-story", kwargs={"version": version, "slug": story.slug})
    response = client.get(url)
    assert response.status_code == 200
    return response.json()


def switch(on: bool) -> None:
    SiteSettings.objects.update_or_create(pk=1, defaults={"show_paragraph_provenance": on})
    cache.clear()


def test_the_desk_s_records_become_each_paragraph_s_public_method(machine_story):
    paragraphs = list(machine_story.paragraphs.order_by("position"))
    assert [p.method for p in paragraphs] == [
        ParagraphMethod.MACHINE,
        ParagraphMethod.MACHINE_POST_EDITED,
        ParagraphMethod.MACHINE,
    ]
    assert [p.source_indexes for p in paragraphs] == [[0], [1], [2]]


EXPECTED = (
    "Machine translation was used for this story: 3 of its 3 paragraphs were translated by "
    "machine; a person then edited 1 of them. An editor reviewed the whole story before "
    "publication."
)


def test_a_story_made_with_machine_suggestions_says_so_to_readers(client, machine_story):
    assert EXPECTED in page_text(client, machine_story)
    assert json_ld(client, machine_story)["backstory"] == EXPECTED


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_its_ninjs_says_so_and_validates(client, validators, machine_story, version):
    item = ninjs_item(client, machine_story, version)
    assert_valid(validators[version], item)
    assert {"role": DISCLOSURE_ROLE, "value": EXPECTED} in item["descriptions"]
    url = reverse("articles:api-stories", kwargs={"version": version})
    assert client.get(url, {"body": "1"}).json()["items"] == [item]
    (partial,) = client.get(url).json()["items"]
    assert_valid(validators[version], partial)
    assert {"role": DISCLOSURE_ROLE, "value": EXPECTED} in partial["descriptions"]


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_a_story_typed_by_hand_says_nothing_of_the_kind(client, validators, hand_story, version):
    assert [p.method for p in hand_story.paragraphs.all()] == [ParagraphMethod.HUMAN] * 3
    assert "machine" not in page_text(client, hand_story).lower()
    assert "backstory" not in json_ld(client, hand_story)
    item = ninjs_item(client, hand_story, version)
    assert_valid(validators[version], item)
    assert "machine" not in json.dumps(item).lower()


def test_the_disclosure_stays_on_whatever_the_per_paragraph_switch_says(client, machine_story):
    for on in (False, True):
        switch(on)
        assert EXPECTED in page_text(client, machine_story)


def test_per_paragraph_provenance_is_shown_only_when_the_editors_switch_it_on(
    client, machine_story
):
    assert (
        "paragraph-provenance" not in client.get(machine_story.get_absolute_url()).content.decode()
    )
    switch(True)
    html = client.get(machine_story.get_absolute_url()).content.decode()
    assert html.count('<details class="paragraph-provenance') == 3
    text = page_text(client, machine_story)
    assert "How paragraph 2 was made: Machine translation, edited by a person" in text
    assert "Translates paragraph 2 of the Russian original by Trend" in text
    assert "A machine translated it first; a person then edited it." in text


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_the_api_gives_per_paragraph_provenance_when_switched_on(
    client, validators, machine_story, version
):
    roles = [d["role"] for d in ninjs_item(client, machine_story, version)["descriptions"]]
    assert PARAGRAPHS_ROLE not in roles
    switch(True)
    item = ninjs_item(client, machine_story, version)
    assert_valid(validators[version], item)
    [described] = [d for d in item["descriptions"] if d["role"] == PARAGRAPHS_ROLE]
    assert described.get("contenttype", described.get("contentType")) == "application/json"
    assert json.loads(described["value"]) == [
        {"paragraph": 1, "method": "machine", "source_paragraphs": [1]},
        {"paragraph": 2, "method": "machine_post_edited", "source_paragraphs": [2]},
        {"paragraph": 3, "method": "machine", "source_paragraphs": [3]},
    ]
    [richtext] = [b for b in item["bodies"] if b["role"] == "richtext"]
    assert 'data-newsroom-method="machine_post_edited"' in richtext["value"]


def test_memory_paragraphs_and_a_paragraph_added_in_a_correction(client, translator, editor):
    wire = _source()
    MemoryEntryFactory(source_text=wire.paragraphs[0], target_text=HAND[0])
    story = wire_story_claim(wire_story=wire, actor=translator)
    story = _save(story, translator, HAND)
    story = _publish(story, translator, editor)
    keys = list(story.paragraphs.order_by("position").values_list("key", flat=True))
    story_correct(
        story=story,
        actor=editor,
        note="A paragraph of context was added.",
        headline=story.headline,
        summary="",
        paragraphs=[
            *(ParagraphInput(text=text, key=key) for key, text in zip(keys, HAND, strict=True)),
            ParagraphInput(text="The talks resume next week."),
        ],
    )
    paragraphs = list(story.paragraphs.order_by("position"))
    assert [(p.method, p.source_indexes) for p in paragraphs] == [
        (ParagraphMethod.MEMORY, [0]),
        (ParagraphMethod.HUMAN, [1]),
        (ParagraphMethod.HUMAN, [2]),
        (ParagraphMethod.HUMAN, []),
    ]
    switch(True)
    assert "Added by the newsroom: it translates no paragraph of the original." in page_text(
        client, story
    )


@pytest.mark.parametrize(
    ("who", "status"), [("translator", 403), ("editor", 200), ("superuser", 200)]
)
def test_editors_decide_the_switch_in_the_admin(client, request, who, status, hand_story):
    client.force_login(request.getfixturevalue(who))
    url = reverse("admin:articles_sitesettings_change", args=[1])
    response = client.post(url, {"show_paragraph_provenance": "on"})
    assert response.status_code == (302 if status == 200 else 403)
    shown = SiteSettings.objects.filter(pk=1, show_paragraph_provenance=True).exists()
    assert shown == (status == 200)


def test_the_site_settings_list_opens_the_one_row(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:articles_sitesettings_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_sitesettings_change", args=[1])
    form = client.get(response["Location"])
    assert "show provenance per paragraph" in form.content.decode().lower()


def test_switching_it_on_in_the_admin_refreshes_cached_pages(
    client, editor, hand_story, django_capture_on_commit_callbacks
):
    assert "paragraph-provenance" not in client.get(hand_story.get_absolute_url()).content.decode()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:articles_sitesettings_change", args=[1]),
            {"show_paragraph_provenance": "on"},
        )
    client.logout()
    assert "paragraph-provenance" in client.get(hand_story.get_absolute_url()).content.decode()


def test_stories_published_before_get_the_same_provenance_from_the_migration(machine_story):
    """translations/migrations/0008 repeats the service's rule for stories published earlier."""
    disclosed = list(machine_story.paragraphs.values_list("pk", "method", "source_indexes"))
    machine_story.paragraphs.update(method="", source_indexes=[])
    migration = importlib.import_module(
        "translations.migrations.0008_disclose_published_provenance"
    )
    migration.disclose(django_apps, None)
    assert list(machine_story.paragraphs.values_list("pk", "method", "source_indexes")) == disclosed
