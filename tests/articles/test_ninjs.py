"""The ninjs API: every response validates against the official IPTC schemas."""

import pytest
from django.urls import reverse

from articles.models import StoryStatus
from tests.articles.conftest import assert_valid
from tests.factories import PublishedStoryFactory, StoryFactory

pytestmark = pytest.mark.django_db


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
    # The list's items are partial; ?body=1 makes them the full items of their own URLs.
    full_items = client.get(list_url, {**params, "body": "1"}).json()["items"]
    representation = "representationtype" if version == "2.2" else "representationType"
    for item, full_item in zip(body["items"], full_items, strict=True):
        assert_valid(validators[version], item)
        assert item[representation] == "partial"
        assert "bodies" not in item
        assert full_item[representation] == "full"
        assert full_item["headlines"] == item["headlines"]
        detail_url = (
            reverse("articles:api-story", kwargs={"version": version, "slug": item["slugline"]})
            if by == "url"
            else reverse("articles:api-story", kwargs={"slug": item["slugline"]})
        )
        detail = client.get(detail_url, params)
        assert detail.status_code == 200
        assert detail.json() == full_item
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


@pytest.mark.parametrize("page", ["99", "0", "two", "99999999999999999999999"])
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


def test_list_bodies_only_when_asked(client, sample_story):
    url = reverse("articles:api-stories")
    assert "bodies" not in client.get(url).json()["items"][0]
    assert client.get(url, {"body": "1"}).json()["items"][0]["bodies"][0]["value"]
    assert client.get(url, {"body": "yes"}).json() == {
        "errors": {"body": ["Enter 1 for the full text of each story, or 0."]}
    }
