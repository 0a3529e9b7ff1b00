"""What the review workflow's admin pages share: their URLs, the story a page is about (404 when
out of reach), the page frame with links to the story's other pages, and the workflow panel."""

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Story, StoryStatus
from translations import permissions
from translations.services.workflow import publish_blockers
from translations.workflow import moves_available, refused_by_four_eyes

from .context import source_flags
from .moves import make_form, move_form


def public_url(story: Story) -> str:
    """The story's public address once readers can open it (withdrawn: the 410 page, note)."""
    if story.is_live or story.status == StoryStatus.WITHDRAWN:
        return story.get_absolute_url()
    return ""


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

    def workflow_context(self, request: HttpRequest, story: Story) -> dict:
        """The workflow panel of the change form and the review page: the moves open to the user,
        why others are refused, and warnings about the source."""
        user = request.user
        moves, refusals = [], []
        for move in moves_available(user, story):
            if not refused_by_four_eyes(move, user, story):
                moves.append(move)
            elif not refusals:
                refusals.append("You translated this story, so another editor must approve it.")
        if any(move.target == "published" for move in moves):
            refusals += publish_blockers(story)
        translation = getattr(story, "translation", None)
        newer_source = (
            translation is not None
            and translation.wire_story.latest_version().pk != translation.wire_story_id
        )
        return {
            "workflow_moves": [
                (
                    move,
                    make_form(move, story),
                    self._url("move", story, move=move.name),
                    move_form(move).own_page,
                )
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
