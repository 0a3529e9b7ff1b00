"""JSON-LD NewsArticle on story pages, read back the way search engines read it (extruct)."""

import json

import extruct
import pytest

from articles.models import Attribution

pytestmark = pytest.mark.django_db


def news_article(client, story) -> dict:
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    data = extruct.extract(
        response.content.decode(), base_url="http://testserver/", syntaxes=["json-ld"]
    )["json-ld"]
    articles = [item for item in data if item.get("@type") == "NewsArticle"]
    assert len(articles) == 1
    return articles[0]


def test_sample_story_carries_its_provenance(client, corrected_sample, settings):
    article = news_article(client, corrected_sample)
    assert article["creditText"] == "Translated from Trend"
    source = article["translationOfWork"]
    assert source["inLanguage"] == "ru"
    assert source["publisher"] == {
        "@type": "Organization",
        "name": "Trend",
        "url": "https://en.trend.az",
    }
    assert source["url"] == "https://www.trend.az/casia/kazakhstan/2187634.html"
    assert source["version"] == "2"
    assert article["isBasedOn"] == source["url"]
    assert article["author"] == [
        {"@type": "Organization", "name": "Kazinform", "url": "https://www.inform.kz"}
    ]
    assert source["author"][0]["name"] == "Kazinform"
    assert article["translator"] == [{"@type": "Person", "name": "Aygun Mammadova"}]
    assert article["inLanguage"] == "en"
    assert article["headline"] == corrected_sample.headline
    assert article["publisher"]["name"] == settings.SITE_NAME
    assert article["datePublished"] == corrected_sample.publish_at.isoformat()
    correction = corrected_sample.corrections.get()
    assert article["dateModified"] == correction.created_at.isoformat()
    assert article["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version misspelt Appathurai.",
            "datePublished": correction.created_at.isoformat(),
        }
    ]


def test_an_unresolved_credit_is_named_as_printed(client, sample_story):
    Attribution.objects.filter(story=sample_story, agency__slug="kazinform").update(
        agency=None, credited_name="Kazinform News Agency"
    )
    article = news_article(client, sample_story)
    assert article["author"] == [{"@type": "Organization", "name": "Kazinform News Agency"}]


def test_json_ld_cannot_close_its_script_element(client, sample_story):
    sample_story.headline = 'Breaking </script><script>alert("x")</script> news'
    sample_story.save()
    html = client.get(sample_story.get_absolute_url()).content.decode()
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script
    assert json.loads(script)["headline"] == sample_story.headline
