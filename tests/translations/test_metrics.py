"""Wire-speed metrics (issue 14, acceptance 1): the figures agree with the audit log.

Each story goes through the real services (claim, save, submit, approve, publish) with the
clock moved to known times, so the audit log and the wire timestamps hold exactly those times.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import (
    AgencyFactory,
    SectionFactory,
    TranslatorFactory,
    WireStoryFactory,
    story_in_state,
)
from translations.metrics import wire_speed_figures
from translations.metrics.charts import duration_text
from translations.metrics.figures import percentile
from translations.models import AuditEvent, EventType
from translations.services.desk import DeskParagraph, story_save, wire_story_claim
from translations.services.workflow import story_approve, story_publish, story_submit

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TRANSLATED = ["First paragraph of the story.", "Second paragraph, 2014.", "Third paragraph."]
H = timedelta(hours=1)
M = timedelta(minutes=1)


def through_the_desk(traveller, *, wire, translator, editor, at, claim, submit, approve, publish):
    """Receive at `at`, then each move that much later than the one before."""
    traveller.move_to(at)
    wire = WireStoryFactory(**wire)
    traveller.move_to(at + claim)
    story = wire_story_claim(wire_story=wire, actor=translator)
    traveller.move_to(at + claim + submit)
    keys = list(story.paragraphs.order_by("position").values_list("key", flat=True))
    story_save(
        story=story,
        actor=translator,
        based_on_revision=story.revision,
        headline="Talks in Astana",
        summary="",
        paragraphs=[
            DeskParagraph(text=text, key=key, source_indexes=(index,))
            for index, (key, text) in enumerate(zip(keys, TRANSLATED, strict=True))
        ],
    )
    story_submit(story=story, actor=translator)
    traveller.move_to(at + claim + submit + approve)
    story_approve(story=story, actor=editor)
    traveller.move_to(at + claim + submit + approve + publish)
    return story_publish(story=story, actor=editor, section=SectionFactory())


@pytest.fixture
def desk_week(editor):
    """Five stories over a week: two agencies, two language pairs, two translators."""
    trend = AgencyFactory(name="Trend", slug="trend")
    anadolu = AgencyFactory(name="Anadolu", slug="anadolu", default_language="tr")
    aygun = TranslatorFactory(first_name="Aygun", last_name="Mammadova")
    ivan = TranslatorFactory(first_name="Ivan", last_name="Petrov")
    plan = [
        # agency, language, translator, received, claim, submit, approve, publish: 1, 2, 3, 4, 10 h
        (trend, "ru", aygun, MONDAY, 10 * M, 30 * M, 10 * M, 10 * M),
        (trend, "ru", ivan, MONDAY + 3 * H, 20 * M, 60 * M, 20 * M, 20 * M),
        (trend, "ru", aygun, MONDAY + 24 * H, 30 * M, 90 * M, 30 * M, 30 * M),
        (anadolu, "tr", ivan, MONDAY + 48 * H, 40 * M, 120 * M, 40 * M, 40 * M),
        (anadolu, "tr", ivan, MONDAY + 72 * H, 2 * H, 6 * H, 1 * H, 1 * H),
    ]
    with time_machine.travel(MONDAY, tick=False) as traveller:
        stories = [
            through_the_desk(
                traveller,
                wire={"agency": agency, "language": language},
                translator=translator,
                editor=editor,
                at=at,
                claim=claim,
                submit=submit,
                approve=approve,
                publish=publish,
            )
            for agency, language, translator, at, claim, submit, approve, publish in plan
        ]
    return stories


NOW = MONDAY + timedelta(days=6)


def audit_time(story, event_type) -> datetime:
    return AuditEvent.objects.get(story=story, event_type=event_type).created_at


def test_each_story_s_times_are_those_of_the_audit_log_and_the_wire(desk_week):
    figures = wire_speed_figures(7, now=NOW)
    timelines = {t.story_id: t for t in figures.slowest}
    assert len(timelines) == 5
    for story in desk_week:
        timeline = timelines[story.pk]
        assert timeline.received == story.translation.wire_story.received_at
        assert timeline.claimed == audit_time(story, EventType.WIRE_CLAIMED)
        assert timeline.submitted == audit_time(story, EventType.STORY_SUBMITTED)
        assert timeline.approved == audit_time(story, EventType.STORY_APPROVED)
        assert timeline.published == audit_time(story, EventType.STORY_PUBLISHED)
    first = timelines[desk_week[0].pk]
    assert first.received == MONDAY
    assert first.published - first.received == H


def test_medians_and_90th_percentiles_per_agency_pair_member_day_and_week(desk_week):
    figures = wire_speed_figures(7, now=NOW)
    # Wire to publication: 1, 2, 3, 4 and 10 hours.
    assert figures.overall.count == 5
    assert figures.overall.median == 3 * H
    assert figures.overall.p90 == timedelta(hours=7, minutes=36)  # 4 h + 0.6 × 6 h
    by_agency = {s.label: s for s in figures.by_agency}
    assert (by_agency["Trend"].count, by_agency["Trend"].median) == (3, 2 * H)
    assert by_agency["Trend"].p90 == timedelta(hours=2, minutes=48)  # 2 h + 0.8 × 1 h
    assert (by_agency["Anadolu"].median, by_agency["Anadolu"].p90) == (7 * H, 9 * H + 24 * M)
    by_pair = {s.label: s for s in figures.by_language_pair}
    assert set(by_pair) == {"ru → en", "tr → en"}
    assert by_pair["tr → en"].count == 2
    by_member = {s.label: s for s in figures.by_member}
    assert by_member["Aygun Mammadova"].median == 2 * H  # 1 h and 3 h
    assert by_member["Ivan Petrov"].median == 4 * H  # 2, 4 and 10 h
    by_day = {s.label: s for s in figures.by_day if s.count}
    assert by_day["Mon 2 Mar"].count == 2
    assert by_day["Mon 2 Mar"].median == 90 * M
    assert by_day["Thu 5 Mar"].median == 10 * H
    assert [s.count for s in figures.by_week] == [5]
    # Where the time goes: the median of each step (claim 10, 20, 30, 40, 120 min...).
    assert [median for _, median in figures.stages] == [30 * M, 90 * M, 30 * M, 30 * M]


def test_percentile_interpolates_between_ranks():
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 10.0], 0.9) == pytest.approx(7.6)
    assert percentile([1.0, 2.0], 0.5) == 1.5


def test_the_metrics_page_shows_the_figures_and_charts_in_a_constant_number_of_queries(
    client, editor, desk_week, django_assert_max_num_queries
):
    client.force_login(editor)
    url = reverse("admin:translations_auditevent_metrics")
    with time_machine.travel(NOW, tick=False):
        client.get(url)  # the session and the admin's sidebar, warmed
        with django_assert_max_num_queries(10) as few:
            response = client.get(url, {"days": 7})
        # Four more stories, and not one query more.
        for _ in range(4):
            story_in_state(StoryStatus.PUBLISHED)
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(url, {"days": 7}).status_code == 200
    assert response.status_code == 200
    html = response.content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Median 3 h " in text
    assert "90th percentile 7 h 36 min" in text
    assert html.count('<svg class="metrics-chart"') == 5
    assert html.count("<title id=") == 5
    for chart in ("by-agency", "by-pair", "by-member", "by-week", "by-day"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
    assert "Trend 3 2 h 2 h 48 min" in text  # the per-agency table
    assert "Ivan Petrov 3 4 h" in text


def test_the_stories_waiting_longest_come_first(client, editor, translator):
    with time_machine.travel(MONDAY, tick=False) as traveller:
        old = WireStoryFactory(headline="Старая новость")
        traveller.move_to(MONDAY + H)
        claimed = wire_story_claim(wire_story=WireStoryFactory(), actor=translator)
        traveller.move_to(MONDAY + 2 * H)
        WireStoryFactory(headline="Свежая новость")
        traveller.move_to(MONDAY + 5 * H)
        client.force_login(editor)
        html = client.get(reverse("admin:translations_auditevent_metrics")).content.decode()
    waiting = html.split('id="waiting-title"')[1]
    assert waiting.index(old.headline) < waiting.index(claimed.headline)
    assert waiting.index(claimed.headline) < waiting.index("Свежая новость")
    assert "Not claimed" in waiting
    assert "5 h" in waiting


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("translator", 403), ("editor", 200), ("superuser", 200)],
)
def test_the_metrics_page_is_for_editors(client, request, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("admin:translations_auditevent_metrics"))
    assert response.status_code == status


def test_the_dashboard_links_editors_to_it(client, editor, translator):
    url = reverse("admin:translations_auditevent_metrics")
    client.force_login(editor)
    assert url in client.get(reverse("admin:index")).content.decode()
    client.force_login(translator)
    assert url not in client.get(reverse("admin:index")).content.decode()


def test_an_unknown_period_is_refused_with_a_message(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:translations_auditevent_metrics"), {"days": "365"})
    assert response.status_code == 400
    assert "choose 7, 30, 90" in response.content.decode()


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0 min"), (45, "45 min"), (60, "1 h"), (200, "3 h 20 min"), (24 * 60 + 300, "1 d 5 h")],
)
def test_durations_read_as_editors_say_them(minutes, text):
    assert duration_text(timedelta(minutes=minutes)) == text
