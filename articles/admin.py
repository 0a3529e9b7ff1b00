"""Admin for reference data. Stories and wire stories are administered from the translation
desk (translations.admin), which owns their workflow."""

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from newsroom.retry import ATTEMPT

from .cache import purge_public_pages
from .models import Agency, AgencyAlias, Attribution, Feed, Image, Section, SiteSettings
from .services.credits import attribution_resolve, credit_map


class PurgesPublicPages:
    """For reference data that public pages show (names, navigation, credits, pictures): a
    change empties the page cache once it commits, as a workflow move does."""

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        transaction.on_commit(purge_public_pages)

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        transaction.on_commit(purge_public_pages)

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        transaction.on_commit(purge_public_pages)


class AgencyAliasInline(admin.TabularInline):
    model = AgencyAlias
    extra = 1


@admin.register(Agency)
class AgencyAdmin(PurgesPublicPages, admin.ModelAdmin):
    list_display = ["name", "slug", "default_language", "allows_republication", "is_active"]
    list_filter = ["is_active", "allows_republication", "requires_credit"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AgencyAliasInline]


@admin.register(Section)
class SectionAdmin(PurgesPublicPages, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


class ImageForm(forms.ModelForm):
    # A plain file field: image_open_verified says what is wrong with a bad upload, where
    # forms.ImageField would only call it "not a valid image".
    file = forms.FileField(
        label="Picture",
        help_text="A JPEG, PNG or WebP photo. It is stored upright and without its EXIF and "
        "location data; the sizes readers' screens need are made from it.",
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "credit", "caption"]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file and not self.instance.pk:
            # Pillow only where a picture is uploaded: every web worker loads this module.
            from .services.images import image_open_verified

            image_open_verified(file)
        return file


@admin.register(Image)
class ImageAdmin(PurgesPublicPages, admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "alt_text", "credit", "width", "height", "rendition_count"]
    search_fields = ["alt_text", "credit", "caption"]
    readonly_fields = ["width", "height", "rendition_list"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).prefetch_related("renditions")

    def get_readonly_fields(self, request: HttpRequest, obj: Image | None = None):
        # Stories point at the picture and its renditions: a new picture is a new Image.
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "file"] if obj else readonly

    def save_model(self, request: HttpRequest, obj: Image, form, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)  # alt text, credit: purges
            return
        from .services.images import image_create

        created = image_create(
            file=form.cleaned_data["file"],
            alt_text=obj.alt_text,
            credit=obj.credit,
            caption=obj.caption,
        )
        # The admin goes on with `obj` (log entry, redirect): make it the stored image.
        obj.pk = created.pk
        obj.refresh_from_db()
        obj._state.adding = False

    @admin.display(description="Image")
    def thumbnail(self, obj: Image) -> str:
        smallest = next(iter(obj.renditions.all()), None)
        url = smallest.file.url if smallest else obj.file.url
        # Width and height attributes keep the ratio; a style attribute would break the CSP.
        height = round(80 * obj.height / obj.width) if obj.width and obj.height else 80
        return format_html('<img src="{}" alt="" width="80" height="{}">', url, height)

    @admin.display(description="Renditions")
    def rendition_count(self, obj: Image) -> int:
        return len(obj.renditions.all())

    @admin.display(description="Renditions")
    def rendition_list(self, obj: Image) -> str:
        return (
            ", ".join(
                f"{r.get_format_display()} {r.width}x{r.height}" for r in obj.renditions.all()
            )
            or "None yet: the task worker makes them shortly after the upload."
        )


class UnresolvedFilter(admin.SimpleListFilter):
    title = "resolution"
    parameter_name = "resolved"

    def lookups(self, request, model_admin):
        return [("no", "Unresolved"), ("yes", "Resolved")]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(agency__isnull=self.value() == "no")
        return queryset


class CreditMapForm(forms.ModelForm):
    remember_alias = forms.BooleanField(
        required=False,
        initial=True,
        help_text="Map every unresolved credit with this name, and remember the name as an alias "
        "so that later deliveries resolve by themselves.",
    )

    class Meta:
        model = Attribution
        fields = ["agency"]


@admin.register(Attribution)
class AttributionAdmin(admin.ModelAdmin):
    """Credits as found on ingest; an editor maps the unresolved ones to agencies."""

    form = CreditMapForm
    list_display = ["credited_name", "role", "agency", "wire_story", "story"]
    list_filter = [UnresolvedFilter, "role"]
    search_fields = ["credited_name", "agency__name"]
    list_select_related = ["agency", "wire_story", "story"]
    readonly_fields = ["credited_name", "role", "wire_story", "story"]
    autocomplete_fields = ["agency"]

    def has_add_permission(self, request) -> bool:
        return False

    def get_readonly_fields(self, request, obj: Attribution | None = None) -> list[str]:
        # Mapping resolves a credit; a resolved one is provenance already shown to readers.
        readonly = list(self.readonly_fields)
        return [*readonly, "agency"] if obj is not None and obj.agency_id else readonly

    def save_model(self, request, obj: Attribution, form, change: bool) -> None:
        # Through the services: a credit mapped onto an agency the item already credits in this
        # role is merged into that attribution (one per agency and role), not saved beside it.
        if obj.agency_id and form.cleaned_data.get("remember_alias"):
            count = credit_map(credited_name=obj.credited_name, agency=obj.agency)
            self.message_user(
                request,
                f"Mapped {count} credit{pluralize(count)} named “{obj.credited_name}” "
                f"to {obj.agency}.",
                messages.SUCCESS,
            )
        elif obj.agency_id:
            attribution_resolve(Attribution.objects.get(pk=obj.pk), obj.agency)


