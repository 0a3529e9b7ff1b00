"""The public site: what a reader sees of the demo newsroom, and nothing that is not live."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import AttributionRole, Story, StoryStatus
from tests.factories import (
    AgencyFactory,
    AttributionFactory,
    PublishedStoryFactory,
    SectionFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

SAMPLE_HEADLINE = "Kazakhstan is the Most Reliable NATO Partner in Central Asia – Special Envoy"


@pytest.fixture
def demo(sample_path):
    call_command("load_demo", verbosity=0)
    return Story.objects.get(headline=SAMPLE_HEADLINE)


def text_of(html: str) -> str:
    """What a reader sees: the page without its head, scripts and tags."""
    body = re.sub(r"<script\b.*?</script>", " ", html[max(html.find("<body"), 0) :], flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def test_home_page_lists_the_sample_story(client, demo):
    response = client.get("/")

    assert response.status_code == 200
    assert SAMPLE_HEADLINE in unescape(response.text)
    assert demo.get_absolute_url() in response.text


def test_sample_story_page_shows_text_and_provenance(client, demo, sample_path):
    html = client.get(demo.get_absolute_url()).text
    body = html[
        html.index('<div class="story-body">') : html.index("</div>", html.index("story-body"))
    ]
    provenance = html[html.index('<aside class="provenance"') : html.index("</aside>")]

    assert f'<h1 dir="auto">{SAMPLE_HEADLINE}</h1>' in unescape(html)
    sample_paragraphs = [
        " ".join(block.split()) for block in sample_path.read_text().split("\n\n") if block.strip()
    ][1:-1]
    page_paragraphs = [
        unescape(p) for p in re.findall(r"<p id=\"p\w+\" dir=\"auto\">(.*?)</p>", body)
    ]
    assert page_paragraphs == sample_paragraphs
    assert len(page_paragraphs) == 12
    assert text_of(html).count("Translated from Trend") == 1
    assert "Translated from Trend" in text_of(provenance)
    assert re.search(
        r"Original reporter\s*</dt>\s*<dd><a href=\"/agencies/kazinform/\">Kazinform", provenance
    )
    assert "Russian" in text_of(provenance)


def test_agency_page_lists_stories_credited_to_it(client, demo):
    response = client.get(reverse("articles:agency", kwargs={"slug": "kazinform"}))

    assert response.status_code == 200
    assert SAMPLE_HEADLINE in unescape(response.text)
    assert "Stories from Kazinform" in response.text


def test_load_demo_is_safe_to_run_twice(demo):
    counts = (Story.objects.count(), demo.paragraphs.count())

    call_command("load_demo", verbosity=0)

    assert (Story.objects.count(), demo.paragraphs.count()) == counts


NOT_LIVE = {
    "draft": {"status": StoryStatus.DRAFT},
    "in_review": {"status": StoryStatus.IN_REVIEW},
    "changes_requested": {"status": StoryStatus.CHANGES_REQUESTED},
    "approved": {"status": StoryStatus.APPROVED},
    "scheduled": {
        "status": StoryStatus.PUBLISHED,
        "publish_at": timezone.now() + timedelta(days=1),
    },
}


@pytest.mark.parametrize("state", NOT_LIVE)
def test_a_story_that_is_not_live_is_on_no_public_url(client, state):
    section = SectionFactory(name="World", slug="world")
    agency = AgencyFactory(name="Trend", slug="trend")
    story = StoryFactory(headline="Hidden headline", section=section, **NOT_LIVE[state])
    AttributionFactory(story=story, agency=agency, role=AttributionRole.TRANSLATED_FROM)
    visible = PublishedStoryFactory(headline="Visible headline", section=section)
    AttributionFactory(story=visible, agency=agency, role=AttributionRole.TRANSLATED_FROM)

    assert client.get(story.get_absolute_url()).status_code == 404
    for url in ("/", section.get_absolute_url(), agency.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert "Visible headline" in response.text
        assert "Hidden headline" not in response.text
