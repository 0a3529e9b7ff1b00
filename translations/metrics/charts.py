"""Server-rendered SVG bar charts of the wire-speed figures: no script, no library, no CDN.

Each chart is computed here as plain geometry and drawn by a template
(admin/translations/metrics/_bar_chart.html) with a title, a description and a table beside
it for those who do not see the picture.
"""

from dataclasses import dataclass
from datetime import timedelta

from .figures import Summary

# One layout fits desktop and phone: the SVG scales to its box, which is never much wider than
# the view box, so its text stays near its set size. Long labels (agencies, people) get a line
# of their own above the bar; short ones (days, weeks) stand beside it.
WIDTH = 400
VALUES_WIDTH = 160
SHORT_LABEL = 13
SHORT_LABEL_WIDTH = 92
BAR_HEIGHT = 14
TOP = 30

# Tick steps, in seconds, from a minute to a week: the first that needs at most five ticks wins.
STEPS = (
    [60 * m for m in (1, 2, 5, 10, 15, 30)]
    + [3600 * h for h in (1, 2, 3, 6, 12, 24, 48)]
    + [7 * 86400]
)


def duration_text(delta: timedelta | None) -> str:
    """A span as an editor reads it: 45 min, 3 h 20 min, 2 d 5 h."""
    if delta is None:
        return "—"
    minutes = round(delta.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def _tick_text(seconds: int) -> str:
    return duration_text(timedelta(seconds=seconds)).replace(" 0 min", "")


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    text_y: float
    label_y: float
    median_width: float
    p90_width: float
    value: str


@dataclass(frozen=True)
class Tick:
    x: float
    text: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    plot_x: int
    plot_width: int
    labels_above: bool
    width: int = WIDTH
    top: int = TOP

    @property
    def value_x(self) -> int:
        return self.plot_x + self.plot_width + 8

    @property
    def label_x(self) -> int:
        return 0 if self.labels_above else self.plot_x - 8


def _scale(longest: float) -> int:
    return next((step for step in STEPS if longest / step <= 5), STEPS[-1] * 4)


def bar_chart(chart_id: str, title: str, summaries: list[Summary]) -> BarChart:
    """Median (dark) and 90th percentile (light) of each group, on one time axis."""
    labels_above = any(len(s.label) > SHORT_LABEL for s in summaries)
    plot_x = 0 if labels_above else SHORT_LABEL_WIDTH
    plot_width = WIDTH - plot_x - VALUES_WIDTH
    row_height = 42 if labels_above else 24
    longest = max((s.p90.total_seconds() for s in summaries if s.p90), default=0)
    step = _scale(longest)
    span = step * max(1, -(-longest // step))
    ticks = [
        Tick(plot_x + plot_width * n * step / span, _tick_text(n * step))
        for n in range(int(span // step) + 1)
    ]
    bars = []
    for row, summary in enumerate(summaries):
        row_top = TOP + row * row_height
        y = row_top + (20 if labels_above else (row_height - BAR_HEIGHT) / 2)
        bars.append(
            Bar(
                label=summary.label,
                y=y,
                text_y=y + BAR_HEIGHT - 3,
                label_y=row_top + 14 if labels_above else y + BAR_HEIGHT - 3,
                median_width=plot_width * summary.median.total_seconds() / span
                if summary.median
                else 0,
                p90_width=plot_width * summary.p90.total_seconds() / span if summary.p90 else 0,
                value=(
                    f"{duration_text(summary.median)} · {duration_text(summary.p90)}"
                    if summary.count
                    else "no stories"
                ),
            )
        )
    busiest = [s for s in summaries if s.count]
    if busiest:
        slowest = max(busiest, key=lambda s: s.median)
        fastest = min(busiest, key=lambda s: s.median)
        description = (
            f"Median and 90th percentile time from wire to publication for {len(summaries)} "
            f"groups. Fastest median: {fastest.label}, {duration_text(fastest.median)}; "
            f"slowest median: {slowest.label}, {duration_text(slowest.median)}."
        )
    else:
        description = "No story was published in this period."
    return BarChart(
        id=chart_id,
        title=title,
        description=description,
        height=TOP + row_height * max(1, len(summaries)) + 6,
        bars=bars,
        ticks=ticks,
        plot_x=plot_x,
        plot_width=plot_width,
        labels_above=labels_above,
    )
