"""Test data shaped like the demo: the sample's chain (Kazinform reported, Trend ran it in
Russian, we translated Trend into English), a German translation of the same wire story, and
a Kazinform story in Russian translated by us too."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from articles.cache import next_scheduled_at
from articles.ingest import schemas
from articles.models import AttributionRole
from articles.search import index_stories
from tests.factories import (
    AgencyFactory,
    AttributionFactory,
    CorrectionFactory,
    PublishedStoryFactory,
    SectionFactory,
    TranslationFactory,
    TranslatorFactory,
    WireStoryFactory,
)

SAMPLE_SLUG = "kazakhstan-most-reliable-nato-partner"

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search; the SQLite fallback is tested on its own",
)


def sample_paragraphs(sample_path) -> tuple[str, list[str]]:
    blocks = [b.strip() for b in sample_path.read_text(encoding="utf-8").split("\n\n")]
    blocks = [b for b in blocks if b]
    headline, body = blocks[0], blocks[1:]
    # The last line of the sample is the credit, which we keep as data, not as text.
    body[-1] = body[-1].removesuffix("Translated from Trend").strip()
    return headline, [b for b in body if b]


@pytest.fixture
def trend(db):
    return AgencyFactory(
        name="Trend", slug="trend", website="https://en.trend.az", default_language="ru"
    )


@pytest.fixture
def kazinform(db):
    return AgencyFactory(
        name="Kazinform", slug="kazinform", website="https://www.inform.kz", default_language="kk"
    )


@pytest.fixture
def politics(db):
    return SectionFactory(name="Politics", slug="politics")


@pytest.fixture
def sample_wire(trend):
    return WireStoryFactory(
        agency=trend,
        guid="trend:2013:2187634",
        agency_version="2",
        language="ru",
        headline="Казахстан - самый надежный партнер НАТО в Центральной Азии",
        source_url="https://www.trend.az/casia/kazakhstan/2187634.html",
        sent_at=timezone.now() - timedelta(hours=5),
    )


@pytest.fixture
def sample_story(db, sample_path, trend, kazinform, politics, sample_wire):
    """The sample as the newsroom publishes it, with its whole provenance chain."""
    headline, body = sample_paragraphs(sample_path)
    story = PublishedStoryFactory(
        headline=headline,
        slug=SAMPLE_SLUG,
        summary="NATO's special envoy calls Kazakhstan its most active partner in Central Asia.",
        language="en",
        section=politics,
        dateline="Brussels",
        body=body,
    )
    translator = TranslatorFactory(first_name="Aygun", last_name="Mammadova")
    TranslationFactory(story=story, wire_story=sample_wire, translators=[translator])
    AttributionFactory(
        story=story, agency=kazinform, credited_name="Kazinform", role="original_reporter"
    )
    AttributionFactory(story=story, agency=trend, credited_name="Trend", role="translated_from")
    index_stories([story.pk])
    return story


@pytest.fixture
def german_story(sample_story, sample_wire):
    """The same wire story translated into German: the two link each other with hreflang."""
    story = PublishedStoryFactory(
        headline="Kasachstan ist der verlässlichste NATO-Partner in Zentralasien",
        slug="kasachstan-verlaesslichster-nato-partner",
        language="de",
        section=sample_story.section,
        body=["Kasachstan ist der aktivste Partner der NATO in Zentralasien."],
    )
    TranslationFactory(story=story, wire_story=sample_wire)
    AttributionFactory(
        story=story, agency=sample_wire.agency, credited_name="Trend", role="translated_from"
    )
    index_stories([story.pk])
    return story


@pytest.fixture
def kazinform_story(kazinform):
    """A story translated straight from Kazinform, in a section of its own."""
    wire = WireStoryFactory(agency=kazinform, language="ru", headline="Астана принимает форум")
    story = PublishedStoryFactory(
        headline="Astana hosts an economic forum",
        slug="astana-hosts-economic-forum",
        language="en",
        section=SectionFactory(name="Economy", slug="economy"),
        body=["The forum gathers investors from thirty countries."],
    )
    TranslationFactory(story=story, wire_story=wire)
    AttributionFactory(
        story=story,
        agency=kazinform,
        credited_name="Kazinform",
        role=AttributionRole.TRANSLATED_FROM,
    )
    index_stories([story.pk])
    return story


@pytest.fixture
def corrected_sample(sample_story):
    CorrectionFactory(story=sample_story, note="An earlier version misspelt Appathurai.")
    return sample_story


@pytest.fixture
def warm_site_cache(client, db):
    """What every public page shares and caches across pages (the section navigation, the next
    scheduled publish time), warmed by one request as on a running site; query budgets count a
    page's own queries."""
    assert client.get("/news/no-such-story/").status_code == 404
    next_scheduled_at()


GEOJSON = "https://geojson.org/schema/GeoJSON.json"


@pytest.fixture
def validators() -> dict[str, Draft202012Validator]:
    # The 2.x schemas refer to GeoJSON online; offline, a permissive stub stands in (we never
    # send places[].geojson).
    stub = Resource.from_contents(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"},
        default_specification=DRAFT202012,
    )
    registry = Registry().with_resources([(GEOJSON, stub), (f"{GEOJSON}#", stub)])
    result = {}
    for version in ("2.2", "3.1"):
        schema = json.loads(schemas.schema_files()[version].read_text())
        Draft202012Validator.check_schema(schema)
        result[version] = Draft202012Validator(
            schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
    return result


def assert_valid(validator: Draft202012Validator, item: dict) -> None:
    errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.fixture
def feed_server():
    """A real HTTP server on a loopback port chosen by the OS; see tests/articles/feed_server."""
    from tests.articles.feed_server import FeedServer

    server = FeedServer().start()
    yield server
    server.stop()
