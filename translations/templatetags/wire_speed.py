from datetime import timedelta

from django import template

from translations.metrics.charts import duration_text

register = template.Library()


@register.filter
def duration(delta: timedelta | None) -> str:
    """`{{ span|duration }}`: 45 min, 3 h 20 min, 2 d 5 h; a dash for none."""
    return duration_text(delta)


@register.filter
def svg_number(value: float) -> str:
    """A coordinate for an SVG attribute, never localised (no decimal comma)."""
    return f"{value:.1f}"
