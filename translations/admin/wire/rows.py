"""How one row of the wire queue reads: a story, or an event of several agencies' reports.

Each function takes a wire story loaded by WireStoryAdmin.get_queryset (queue state, covering
translation and the event's memberships prefetched) and returns HTML; none runs a query.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import localtime

from articles.models import EventSummary, WireStory
from translations.queue import QueueState

# What the preview shows of the text: enough to decide, not the whole story.
PREVIEW_PARAGRAPHS = 3


def change_url(wire_story_id: int) -> str:
    return reverse("admin:articles_wirestory_change", args=[wire_story_id])


def moment(at) -> str:
    return date_format(localtime(at), "j M, H:i")


def event_of(obj: WireStory) -> EventSummary | None:
    """The story's event when it has more than one report, else None (a story on its own)."""
    if not hasattr(obj, "_event_summary"):
        membership = getattr(obj, "event_membership", None)
        summary = membership.cluster.summary() if membership is not None else None
        obj._event_summary = summary if summary and len(summary.reports) > 1 else None
    return obj._event_summary


def why_grouped(summary: EventSummary) -> list[tuple[str, str]]:
    """(agency, reason) for each report placed by a match: what it shared with the event."""
    return [(m.wire_story.agency.name, m.explanation) for m in summary.reports if m.explanation]


def covering(obj: WireStory) -> tuple[str, str, str] | None:
    """The translation this story or its event is covered by: (url, headline, translator)."""
    if obj.claimed_story:
        story, headline, user, may_open, wire = (
            obj.claimed_story,
            obj.claimed_headline,
            obj.claimed_by,
            obj.may_open,
            obj.pk,
        )
    elif obj.covered_by_story:
        story, headline, user, may_open, wire = (
            obj.covered_by_story,
            obj.covered_by_headline,
            obj.covered_by_translator,
            obj.covered_may_open,
            obj.covered_by_wire,
        )
    else:
        return None
    # Whoever may not open the translation (it would answer 404) is shown its source instead.
    url = reverse("admin:articles_story_translate", args=[story]) if may_open else change_url(wire)
    return url, headline, user or "unassigned"


def covered_by(obj: WireStory) -> SafeString:
    url, headline, user = covering(obj)
    return format_html('covered by <a href="{}">“{}”</a> ({})', url, headline, user)


def preview(obj: WireStory) -> SafeString:
    """The headline, and under it (opened without JavaScript) what a translator decides on:
    dateline, agency, time, the first paragraphs and, for an event, every report and why."""
    meta = format_html_join(
        " · ",
        "{}",
        (
            (part,)
            for part in [obj.dateline, obj.agency.name, moment(obj.sent_at or obj.received_at)]
            if part
        ),
    )
    paragraphs = [obj.summary] if obj.summary else []
    paragraphs += obj.paragraphs[: PREVIEW_PARAGRAPHS - len(paragraphs)]
    more = len(obj.paragraphs) + bool(obj.summary) - len(paragraphs)
    summary = event_of(obj)
    return format_html(
        '<details class="wire-preview"><summary><span lang="{}" dir="auto">{}</span></summary>'
        '<div class="wire-preview-body"><p class="wire-preview-meta">{}</p>'
        '<div lang="{}" dir="auto">{}</div><p><a href="{}">The whole story</a>{}</p>{}</div>'
        "</details>",
        obj.language,
        obj.headline,
        meta,
        obj.language,
        format_html_join("", "<p>{}</p>", ((p,) for p in paragraphs)),
        change_url(obj.pk),
        f" ({more} more paragraph{'s' if more != 1 else ''}, {obj.word_count} words)"
        if more
        else f" ({obj.word_count} words)",
        event_reports(obj, summary) if summary else "",
    )


def event_reports(obj: WireStory, summary: EventSummary) -> SafeString:
    """Every report of the event, with why it was grouped and who covers it."""
    cover = covering(obj)
    if obj.claimed_story:
        source = (obj.agency_id, obj.guid)
    else:
        source = (obj.covered_by_agency, obj.covered_by_guid)

    def line(member) -> tuple:
        wire = member.wire_story
        covered = ""
        # Every report but the one being translated (in whichever version) is covered by it.
        if cover and (wire.agency_id, wire.guid) != source:
            covered = format_html(' · <strong class="queue-flag">{}</strong>', covered_by(obj))
        return (
            wire.agency.name,
            wire.language,
            moment(member.at),
            change_url(wire.pk),
            wire.language,
            wire.headline,
            format_html(" · <small>{}</small>", member.explanation) if member.explanation else "",
            covered,
        )

    return format_html(
        '<p class="wire-preview-meta">Reports of this event</p><ul class="wire-preview-reports">'
        "{}</ul>",
        format_html_join(
            "",
            '<li>{} ({}, {}): <a href="{}" lang="{}" dir="auto">{}</a>{}{}</li>',
            (line(m) for m in summary.reports),
        ),
    )


def event_cell(obj: WireStory, queue_url: str) -> SafeString:
    summary = event_of(obj)
    if summary is None:
        return format_html("{}", "")
    earliest, complete = summary.earliest, summary.most_complete
    reasons = why_grouped(summary)
    return format_html(
        '<a href="{}?event_membership__cluster={}">{} reports</a>: {} · {}'
        '<br><span class="queue-claimed">First</span> <a href="{}">{}</a> {}'
        ' · <span class="queue-claimed">most complete</span> <a href="{}">{}</a> ({} words)'
        "{}",
        queue_url,
        obj.event_membership.cluster_id,
        len(summary.reports),
        ", ".join(summary.agencies),
        ", ".join(summary.languages),
        change_url(earliest.wire_story_id),
        earliest.wire_story.agency.name,
        moment(earliest.at),
        change_url(complete.wire_story_id),
        complete.wire_story.agency.name,
        complete.words,
        format_html('<br><small class="queue-why">{}: {}</small>', *reasons[0]) if reasons else "",
    )


def source_cell(obj: WireStory, language: SafeString) -> SafeString:
    flags = []
    if obj.source_changed:
        flags.append("translated from an older version")
    if not obj.is_usable:
        flags.append(obj.get_pub_status_display().lower())
    return format_html(
        '{} <span class="queue-claimed">· {} · v{}</span>{}',
        obj.agency.name,
        language,
        obj.version,
        format_html_join("", '<br><span class="queue-flag">{}</span>', ((f,) for f in flags)),
    )


def state_badge(obj: WireStory) -> SafeString:
    return format_html(
        '<span class="queue-state queue-state--{}">{}</span>',
        obj.queue_state,
        QueueState(obj.queue_state).label,
    )
