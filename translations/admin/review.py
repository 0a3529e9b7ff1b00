"""The review workflow in the admin: move buttons on the change form, list actions, and the
review, revision history, compare and preview pages (custom views, as Django's UserAdmin does).

Mixed into StoryAdmin. Pages answer 404 for a story outside the user's reach, 403 for a move
that is not theirs to make, and 409 (with the reason) for a move the story's state or the rules
refuse.
"""

from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from articles.models import Story, StoryStatus
from translations import permissions
from translations.diffing import compare_revisions
from translations.models import ReviewComment, StoryRevision, Translation
from translations.services.comments import comment_add, comment_resolve
from translations.services.errors import WorkflowError
from translations.services.revisions import revision_restore
from translations.services.workflow import (
    publish_blockers,
    story_approve,
    story_publish,
    story_submit,
)

from .moves import MOVES, Move, paragraph_choices
from .review_pages import review_context, source_flags


def public_url(story: Story) -> str:
    """The story's public address once readers can open it (withdrawn: the 410 page, note)."""
    if story.is_live or story.status == StoryStatus.WITHDRAWN:
        return story.get_absolute_url()
    return ""


class SourceFilter(admin.SimpleListFilter):
    """Stories whose source the agency has since updated or canceled."""

    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [("changed", "Changed since translated"), ("canceled", "Canceled by the agency")]

    def queryset(self, request, queryset):
        if self.value() == "changed":
            return queryset.filter(translation__in=Translation.objects.source_changed())
        if self.value() == "canceled":
            return queryset.filter(translation__in=Translation.objects.source_canceled())
        return queryset


