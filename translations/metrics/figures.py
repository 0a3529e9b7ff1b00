"""Median and 90th percentile of the time from wire to publication, by the groupings editors
ask about: agency, language pair, desk member, day and week."""

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.utils import timezone

from .timelines import STAGES, Stage, StoryTimeline, published_timelines


def percentile(values: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's and spreadsheets' default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * fraction
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def _seconds(delta: timedelta) -> float:
    return delta.total_seconds()


@dataclass(frozen=True)
class Summary:
    """The figures of one group of published stories."""

    label: str
    count: int
    median: timedelta | None
    p90: timedelta | None
    stage_medians: list[timedelta | None] = field(default_factory=list)


def summarise(label: str, timelines: list[StoryTimeline]) -> Summary:
    if not timelines:
        return Summary(label, 0, None, None, [None] * len(STAGES))
    totals = [_seconds(t.wire_to_publication) for t in timelines]
    stage_medians = []
    for stage in STAGES:
        durations = [_seconds(d) for t in timelines if (d := t.stage(stage)) is not None]
        stage_medians.append(timedelta(seconds=statistics.median(durations)) if durations else None)
    return Summary(
        label=label,
        count=len(timelines),
        median=timedelta(seconds=statistics.median(totals)),
        p90=timedelta(seconds=percentile(totals, 0.9)),
        stage_medians=stage_medians,
    )


def _grouped(
    timelines: Iterable[StoryTimeline], key: Callable[[StoryTimeline], str]
) -> list[Summary]:
    groups: dict[str, list[StoryTimeline]] = defaultdict(list)
    for timeline in timelines:
        groups[key(timeline)].append(timeline)
    # The busiest first: they weigh most in what readers get.
    return sorted(
        (summarise(label, items) for label, items in groups.items()),
        key=lambda summary: (-summary.count, summary.label),
    )


def _day(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _week(moment: datetime) -> date:
    day = _day(moment)
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Figures:
    since: datetime
    until: datetime
    overall: Summary
    stages: list[tuple[Stage, timedelta | None]]
    by_agency: list[Summary]
    by_language_pair: list[Summary]
    by_member: list[Summary]
    by_day: list[Summary]
    by_week: list[Summary]
    slowest: list[StoryTimeline]


def _series(
    timelines: list[StoryTimeline],
    first: date,
    last: date,
    bucket: Callable[[datetime], date],
    step: timedelta,
    label: Callable[[date], str],
) -> list[Summary]:
    """One summary per day or week from first to last, empty ones included: a gap is news."""
    groups: dict[date, list[StoryTimeline]] = defaultdict(list)
    for timeline in timelines:
        groups[bucket(timeline.published)].append(timeline)
    result, current = [], first
    while current <= last:
        result.append(summarise(label(current), groups.get(current, [])))
        current += step
    return result


def wire_speed_figures(days: int, now: datetime | None = None) -> Figures:
    """The figures of the stories published in the last `days` days (UTC): one query."""
    until = now or timezone.now()
    first_day = _day(until) - timedelta(days=days - 1)
    since = datetime.combine(first_day, datetime.min.time(), tzinfo=UTC)
    timelines = published_timelines(since, until)
    overall = summarise("All stories", timelines)
    return Figures(
        since=since,
        until=until,
        overall=overall,
        stages=list(zip(STAGES, overall.stage_medians, strict=True)),
        by_agency=_grouped(timelines, lambda t: t.agency),
        by_language_pair=_grouped(timelines, lambda t: t.language_pair),
        by_member=_grouped(timelines, lambda t: t.member),
        by_day=_series(
            timelines,
            first_day,
            _day(until),
            _day,
            timedelta(days=1),
            lambda d: d.strftime("%a %-d %b"),
        ),
        by_week=_series(
            timelines,
            first_day - timedelta(days=first_day.weekday()),
            _week(until),
            _week,
            timedelta(weeks=1),
            lambda d: f"Week of {d:%-d %b}",
        ),
        slowest=sorted(timelines, key=lambda t: t.wire_to_publication, reverse=True)[:10],
    )
