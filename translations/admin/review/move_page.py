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
        story = self.get_queryset(request).filter(pk=object_id).first()
        if story is None:
            raise Http404("No such story.")
        the_move: Move | None = WORKFLOW.get(move)
        if the_move is None:
            raise Http404("No such move.")
        if not the_move.permitted(request.user, story):
            raise PermissionDenied(f"{the_move.label} is not yours to do on this story.")
        form = make_form(the_move, story, request.POST if request.method == "POST" else None)
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
                message = perform(the_move, story, request.user, form)
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