class ReviewAdminMixin:
    change_form_template = "admin/review/story_change_form.html"
    actions = ["submit_selected", "approve_selected", "publish_selected"]

    # Permissions of the list actions (ModelAdmin asks has_<name>_permission).
    def has_submit_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return user.is_active and (
            user.has_perm("articles.change_story") or user.has_perm("articles.edit_any_story")
        )

    def has_review_permission(self, request: HttpRequest) -> bool:
        return permissions.can_review(request.user)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return permissions.can_publish(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Story | None = None) -> bool:
        # The text changes while the story is worked on; after that only by a correction.
        if obj is not None and not permissions.can_edit(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def view_on_site(self, obj: Story) -> str | None:
        # An unpublished story has no public page yet: no link rather than a link to a 404.
        return public_url(obj) or None

    def get_readonly_fields(self, request: HttpRequest, obj: Story | None = None):
        fields = list(super().get_readonly_fields(request, obj))
        # Paragraphs are edited in the translation desk; only those who may edit them here
        # (superusers) get the inline, everybody else reads the text in place.
        if obj is not None and not request.user.has_perm("articles.change_storyparagraph"):
            fields.append("text_paragraphs")
        return fields

    def get_fields(self, request: HttpRequest, obj: Story | None = None):
        fields = [f for f in super().get_fields(request, obj) if f != "text_paragraphs"]
        if obj is not None and "text_paragraphs" in self.get_readonly_fields(request, obj):
            at = fields.index("summary") + 1 if "summary" in fields else len(fields)
            fields.insert(at, "text_paragraphs")
        return fields

    @admin.display(description="Text")
    def text_paragraphs(self, obj: Story) -> str:
        paragraphs = format_html_join(
            "",
            '<p lang="{}" dir="auto" class="story-paragraph">'
            '<span class="paragraph-number">¶{}</span> {}</p>',
            (
                (obj.language, n, p.text)
                for n, p in enumerate(obj.paragraphs.order_by("position"), start=1)
            ),
        )
        if getattr(obj, "translation", None) is None:
            return paragraphs or "—"
        return format_html(
            '{}<p><a href="{}">Open in the translation desk</a></p>',
            paragraphs,
            self._url("translate", obj),
        )

    def get_list_filter(self, request: HttpRequest):
        return [*super().get_list_filter(request), SourceFilter]

    # --- URLs ---------------------------------------------------------------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name

        def view(func: Callable) -> Callable:
            return self.admin_site.admin_view(func)

        return [
            path(
                "<int:object_id>/move/<slug:move>/",
                view(self.move_view),
                name="{}_{}_move".format(*info),
            ),
            path(
                "<int:object_id>/review/", view(self.review_view), name="{}_{}_review".format(*info)
            ),
            path(
                "<int:object_id>/preview/",
                view(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            path(
                "<int:object_id>/revisions/",
                view(self.revisions_view),
                name="{}_{}_revisions".format(*info),
            ),
            path(
                "<int:object_id>/revisions/compare/",
                view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            path(
                "<int:object_id>/revisions/<int:number>/restore/",
                view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            path(
                "<int:object_id>/comments/",
                view(self.comment_add_view),
                name="{}_{}_comment_add".format(*info),
            ),
            path(
                "<int:object_id>/comments/<int:comment_id>/resolve/",
                view(self.comment_resolve_view),
                name="{}_{}_comment_resolve".format(*info),
            ),
            *super().get_urls(),
        ]

    def _url(self, name: str, story: Story, **kwargs) -> str:
        info = self.opts.app_label, self.opts.model_name
        return reverse(
            f"admin:{info[0]}_{info[1]}_{name}",
            kwargs={"object_id": story.pk, **kwargs},
            current_app=self.admin_site.name,
        )

    def _reachable_story(self, request: HttpRequest, object_id: int | str) -> Story:
        """The story if the user may open it (its translator, an editor), else 404."""
        story = self.get_queryset(request).filter(pk=object_id).first()
        if story is None or not permissions.can_preview(request.user, story):
            raise Http404("No such story.")
        return story

    def _page(
        self,
        request: HttpRequest,
        story: Story,
        template: str,
        title: str,
        status: int = 200,
        **ctx,
    ) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": story,
            "story": story,
            "title": title,
            "change_url": self._url("change", story),
            "translate_url": (
                self._url("translate", story)
                if getattr(story, "translation", None) is not None
                else ""
            ),
            "review_url": self._url("review", story),
            "revisions_url": self._url("revisions", story),
            "preview_url": self._url("preview", story),
            "public_url": public_url(story),
            **ctx,
        }
        return TemplateResponse(request, template, context, status=status)

    # --- change form --------------------------------------------------------------------------
    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Outside the user's reach is 404, like every other page of the story (not a redirect).
        story = self.get_queryset(request).filter(pk=object_id).first()
        if story is None:
            raise Http404("No such story.")
        extra_context = {**(extra_context or {}), **self.workflow_context(request, story)}
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request: HttpRequest, story: Story) -> dict:
        user = request.user
        moves = [m for m in MOVES.values() if m.available_to(user, story)]
        refusals = []
        if MOVES["approve"].available_to(user, story) and permissions.has_translated(user, story):
            moves.remove(MOVES["approve"])
            refusals.append("You translated this story, so another editor must approve it.")
        if MOVES["publish"].available_to(user, story):
            refusals += publish_blockers(story)
        translation = getattr(story, "translation", None)
        newer_source = (
            translation is not None
            and translation.wire_story.latest_version().pk != translation.wire_story_id
        )
        return {
            "workflow_moves": [
                (move, move.make_form(story), self._url("move", story, move=move.name))
                for move in moves
            ],
            "workflow_refusals": refusals,
            "source_flags": source_flags(story),
            "can_open_review": permissions.can_preview(user, story),
            "review_url": self._url("review", story),
            "revisions_url": self._url("revisions", story),
            "preview_url": self._url("preview", story),
            "public_url": public_url(story),
            "translate_url": self._url("translate", story) if translation is not None else "",
            "source_changed_url": self._url("source_changed", story) if newer_source else "",
            "open_comments": story.review_comments.filter(resolved_at__isnull=True).count(),
        }

    # --- moves --------------------------------------------------------------------------------
    def move_view(self, request: HttpRequest, object_id: int, move: str) -> HttpResponse:
        story = self.get_queryset(request).filter(pk=object_id).first()
        if story is None:
            raise Http404("No such story.")
        the_move: Move | None = MOVES.get(move)
        if the_move is None:
            raise Http404("No such move.")
        if not the_move.permitted(request.user, story):
            raise PermissionDenied(f"{the_move.label} is not yours to do on this story.")
        form = the_move.make_form(story, request.POST if request.method == "POST" else None)
        status = 200
        refusal = ""
        if request.method != "POST" and not the_move.is_open(story):
            # A stale link (another editor moved the story since) gets the reason instead of a
            # form that cannot succeed; a POST still goes to the service, which says why.
            refusal = (
                f"{the_move.label} is not possible: the story is {story.display_status.lower()}."
            )
            status = 409
        elif request.method == "POST" and form.is_valid():
            try:
                message = the_move.perform(story, request.user, form)
            except WorkflowError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(self._back_to(request, story))
        elif request.method == "POST":
            status = 400
        return self._page(
            request,
            story,
            "admin/review/move.html",
            f"{the_move.label}: {story.headline}",
            status=status,
            move=the_move,
            form=form,
            refusal=refusal,
            action_url=self._url("move", story, move=the_move.name),
        )

    def _back_to(self, request: HttpRequest, story: Story) -> str:
        """Where a move made from a panel returns: the page it was made from (the review page,
        say), if that is one of ours; else the change form."""
        back = request.POST.get("next", "")
        if back and url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return back
        return self._url("change", story)

    # --- review page ----------------------------------------------------------------------------
    def review_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        return self._page(
            request,
            story,
            "admin/review/review.html",
            f"Review: {story.headline}",
            paragraph_choices=paragraph_choices(story),
            comment_url=self._url("comment_add", story),
            **review_context(story),
            **self.workflow_context(request, story),
        )

    @method_decorator(require_POST)
    def comment_add_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        try:
            comment_add(
                story=story,
                actor=request.user,
                body=request.POST.get("body", ""),
                paragraph_key=request.POST.get("paragraph_key", ""),
            )
        except WorkflowError as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(request, "Comment added.", messages.SUCCESS)
        return HttpResponseRedirect(self._url("review", story) + "#comments")

    @method_decorator(require_POST)
    def comment_resolve_view(
        self, request: HttpRequest, object_id: int, comment_id: int
    ) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        comment = get_object_or_404(ReviewComment, pk=comment_id, story=story)
        try:
            comment_resolve(comment=comment, actor=request.user)
        except WorkflowError as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(request, "Comment marked as resolved.", messages.SUCCESS)
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = self._url("review", story)
        return HttpResponseRedirect(back)

    # --- preview ------------------------------------------------------------------------------
    def preview_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        response = TemplateResponse(
            request,
            "admin/review/preview.html",
            {"story": story, "change_url": self._url("change", story)},
        )
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    # --- revisions ----------------------------------------------------------------------------
    def revisions_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        return self._page(
            request,
            story,
            "admin/review/revisions.html",
            f"Revisions: {story.headline}",
            revisions=story.revisions.select_related("created_by").order_by("-number"),
            can_restore=permissions.can_edit(request.user, story),
            compare_url=self._url("compare", story),
        )

    def compare_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        revisions = story.revisions.all()
        try:
            new_number = int(request.GET.get("new") or story.revision)
            old_number = int(request.GET.get("old") or new_number - 1)
        except ValueError as error:
            raise Http404("Revision numbers are whole numbers.") from error
        new = get_object_or_404(revisions, number=new_number)
        old = get_object_or_404(revisions, number=old_number)
        return self._page(
            request,
            story,
            "admin/review/compare.html",
            f"Revision {old.number} → {new.number}: {story.headline}",
            diff=compare_revisions(old, new),
            can_restore=permissions.can_edit(request.user, story),
        )

    @method_decorator(require_POST)
    def restore_view(self, request: HttpRequest, object_id: int, number: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        revision = get_object_or_404(StoryRevision, story=story, number=number)
        try:
            new = revision_restore(story=story, actor=request.user, revision=revision)
        except WorkflowError as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(self._url("revisions", story))
        self.message_user(
            request,
            f"Revision {number} restored as revision {new.number}; nothing was lost.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._url("revisions", story))

    # --- list actions -------------------------------------------------------------------------
    def _bulk(self, request: HttpRequest, queryset: QuerySet[Story], service, done: str) -> None:
        moved, refused = 0, []
        for story in queryset:
            try:
                service(story=story, actor=request.user)
            except (WorkflowError, PermissionDenied) as refusal:
                refused.append(f"“{story}”: {refusal}")
            else:
                moved += 1
        if moved:
            self.message_user(request, f"{moved} {done}.", messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description="Submit selected stories for review", permissions=["submit"])
    def submit_selected(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._bulk(request, queryset, story_submit, "submitted for review")

    @admin.action(description="Approve selected stories", permissions=["review"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._bulk(request, queryset, story_approve, "approved")

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        self._bulk(request, queryset, story_publish, "published")
