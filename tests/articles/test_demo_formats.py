"""The demo newsroom, as machines read it: every ninjs response validates against the official
schemas, and the sample's JSON-LD carries its provenance (issue 5, acceptance 2 and 3)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Story
from tests.articles.conftest import assert_valid
from tests.articles.test_structured_data import news_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    live = list(Story.objects.live())
    assert live, "the demo publishes at least the sample"
    return live


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_every_ninjs_response_for_the_demo_validates(client, validators, demo, version):
    listing = client.get(reverse("articles:api-stories", kwargs={"version": version}))

    assert listing.status_code == 200
    items = listing.json()["items"]
    assert sorted(item["slugline"] for item in items) == sorted(story.slug for story in demo)
    for item in items:
        assert_valid(validators[version], item)
        detail = client.get(
            reverse("articles:api-story", kwargs={"version": version, "slug": item["slugline"]})
        )
        assert detail.status_code == 200
        assert_valid(validators[version], detail.json())


def test_the_demo_sample_page_carries_its_provenance_as_json_ld(client, demo):
    [sample] = [s for s in demo if s.headline.startswith("Kazakhstan is the Most Reliable")]

    article = news_article(client, sample)

    assert article["creditText"] == "Translated from Trend"
    source = article["translationOfWork"]
    assert source["inLanguage"] == "ru"
    assert source["publisher"]["name"] == "Trend"
    assert "Kazinform" in str(article)
    assert article["inLanguage"] == "en"
