"""The page of one workflow move (submit, approve, publish, withdraw...): its form, and the
answer to it: 403 for a move that is not the user's to make, 409 with the reason for one the
story's state or the rules refuse. Which moves exist is the workflow table's
(translations/workflow.py); their forms are in moves.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme

from articles.models import Story
from translations.selectors.review import move_refusal
from translations.services.errors import WorkflowError
from translations.workflow import WORKFLOW, Move

from .base import StoryPagesMixin
from .moves import make_form, perform


class MovePageMixin(StoryPagesMixin):
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:object_id>/move/<slug:move>/",
                self.admin_site.admin_view(self.move_view),
                name="{}_{}_move".format(*info),
            ),
            *super().get_urls(),
        ]

    def move_view(self, request: HttpRequest, object_id: int, move: str) -> HttpResponse:
        story, the_move = self._move_of(request, object_id, move)
        if request.method != "POST":
            # A stale link (another editor moved the story since) gets the reason instead of a
            # form that cannot succeed; a POST still goes to the service, which says why.
            refusal = move_refusal(the_move, story)
            form = make_form(the_move, story)
            return self._move_page(request, story, the_move, form, refusal, 409 if refusal else 200)
        form = make_form(the_move, story, request.POST)
        if not form.is_valid():
            return self._move_page(request, story, the_move, form, status=400)
        try:
            message = perform(the_move, story, request.user, form)
        except WorkflowError as error:
            form.add_error(None, str(error))
            return self._move_page(request, story, the_move, form, status=409)
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(self._back_to(request, story))

    def _move_of(self, request: HttpRequest, object_id: int, name: str) -> tuple[Story, Move]:
        """The story and the move: 404 if either is unknown, 403 if the move is not the user's."""
        story = self.get_queryset(request).filter(pk=object_id).first()
        if story is None:
            raise Http404("No such story.")
        move: Move | None = WORKFLOW.get(name)
        if move is None:
            raise Http404("No such move.")
        if not move.permitted(request.user, story):
            raise PermissionDenied(f"{move.label} is not yours to do on this story.")
        return story, move

    def _move_page(
        self, request, story: Story, move: Move, form, refusal: str = "", status: int = 200
    ) -> HttpResponse:
        return self._page(
            request,
            story,
            "admin/review/move.html",
            status=status,
            title=f"{move.label}: {story.headline}",
            move=move,
            form=form,
            refusal=refusal,
            action_url=self._url("move", story, move=move.name),
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
