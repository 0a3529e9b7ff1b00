"""The filters of the lists and of the API: what they select, and 400 for a bad value."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import AttributionRole
from tests.factories import (
    AgencyFactory,
    AttributionFactory,
    PublishedStoryFactory,
    SectionFactory,
    TranslationFactory,
    WireStoryFactory,
)

pytestmark = pytest.mark.django_db

LISTS = [
    ("articles:home", {}),
    ("articles:search", {"q": "Kazakhstan"}),
    ("articles:section", {"slug": "politics"}),
    ("articles:agency", {"slug": "trend"}),
    ("articles:api-stories", {}),
    ("articles:api-stories", {"version": "2.2"}),
]


def _url(name: str, kwargs: dict) -> tuple[str, dict]:
    params = {}
    if "q" in kwargs:
        params["q"] = kwargs.pop("q")
    return reverse(name, kwargs=kwargs), params


@pytest.mark.parametrize(("name", "kwargs"), LISTS)
@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("section", "no-such-section"),
        ("agency", "no-such-agency"),
        ("role", "ghostwriter"),
        ("source_language", "not a language"),
        ("published_after", "yesterday"),
        ("published_before", "2024-13-45"),
    ],
)
def test_an_invalid_value_answers_400_naming_the_parameter(
    client, sample_story, name, kwargs, parameter, value
):
    url, params = _url(name, dict(kwargs))
    response = client.get(url, {**params, parameter: value})
    if name == f"articles:{parameter}":
        # A section (agency) page is that section's filter: its URL wins over the parameter.
        assert response.status_code == 200
        return
    assert response.status_code == 400
    if name.startswith("articles:api"):
        assert parameter in response.json()["errors"]
    else:
        assert f"<code>{parameter}</code>" in response.content.decode()


def test_an_empty_date_range_answers_400(client, sample_story):
    response = client.get(
        reverse("articles:api-stories"),
        {"published_after": "2024-05-02", "published_before": "2024-05-01"},
    )
    assert response.status_code == 400
    assert "published_before" in response.json()["errors"]


def _slugs(client, params: dict) -> set[str]:
    response = client.get(reverse("articles:api-stories"), params)
    assert response.status_code == 200
    return {item["slugline"] for item in response.json()["items"]}


@pytest.fixture
def english_from_english(db):
    """An in-house translation from an English wire into Russian, published long ago."""
    story = PublishedStoryFactory(
        slug="old-english-source",
        language="ru",
        publish_at=timezone.now() - timedelta(days=400),
    )
    TranslationFactory(story=story, wire_story=WireStoryFactory(language="en-GB"))
    return story


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"sample", "astana", "old"}),
        ({"section": "politics"}, {"sample"}),
        ({"section": "economy"}, {"astana"}),
        ({"agency": "kazinform"}, {"sample", "astana"}),
        ({"agency": "kazinform", "role": "original_reporter"}, {"sample"}),
        ({"agency": "kazinform", "role": "translated_from"}, {"astana"}),
        ({"agency": "trend", "role": "translated_from"}, {"sample"}),
        ({"role": "original_reporter"}, {"sample"}),
        ({"source_language": "ru"}, {"sample", "astana"}),
        ({"source_language": "en"}, {"old"}),
        ({"source_language": "EN-gb"}, {"old"}),
        ({"published_before": str((timezone.now() - timedelta(days=30)).date())}, {"old"}),
        (
            {"published_after": str((timezone.now() - timedelta(days=30)).date())},
            {"sample", "astana"},
        ),
    ],
)
def test_filters_select(
    client, sample_story, kazinform_story, english_from_english, params, expected
):
    names = {
        sample_story.slug: "sample",
        kazinform_story.slug: "astana",
        english_from_english.slug: "old",
    }
    assert {names[slug] for slug in _slugs(client, params)} == expected


@pytest.mark.parametrize("role", ["", "translated_from"])
def test_an_agency_list_pages_through_stories_credited_either_way(client, settings, role):
    """Credited by an attribution or by the translated wire story alone, newest first, page by
    page (on PostgreSQL the newest of each link are read by an index range each)."""
    settings.PAGINATE_BY = 2
    trend = AgencyFactory(name="Trend", slug="trend")
    now = timezone.now()
    credited = []
    for n in range(7):
        story = PublishedStoryFactory(
            headline=f"Story number {n}", publish_at=now - timedelta(hours=n + 1)
        )
        if n % 3 == 0:
            AttributionFactory(story=story, agency=trend, role=AttributionRole.TRANSLATED_FROM)
        elif n % 3 == 1:
            TranslationFactory(story=story, wire_story=WireStoryFactory(agency=trend))
        else:
            continue  # not Trend's
        credited.append(story.headline)

    shown = []
    for page in (1, 2, 3):
        response = client.get("/agencies/trend/", {"page": page, "role": role})
        assert response.status_code == 200
        shown += re.findall(r'dir="auto">(Story number \d)</a></h2>', response.content.decode())
    assert shown == credited
    assert client.get("/agencies/trend/", {"page": 4, "role": role}).status_code == 404


def test_a_section_made_after_the_navigation_was_cached_is_found(client):
    """Sections are read from the navigation's cache; one it lacks is looked up."""
    assert client.get("/").status_code == 200  # caches the navigation, without "Science"
    story = PublishedStoryFactory(
        headline="A probe lands on the Moon", section=SectionFactory(name="Science", slug="science")
    )

    response = client.get(reverse("articles:section", kwargs={"slug": "science"}))
    assert response.status_code == 200
    assert story.headline in response.content.decode()
    assert client.get(reverse("articles:section", kwargs={"slug": "no-such"})).status_code == 404
