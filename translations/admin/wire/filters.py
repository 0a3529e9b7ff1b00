"""The wire queue's filters; the queue's lookups (agency, language, received) sit beside them."""

from django.contrib import admin
from django.db.models import Exists

from articles.models import WireStory
from translations.queue import QueueState, queue_state_q


class QueueStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return QueueState.choices

    def queryset(self, request, queryset):
        if self.value() in QueueState.values:
            return queryset.filter(queue_state_q(QueueState(self.value())))
        return queryset


class SourceChangedFilter(admin.SimpleListFilter):
    title = "source changed"
    parameter_name = "source_changed"

    def lookups(self, request, model_admin):
        return [("yes", "Source changed"), ("no", "Unchanged")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(source_changed=True)
        if self.value() == "no":
            return queryset.filter(source_changed=False)
        return queryset


class LanguageUncertainFilter(admin.SimpleListFilter):
    """Stories whose language ingest could only guess: the desk confirms or corrects it."""

    title = "language certainty"
    parameter_name = "language_uncertain"

    def lookups(self, request, model_admin):
        return [("yes", "Uncertain"), ("no", "Certain")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.language_uncertain()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.language_uncertain().values("pk"))
        return queryset


class VersionsFilter(admin.SimpleListFilter):
    """The queue shows the newest version of each story unless asked for every version."""

    title = "versions"
    parameter_name = "versions"

    def lookups(self, request, model_admin):
        return [("all", "All versions")]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "Newest only",
        }
        yield from list(super().choices(changelist))[1:]

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        return queryset.exclude(Exists(WireStory.objects.newer_versions()))
