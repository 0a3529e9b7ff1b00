"""Who delivered an item, one attribution per agency, the language the desk must confirm, and the
agency registry that makes credits resolve (`manage.py load_agencies`)."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles.ingest.text import parse_text
from articles.models import (
    Agency,
    AgencyAlias,
    Attribution,
    AttributionRole,
    LanguageSource,
    WireStory,
)
from articles.services.credits import credit_map
from articles.services.ingest import IngestError, ingest_item
from tests.factories import AgencyAliasFactory, AgencyFactory

pytestmark = pytest.mark.django_db

RUSSIAN_BODY = (
    "Казахстан является самым надежным партнером НАТО в Центральной Азии, заявил специальный "
    "представитель генерального секретаря альянса на встрече с журналистами в Астане."
)


@pytest.fixture
def trend():
    agency = AgencyFactory(name="Trend", slug="trend", default_language="ru")
    AgencyAliasFactory(agency=agency, name="Trend News Agency")
    return agency


@pytest.fixture
def kazinform():
    return AgencyFactory(name="Kazinform", slug="kazinform", default_language="kk")


def item(*blocks: str, headline: str = "Minister visits Baku"):
    return parse_text("\n\n".join([headline, *blocks]).encode())


# --- the delivering agency -------------------------------------------------------------------


def test_the_items_own_credit_names_the_delivering_agency(trend):
    outcome = ingest_item(item(RUSSIAN_BODY, "Source: Trend News Agency"), source="a.txt")

    assert outcome.wire_story.agency == trend


def test_an_item_crediting_two_spellings_of_one_agency_is_delivered_by_it(trend):
    wire = ingest_item(
        item(f"BAKU, May 2 /Trend/ - {RUSSIAN_BODY}", "Source: Trend News Agency"), source="a"
    ).wire_story

    assert wire.agency == trend


@pytest.mark.parametrize(
    ("blocks", "message"),
    [
        ((RUSSIAN_BODY,), "it names no agency"),
        ((RUSSIAN_BODY, "Source: Bakhtar News"), "it names 'Bakhtar News', none a registered"),
        (
            (f"ASTANA, May 2 /Kazinform/ - {RUSSIAN_BODY}", "Source: Trend"),
            "its credits name several agencies (Kazinform, Trend)",
        ),
    ],
    ids=["no-credit", "unknown-name", "two-agencies"],
)
def test_an_item_naming_no_single_agency_is_refused_with_the_names_it_gave(
    trend, kazinform, blocks, message
):
    with pytest.raises(IngestError, match="pass --agency SLUG") as error:
        ingest_item(item(*blocks), source="a.txt")

    assert message in str(error.value)
    assert WireStory.objects.count() == 0


def test_the_ingest_command_takes_the_agency_from_the_credit_line(tmp_path, trend):
    path = tmp_path / "item.txt"
    path.write_text(f"Headline\n\n{RUSSIAN_BODY}\n\nSource: Trend News Agency", encoding="utf-8")

    call_command("ingest", str(path), stdout=io.StringIO())

    assert WireStory.objects.get().agency == trend


# --- one attribution per agency and role -----------------------------------------------------


def test_two_spellings_of_one_agency_are_one_attribution_keeping_both(trend):
    wire = ingest_item(
        item(f"BAKU, May 2 /Trend/ - {RUSSIAN_BODY}", "Source: Trend News Agency"),
        source="a",
        agency=trend,
    ).wire_story

    [attribution] = wire.attributions.all()
    assert (attribution.agency, attribution.role) == (trend, AttributionRole.ORIGINAL_REPORTER)
    assert attribution.credited_name == "Trend"
    assert attribution.other_spellings == ["Trend News Agency"]


def test_the_database_refuses_a_second_attribution_of_an_agency_in_one_role(trend):
    wire = ingest_item(item(RUSSIAN_BODY), source="a", agency=trend).wire_story
    Attribution.objects.create(
        wire_story=wire, agency=trend, credited_name="Trend", role="original_reporter"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.create(
            wire_story=wire, agency=trend, credited_name="Trend.az", role="original_reporter"
        )


def test_mapping_a_spelling_onto_an_agency_already_credited_merges_it(trend):
    wire = ingest_item(
        item(f"BAKU, May 2 /Trend/ - {RUSSIAN_BODY}", "Source: Trend Az"), source="a", agency=trend
    ).wire_story
    assert wire.attributions.count() == 2

    credit_map(credited_name="Trend Az", agency=trend)

    [attribution] = wire.attributions.all()
    assert attribution.other_spellings == ["Trend Az"]


def test_datelines_are_stored_without_trailing_punctuation(trend):
    wire = ingest_item(
        item(f"Bishkek, Nov. 21, 2017. /Trend/. {RUSSIAN_BODY}"), source="a", agency=trend
    ).wire_story

    assert wire.dateline == "Bishkek, Nov. 21, 2017"


# --- language --------------------------------------------------------------------------------


def test_a_confident_detection_is_used(trend):
    wire = ingest_item(item(RUSSIAN_BODY), source="a", agency=trend).wire_story

    assert (wire.language, wire.language_source) == ("ru", LanguageSource.DETECTED)
    assert not wire.is_language_uncertain


def test_an_unsure_detection_is_not_silently_replaced(trend):
    wire = ingest_item(item("OK.", headline="Baku"), source="a", agency=trend).wire_story

    # The agency's habit stands in, marked as a guess: the queue shows it as uncertain.
    assert (wire.language, wire.language_source) == ("ru", LanguageSource.AGENCY_DEFAULT)
    assert wire.is_language_uncertain
    assert list(WireStory.objects.language_uncertain()) == [wire]


def test_credit_lines_do_not_confuse_detection(trend):
    # English credit lines under a Russian text: they are taken off before detection.
    wire = ingest_item(
        item(RUSSIAN_BODY, "Source: Trend News Agency\nTranslated from Trend"),
        source="a",
        agency=trend,
    ).wire_story

    assert (wire.language, wire.language_source) == ("ru", LanguageSource.DETECTED)


# --- the agency registry ---------------------------------------------------------------------


def load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_agencies", *args, stdout=out)
    return out.getvalue()


def test_load_agencies_ships_forty_real_agencies_with_their_names_in_their_scripts():
    out = load()

    assert Agency.objects.count() >= 40
    assert "created 45, updated 0, unchanged 0 of 45 agencies" in out
    assert Agency.objects.by_name("Казинформ").slug == "kazinform"
    assert Agency.objects.by_name("KazTAG").slug == "kaztag"  # its own agency
    assert Agency.objects.by_name("ТАСС").slug == "tass"
    assert Agency.objects.by_name("وكالة أنباء الإمارات").slug == "wam"


def test_load_agencies_twice_writes_nothing_the_second_time():
    load()
    counts = (Agency.objects.count(), AgencyAlias.objects.count())

    out = load()

    assert (Agency.objects.count(), AgencyAlias.objects.count()) == counts
    assert "created 0, updated 0, unchanged 45 of 45 agencies" in out


def test_load_agencies_dry_run_writes_nothing():
    out = load("--dry-run")

    assert Agency.objects.count() == 0
    assert "[dry run] would have created 45" in out


def test_load_agencies_keeps_what_an_editor_changed_unless_told():
    load()
    Agency.objects.filter(slug="trend").update(
        website="https://www.trend.az", credit_template="Source: {agency} (licensed)"
    )

    out = load()

    trend = Agency.objects.get(slug="trend")
    assert (trend.website, trend.credit_template) == (
        "https://www.trend.az",
        "Source: {agency} (licensed)",
    )
    assert "trend: kept website 'https://www.trend.az'" in out

    load("--overwrite")
    assert Agency.objects.get(slug="trend").website == "https://en.trend.az"


def test_an_agency_page_shows_what_loading_the_list_changed(
    client, settings, django_capture_on_commit_callbacks
):
    """Agency pages keep the agency cached with the site; loading the list purges it."""
    settings.PUBLIC_CACHE_SECONDS = 0
    load()
    Agency.objects.filter(slug="trend").update(website="https://www.trend.az")
    client.get("/agencies/trend/")  # the agency is now cached as it stands

    with django_capture_on_commit_callbacks(execute=True):
        load("--overwrite")

    assert "https://en.trend.az" in client.get("/agencies/trend/").content.decode()


def test_load_agencies_leaves_an_alias_where_an_editor_put_it():
    kazinform = AgencyFactory(name="Kazinform", slug="kazinform")
    AgencyAliasFactory(agency=kazinform, name="КазТАГ")

    out = load()

    assert AgencyAlias.objects.get(name="КазТАГ").agency == kazinform
    assert "kaztag: alias 'КазТАГ' belongs to kazinform; left there" in out


def test_load_agencies_refuses_a_broken_list_naming_the_entry(tmp_path: Path):
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps({"agencies": [{"slug": "x", "name": ""}]}), encoding="utf-8")

    with pytest.raises(CommandError, match=r"agencies\[0\]: 'name' is missing or empty"):
        call_command("load_agencies", "--file", str(path))
    assert Agency.objects.count() == 0


def test_the_demo_has_kaztag_as_its_own_agency_and_repairs_old_demo_data():
    kazinform = AgencyFactory(name="Kazinform", slug="kazinform", default_language="kk")
    AgencyAliasFactory(agency=kazinform, name="Kaztag")  # as earlier demos loaded it

    call_command("load_demo", verbosity=0, stdout=io.StringIO())

    assert Agency.objects.by_name("Kaztag").slug == "kaztag"
    assert not kazinform.aliases.filter(name__iexact="kaztag").exists()


def test_mapping_one_credit_in_the_admin_onto_an_agency_already_credited_merges_it(
    client, editor, trend
):
    wire = ingest_item(
        item(f"BAKU, May 2 /Trend/ - {RUSSIAN_BODY}", "Source: Trend Az"), source="a", agency=trend
    ).wire_story
    unresolved = wire.attributions.get(agency__isnull=True)
    client.force_login(editor)

    response = client.post(
        reverse("admin:articles_attribution_change", args=[unresolved.pk]),
        {"agency": trend.pk},
    )

    assert response.status_code == 302
    [attribution] = wire.attributions.all()
    assert (attribution.agency, attribution.other_spellings) == (trend, ["Trend Az"])
