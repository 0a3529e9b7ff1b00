"""Events: the wire's reports of one event grouped; editors split a wrong group or merge two.

The services (articles.services.clusters) check the permission and keep each decision as an
EventClusterDecision, which is the audit trail shown here, read-only.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Min
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext

from articles.models import EventCluster, EventClusterDecision, EventClusterMembership
from articles.services.clusters import event_cluster_merge, event_cluster_split


class ReadOnly:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MembershipInline(ReadOnly, admin.TabularInline):
    model = EventClusterMembership
    fk_name = "cluster"
    fields = ["wire_story", "placement", "score", "explanation", "at"]
    readonly_fields = fields
    ordering = ["at"]


class DecisionInline(ReadOnly, admin.TabularInline):
    model = EventClusterDecision
    fk_name = "source"
    verbose_name_plural = "decisions (split off or merged away from this event)"
    fields = ["kind", "actor", "target", "wire_stories", "created_at"]
    readonly_fields = fields


@admin.register(EventCluster)
class EventClusterAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "reports", "first_report", "first_seen"]
    inlines = [MembershipInline, DecisionInline]
    actions = ["merge"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(report_count=Count("memberships"), first_at=Min("memberships__at"))
        )

    def has_regroup_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.regroup_eventcluster")

    @admin.display(description="Reports", ordering="report_count")
    def reports(self, obj: EventCluster) -> str:
        return format_html(
            '<a href="{}?cluster__id__exact={}">{}</a>',
            reverse("admin:articles_eventclustermembership_changelist"),
            obj.pk,
            obj.report_count,
        )

    @admin.display(description="First report")
    def first_report(self, obj: EventCluster) -> str:
        first = obj.memberships.select_related("wire_story__agency").order_by("at").first()
        return str(first.wire_story) if first else "—"

    @admin.display(description="First seen", ordering="first_at")
    def first_seen(self, obj: EventCluster):
        return obj.first_at

    @admin.action(
        description="Merge the selected events into the earliest", permissions=["regroup"]
    )
    def merge(self, request: HttpRequest, queryset):
        events = list(queryset.order_by("first_at", "pk"))
        if len(events) < 2:
            self.message_user(request, "Select two events or more to merge.", messages.ERROR)
            return
        target, *sources = events
        for source in sources:
            try:
                event_cluster_merge(target=target, source=source, actor=request.user)
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{source}: {error}", messages.ERROR)
                return
        merged = ngettext("%d event merged", "%d events merged", len(sources)) % len(sources)
        self.message_user(request, f"{merged} into {target}.", messages.SUCCESS)


@admin.register(EventClusterMembership)
class EventClusterMembershipAdmin(ReadOnly, admin.ModelAdmin):
    """The reports of an event, where an editor selects those to split off."""

    list_display = ["wire_story", "cluster", "placement", "score", "explanation", "at"]
    list_filter = ["placement", ("cluster", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["wire_story__agency", "cluster"]
    actions = ["split"]

    def has_regroup_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.regroup_eventcluster")

    @admin.action(
        description="Split the selected reports off into a new event", permissions=["regroup"]
    )
    def split(self, request: HttpRequest, queryset):
        chosen = list(queryset.select_related("wire_story"))
        clusters = {m.cluster_id for m in chosen}
        if len(clusters) != 1:
            self.message_user(request, "Select reports of one event to split.", messages.ERROR)
            return
        cluster = EventCluster.objects.get(pk=clusters.pop())
        try:
            new = event_cluster_split(
                cluster=cluster, wire_stories=[m.wire_story for m in chosen], actor=request.user
            )
        except (PermissionDenied, ValidationError) as error:
            self.message_user(
                request, "; ".join(getattr(error, "messages", [str(error)])), messages.ERROR
            )
            return
        self.message_user(
            request,
            ngettext("%d report split off", "%d reports split off", len(chosen)) % len(chosen)
            + f" from {cluster} into {new}.",
            messages.SUCCESS,
        )


@admin.register(EventClusterDecision)
class EventClusterDecisionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["created_at", "kind", "actor", "source", "target", "wire_stories"]
    list_filter = ["kind"]
    list_select_related = ["actor", "source", "target"]
