"""The ninjs API: every response validates against the official IPTC schemas."""

import json

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from articles.models import StoryStatus
from tests.factories import PublishedStoryFactory, StoryFactory

pytestmark = pytest.mark.django_db

GEOJSON = "https://geojson.org/schema/GeoJSON.json"


@pytest.fixture
def validators(ninjs_dir) -> dict[str, Draft202012Validator]:
    # The 2.x schemas refer to GeoJSON online; offline, a permissive stub stands in (we never
    # send places[].geojson). See ../shared/standards/ninjs/README.md.
    stub = Resource.from_contents(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"},
        default_specification=DRAFT202012,
    )
    registry = Registry().with_resources([(GEOJSON, stub), (f"{GEOJSON}#", stub)])
    result = {}
    for version in ("2.2", "3.1"):
        schema = json.loads((ninjs_dir / "schema" / f"ninjs-schema_{version}.json").read_text())
        Draft202012Validator.check_schema(schema)
        result[version] = Draft202012Validator(
            schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
    return result


def assert_valid(validator: Draft202012Validator, item: dict) -> None:
    errors = sorted(validator.iter_errors(item), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.fixture
def demo_like(sample_story, german_story, kazinform_story, corrected_sample):
    PublishedStoryFactory(slug="in-house", headline="An in-house story", summary="")
    return [sample_story, german_story, kazinform_story]


@pytest.mark.parametrize("version", ["2.2", "3.1"])
@pytest.mark.parametrize("by", ["url", "parameter"])
def test_every_list_and_detail_response_validates(client, validators, demo_like, version, by):
    if by == "url":
        list_url = reverse("articles:api-stories", kwargs={"version": version})
        params = {}
    else:
        list_url = reverse("articles:api-stories")
        params = {"version": version}
    response = client.get(list_url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["version"] == version
    assert len(body["items"]) == 4
    assert body["next"] is None
    for item in body["items"]:
        assert_valid(validators[version], item)
        detail_url = (
            reverse("articles:api-story", kwargs={"version": version, "slug": item["slugline"]})
            if by == "url"
            else reverse("articles:api-story", kwargs={"slug": item["slugline"]})
        )
        detail = client.get(detail_url, params)
        assert detail.status_code == 200
        assert detail.json() == item
        assert_valid(validators[version], detail.json())


def test_version_3_1_is_the_default_and_camel_cased(client, validators, sample_story):
    item = client.get(reverse("articles:api-story", kwargs={"slug": sample_story.slug})).json()
    assert item["standard"]["version"] == "3.1"
    assert "infoSources" in item
    assert "altIds" in item
    assert "infosources" not in item


def test_provenance_travels_in_infosources_and_altids(client, sample_story, settings):
    url = reverse("articles:api-story", kwargs={"version": "2.2", "slug": sample_story.slug})
    item = client.get(url).json()
    roles = {(s["name"], s["role"]) for s in item["infosources"]}
    assert roles == {
        (settings.SITE_NAME, "newsroom:published_by"),
        (settings.SITE_NAME, "newsroom:translated_by"),
        ("Kazinform", "newsroom:original_reporter"),
        ("Trend", "newsroom:translated_from"),
    }
    assert {"role": "newsroom:source_guid", "value": "trend:2013:2187634"} in item["altids"]
    assert {"role": "newsroom:source_agency_version", "value": "2"} in item["altids"]
    assert {"role": "creditline", "value": "Translated from Trend"} in item["descriptions"]
    assert item["language"] == "en"
    assert item["people"] == [{"name": "Aygun Mammadova", "rel": "translator"}]


def test_an_unknown_version_answers_400(client, sample_story):
    response = client.get(reverse("articles:api-stories"), {"version": "1.0"})
    assert response.status_code == 400
    assert "version" in response.json()["errors"]


@pytest.mark.parametrize("page", ["99", "0", "two"])
def test_an_invalid_page_answers_400(client, sample_story, page):
    response = client.get(reverse("articles:api-stories"), {"page": page})
    assert response.status_code == 400
    assert "page" in response.json()["errors"]


def test_pages_link_to_each_other(client, settings, sample_story, german_story, kazinform_story):
    settings.PAGINATE_BY = 2
    first = client.get(reverse("articles:api-stories"), {"version": "2.2"}).json()
    assert first["previous"] is None
    assert first["next"] == f"{settings.SITE_URL}/api/ninjs/stories/?version=2.2&page=2"
    second = client.get(first["next"].removeprefix(settings.SITE_URL)).json()
    assert second["next"] is None
    assert len(first["items"]) + len(second["items"]) == 3


def test_only_live_stories_are_served(client, sample_story):
    draft = StoryFactory(slug="a-draft", status=StoryStatus.APPROVED)
    assert client.get(reverse("articles:api-story", kwargs={"slug": draft.slug})).status_code == 404
    slugs = [i["slugline"] for i in client.get(reverse("articles:api-stories")).json()["items"]]
    assert slugs == [sample_story.slug]
