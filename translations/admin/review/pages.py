"""The story's review pages: the review page (source beside translation, comments), the preview
as readers will see it, and the revision history with compare and restore."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from translations.models import ReviewComment, StoryRevision
from translations.selectors.review import (
    compare_context,
    review_page_context,
    revisions_context,
)
from translations.services.comments import comment_add, comment_resolve
from translations.services.errors import WorkflowError
from translations.services.review_fix import story_review_fix
from translations.services.revisions import revision_restore

from .base import StoryPagesMixin


class ReviewPagesMixin(StoryPagesMixin):
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
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
                "<int:object_id>/review/fix/",
                view(self.review_fix_view),
                name="{}_{}_review_fix".format(*info),
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

    # --- review page and its comments -----------------------------------------------------------
    def review_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        return self._page(
            request,
            story,
            "admin/review/review.html",
            **review_page_context(user=request.user, story=story),
            **self.workflow_context(request, story),
        )

    @method_decorator(require_POST)
    def review_fix_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        key = request.POST.get("paragraph_key", "")
        try:
            story = story_review_fix(
                story=story,
                actor=request.user,
                based_on_revision=int(request.POST.get("revision") or 0),
                paragraph_key=key,
                text=request.POST.get("text", ""),
            )
        except WorkflowError as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(
                request,
                f"Fixed; kept as your revision {story.revision}, which the translator sees.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self._url("review", story) + f"#row-{key}")

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
            **revisions_context(user=request.user, story=story),
        )

    def compare_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self._reachable_story(request, object_id)
        try:
            new = int(request.GET.get("new") or story.revision)
            old = int(request.GET.get("old") or new - 1)
        except ValueError as error:
            raise Http404("Revision numbers are whole numbers.") from error
        return self._page(
            request,
            story,
            "admin/review/compare.html",
            **compare_context(user=request.user, story=story, old=old, new=new),
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
