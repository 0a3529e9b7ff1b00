"""Source changed: a new wire version flags its translations and shows exactly what changed."""

import hashlib

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import WireStory
from tests.factories import AgencyFactory, WireStoryFactory
from tests.translations.desk_helpers import editor_form, editor_url
from translations.models import AuditEvent, EventType, Translation
from translations.services.desk import wire_story_claim

pytestmark = pytest.mark.django_db

V1 = [
    "Министр прибыл в Брюссель.",
    "Стороны обсудили транзит грузов через Казахстан.",
    "Встреча прошла в конструктивной атмосфере.",
    "Следующий раунд переговоров пройдет осенью.",
]
# Paragraph 2 changes one word, a paragraph is added after 3, paragraph 4 is unchanged.
V2 = [
    V1[0],
    "Стороны обсудили транзит грузов через Узбекистан.",
    V1[2],
    "Министр также встретился с генеральным секретарем.",
    V1[3],
]
EN = [
    "The minister arrived in Brussels.",
    "The sides discussed cargo transit through Kazakhstan.",
    "The meeting was constructive.",
    "The next round of talks will be held in autumn.",
]


def deliver_version_2(wire):
    """A second delivery of the same agency story (what ingest stores: a new row)."""
    payload = ("\n\n".join([wire.headline, *V2])).encode()
    return WireStoryFactory(
        agency=wire.agency,
        guid=wire.guid,
        version=2,
        headline=wire.headline,
        paragraphs=V2,
        raw_payload=payload,
        checksum=hashlib.sha256(payload).hexdigest(),
    )


@pytest.fixture
def translated(client, translator):
    wire = WireStoryFactory(headline="Министр в Брюсселе", paragraphs=V1)
    story = wire_story_claim(wire_story=wire, actor=translator)
    client.force_login(translator)
    data = editor_form(client, story) | {"headline": "Minister in Brussels", "op": "save"}
    for index, text in enumerate(EN):
        data[f"p-{index}-text"] = text
    client.post(editor_url(story), data)
    return wire, story


def test_version_2_flags_the_translation_in_the_queue_and_the_editor(client, translated):
    wire, story = translated
    assert not Translation.objects.source_changed().exists()

    deliver_version_2(wire)

    assert list(Translation.objects.source_changed()) == [story.translation]
    queue = client.get(
        reverse("admin:articles_wirestory_changelist"), {"source_changed": "yes"}
    ).content.decode()
    assert "Министр в Брюсселе" in queue
    page = client.get(editor_url(story)).content.decode()
    assert "Source changed: " in page
    assert "sent version 2" in page
    story.translation.refresh_from_db()
    assert story.translation.wire_story == wire  # still pinned to version 1


def test_the_diff_view_shows_exactly_the_changed_paragraphs(client, translated):
    wire, story = translated
    deliver_version_2(wire)

    page = client.get(
        reverse("admin:articles_story_source_changed", args=[story.pk])
    ).content.decode()

    assert page.count('class="desk-row desk-change desk-change--') == 2
    assert "¶ 2: changed" in page
    assert "<del>Казахстан</del><ins>Узбекистан</ins>" in page
    assert "¶ 4: added" in page
    assert "<ins>Министр также встретился с генеральным секретарем.</ins>" in page
    # The translation as it stands, beside the changed paragraph; unchanged ones are not shown.
    assert EN[1] in page
    assert EN[0] not in page
    assert EN[3] not in page
    assert "2 unchanged" not in page
    assert "3 unchanged (not shown)" in page


def test_rebasing_points_at_the_new_version_and_keeps_the_translation(client, translated):
    wire, story = translated
    new = deliver_version_2(wire)

    response = client.post(
        reverse("admin:articles_story_source_changed", args=[story.pk]),
        {"revision": story.__class__.objects.get(pk=story.pk).revision},
    )

    assert response.status_code == 302
    story.translation.refresh_from_db()
    assert story.translation.wire_story == new
    assert story.translation.source_checksum == new.checksum
    paragraphs = list(story.paragraphs.order_by("position"))
    assert [p.text for p in paragraphs] == [EN[0], EN[1], EN[2], "", EN[3]]
    assert [p.alignment.source_indexes for p in paragraphs] == [[0], [1], [2], [3], [4]]
    assert not Translation.objects.source_changed().exists()
    event = AuditEvent.objects.get(event_type=EventType.TRANSLATION_REBASED)
    assert (event.payload["from_version"], event.payload["to_version"]) == (1, 2)
    assert "Source changed: " not in client.get(editor_url(story)).content.decode()


def test_a_stale_rebase_is_refused(client, translated):
    wire, story = translated
    deliver_version_2(wire)
    response = client.post(
        reverse("admin:articles_story_source_changed", args=[story.pk]),
        {"revision": 1},
        follow=True,
    )
    assert "reload it before rebasing" in response.content.decode()
    story.translation.refresh_from_db()
    assert story.translation.wire_story == wire


def test_ingesting_version_2_through_the_command_flags_and_shows_the_changes(
    client, translator, tmp_path
):
    """End to end: two deliveries of the same text file through `manage.py ingest`."""
    agency = AgencyFactory(name="Trend", slug="trend")
    v1, v2 = tmp_path / "v1.txt", tmp_path / "v2.txt"
    v1.write_text("\n\n".join(["Министр в Брюсселе", *V1]), encoding="utf-8")
    v2.write_text("\n\n".join(["Министр в Брюсселе", *V2]), encoding="utf-8")
    call_command("ingest", str(v1), agency="trend", language="ru", verbosity=0)
    wire = WireStory.objects.get(agency=agency)
    story = wire_story_claim(wire_story=wire, actor=translator)
    client.force_login(translator)

    call_command("ingest", str(v2), agency="trend", language="ru", verbosity=0)

    assert WireStory.objects.filter(agency=agency, guid=wire.guid).count() == 2
    assert list(Translation.objects.source_changed()) == [story.translation]
    page = client.get(
        reverse("admin:articles_story_source_changed", args=[story.pk])
    ).content.decode()
    assert page.count('class="desk-row desk-change desk-change--') == 2
    assert "<del>Казахстан</del><ins>Узбекистан</ins>" in page
    assert "<ins>Министр также встретился с генеральным секретарем.</ins>" in page
