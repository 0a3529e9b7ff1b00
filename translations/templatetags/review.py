"""Template helpers of the review pages: diffs rendered as <del>/<ins>, escaped."""

from collections.abc import Iterable, Mapping
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from translations import diffing
from translations.diffing import Segment

register = template.Library()


@register.filter
def render_segments(segments: Iterable[Segment]) -> SafeString:
    return diffing.render_segments(segments)


@register.filter
def has_change(segments: Iterable[Segment]) -> bool:
    return any(segment.op != "equal" for segment in segments)


@register.filter
def get_item(mapping: Mapping[str, Any], key: str) -> Any:
    return mapping.get(key)


@register.simple_tag
def status_label(story) -> SafeString:
    return format_html(
        '<span class="status status--{}">{}</span>', story.status, story.display_status
    )