# Background tasks (renditions, search, the desk's mail): their results, failed ones with the
# traceback and the next attempt with its time, are for superusers only. Their arguments carry
# people's addresses and unpublished texts, and nothing in them is anyone else's to act on.
class SuperusersOnly:
    def _is_superuser(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_superuser(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._is_superuser(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._is_superuser(request) and super().has_delete_permission(request, obj)


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(SuperusersOnly, DBTaskResultAdmin):
    list_display = (
        "task_name",
        "status",
        "attempt",
        "enqueued_at",
        "display_run_after",
        "finished_at",
    )
    list_filter = ("status", "task_path")
    search_fields = ["task_path"]

    @admin.display(description="Attempt")
    def attempt(self, obj: DBTaskResult) -> int:
        return obj.args_kwargs.get("kwargs", {}).get(ATTEMPT, 1)


if apps.is_installed("django_tasks_redis"):
    from django_tasks_redis.admin import RedisTaskAdmin
    from django_tasks_redis.models import RedisTask

    admin.site.unregister(RedisTask)

    @admin.register(RedisTask)
    class RedisTaskResultAdmin(SuperusersOnly, RedisTaskAdmin):
        def has_run_permission(self, request: HttpRequest) -> bool:
            return self._is_superuser(request)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    """Where the wire comes from, and whether it still comes: failing or idle feeds in red."""

    class Media:
        # The red of a failing feed is a class (review.css): the CSP allows no inline style.
        css = {"all": ["css/review.css"]}

    list_display = ["name", "agency", "kind", "format", "enabled", "health", "last_success_at"]
    list_filter = ["enabled", "kind", "format", "agency"]
    search_fields = ["name", "url", "folder", "agency__name"]
    list_select_related = ["agency"]
    autocomplete_fields = ["agency"]
    actions = ["poll_now"]
    readonly_fields = [
        "health",
        "last_attempt_at",
        "last_success_at",
        "last_new_item_at",
        "consecutive_failures",
        "next_poll_at",
        "last_error",
    ]
    fieldsets = [
        (None, {"fields": ["name", "agency", "kind", "url", "folder", "format", "language"]}),
        ("Polling", {"fields": ["enabled", "poll_interval", "idle_after"]}),
        ("Health", {"fields": readonly_fields}),
    ]

    @admin.display(description="Health")
    def health(self, obj: Feed) -> str:
        now = timezone.now()
        if not obj.enabled:
            return "disabled"
        if obj.is_failing:
            return format_html(
                '<strong class="workflow-flag feed-alert">failing ({} in a row): {}</strong>',
                obj.consecutive_failures,
                obj.last_error.splitlines()[0] if obj.last_error else "no reason recorded",
            )
        if obj.is_idle(now):
            since = obj.last_new_item_at or obj.created_at
            return format_html(
                '<strong class="workflow-flag feed-alert">idle: nothing new since {} UTC</strong>',
                since.strftime("%Y-%m-%d %H:%M"),
            )
        if obj.last_success_at is None:
            return "not polled yet"
        return "ok"

    @admin.display(description="Next poll")
    def next_poll_at(self, obj: Feed) -> str:
        return f"{obj.next_poll_at:%Y-%m-%d %H:%M:%S} UTC" if obj.next_poll_at else "at once"

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset) -> None:
        from .tasks import poll_feed

        ids = list(queryset.values_list("pk", flat=True))
        for feed_id in ids:
            transaction.on_commit(lambda feed_id=feed_id: poll_feed.enqueue(feed_id, True))
        self.message_user(
            request,
            f"Polling {len(ids)} feed{pluralize(len(ids))} in the background; their health "
            "updates when done.",
            messages.SUCCESS,
        )


@admin.register(SiteSettings)
class SiteSettingsAdmin(PurgesPublicPages, admin.ModelAdmin):
    """One row, edited in place: the list goes straight to its form, and it is never deleted."""

    fields = ["show_paragraph_provenance"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_object(self, request: HttpRequest, object_id: str, from_field=None):
        # Until an editor first saves them, the settings are the defaults: an unsaved row.
        if str(object_id) != str(SiteSettings.SINGLETON_PK):
            return None
        return SiteSettings.objects.filter(pk=SiteSettings.SINGLETON_PK).first() or SiteSettings()

    def changelist_view(self, request: HttpRequest, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return HttpResponseRedirect(
            reverse("admin:articles_sitesettings_change", args=[SiteSettings.SINGLETON_PK])
        )
