"""Template helpers of the review pages: diffs rendered as <del>/<ins>, escaped, and the names
people read for stored codes (statuses, checks, revision reasons)."""

from collections.abc import Iterable, Mapping
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from translations import diffing
from translations.diffing import Segment
from translations.qa.base import check_label as _check_label
from translations.workflow import STATES

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


@register.filter
def status_name(value: str) -> str:
    """A stored status ("changes_requested") as editors say it ("Changes requested")."""
    return STATES.get(value, value.replace("_", " ").capitalize())


@register.filter
def check_label(code: str) -> str:
    return _check_label(code)


REVISION_REASONS = {
    "created": "Created",
    "claimed": "Started from the wire story",
    "saved": "Saved",
    "autosave": "Saved automatically",
    "left": "Saved on leaving the desk",
    "submitted": "Saved and submitted",
    "review fix": "Fixed by the editor in review",
    "correction": "Correction after publication",
    "machine suggestion": "Machine translation filled in",
    "rebased": "Moved onto the new source version",
}


@register.filter
def revision_reason(reason: str) -> str:
    """Why a revision was kept, as a sentence ("restored revision 3" reads as it is)."""
    if not reason:
        return "—"
    return REVISION_REASONS.get(reason, reason[:1].upper() + reason[1:])
