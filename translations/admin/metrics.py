"""The wire-speed metrics page (admin): how fast the desk turns wire into published stories.

For editors and superusers; a translator gets 403 (the page is no object whose existence
could leak, and a translator may know it exists).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from translations import permissions
from translations.metrics import wire_speed_figures
from translations.metrics.charts import bar_chart
from translations.metrics.timelines import STAGES, waiting_longest

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30


class WireSpeedMetricsMixin:
    """Adds /metrics/ to the audit log's admin: the figures are read from the audit log."""

    def get_urls(self):
        return [
            path(
                "metrics/",
                self.admin_site.admin_view(self.metrics_view),
                name="translations_auditevent_metrics",
            ),
            *super().get_urls(),
        ]

    def metrics_view(self, request: HttpRequest) -> HttpResponse:
        if not permissions.can_review(request.user):
            raise PermissionDenied("The wire-speed metrics are for editors.")
        status, error = 200, ""
        raw = request.GET.get("days", str(DEFAULT_PERIOD))
        days = int(raw) if raw.isdigit() and int(raw) in PERIODS else None
        if days is None:
            status, days = 400, DEFAULT_PERIOD
            error = (
                f"“days={raw}” is not a period this page offers: choose "
                + ", ".join(map(str, PERIODS))
                + f". Showing the last {DEFAULT_PERIOD} days."
            )
        now = timezone.now()
        figures = wire_speed_figures(days, now=now)
        charts = [
            (
                bar_chart("by-agency", "By agency", figures.by_agency),
                figures.by_agency,
                "Agency",
            ),
            (
                bar_chart("by-pair", "By language pair", figures.by_language_pair),
                figures.by_language_pair,
                "Language pair",
            ),
            (
                bar_chart("by-member", "By desk member", figures.by_member),
                figures.by_member,
                "Desk member",
            ),
            (bar_chart("by-week", "By week", figures.by_week), figures.by_week, "Week"),
            (bar_chart("by-day", "By day", figures.by_day), figures.by_day, "Day"),
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Wire speed",
            "days": days,
            "periods": PERIODS,
            "error": error,
            "figures": figures,
            "stages": STAGES,
            "charts": charts,
            "waiting": [(item, item.waited(now)) for item in waiting_longest()],
            "now": now,
            "audit_url": reverse("admin:translations_auditevent_changelist"),
        }
        return TemplateResponse(
            request, "admin/translations/metrics/wire_speed.html", context, status=status
        )
