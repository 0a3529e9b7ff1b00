"""What the review workflow's admin pages share: their URLs, the story a page is about (404 when
out of reach), the page frame with links to the story's other pages, and the workflow panel
(what they show is translations.selectors.review's)."""

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Story
from translations import permissions
from translations.selectors.review import story_links, workflow_panel

from .moves import make_form, move_form


class StoryPagesMixin:
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
        self, request: HttpRequest, story: Story, template: str, *, status: int = 200, **ctx
    ) -> TemplateResponse:
        """A page of the story in the admin's frame, with the links to its other pages."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": story,
            "story": story,
            **story_links(story),
            **ctx,
        }
        return TemplateResponse(request, template, context, status=status)

    def workflow_context(self, request: HttpRequest, story: Story) -> dict:
        """The workflow panel, each move open to the user with its form."""
        panel = workflow_panel(user=request.user, story=story)
        moves = panel.pop("moves")
        return {
            **panel,
            "workflow_moves": [
                (
                    move,
                    make_form(move, story),
                    self._url("move", story, move=move.name),
                    move_form(move).own_page,
                )
                for move in moves
            ],
        }
