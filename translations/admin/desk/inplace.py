"""The editor's rearranging buttons (split, merge, add, drop) and acknowledging a warning.

They change the text a person is working on, not the story's record: each writes the person's
working copy, as autosave does, and no revision. Save, submit or leaving the desk keeps one.

Without JavaScript each is a plain form post, answered by a redirect to the editor, which opens
on the working copy. The desk's script sends the same post with `X-Desk-Inline: 1` and gets the
editor's body re-rendered in JSON, which it swaps in without reloading the page.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

from articles.models import Story
from translations.qa import qa_run
from translations.selectors.rows import issue_token
from translations.services.desk import (
    DeskParagraph,
    SaveConflict,
    StoryText,
    qa_acknowledge,
    story_autosave,
)
from translations.services.errors import WorkflowError

from . import forms
from .editor import DeskEditorMixin
from .forms import DeskHeaderForm, DeskParagraphFormSet

REARRANGING = frozenset({"split", "merge", "add", "add_source", "drop"})
IN_PLACE = REARRANGING | {"ack"}


@dataclass(frozen=True)
class Rearranged:
    paragraphs: list[DeskParagraph]
    message: str
    # The box to put the cursor in afterwards (0-based), and where in it (None: at the end).
    focus: int | None = None
    caret: int | None = None


def rearrange(op: str, argument: str, paragraphs: list[DeskParagraph]) -> Rearranged:
    """Apply a rearranging button to the text as typed; refuse one that names no paragraph."""
    first, _, rest = argument.partition(":")
    if not first.isdigit():
        raise WorkflowError("That button names no paragraph; reload the desk and try again.")
    n = int(first)
    if op == "add_source":
        result = forms.add_for_source(paragraphs, n)
        added = next(i for i, p in enumerate(result) if p not in paragraphs)
        return Rearranged(result, f"Paragraph {added + 1} added for source ¶ {n + 1}.", added)
    if n >= len(paragraphs):
        raise WorkflowError(f"There is no paragraph {n + 1} any more; reload the desk.")
    if op == "split":
        offset = int(rest) if rest.isdigit() else len(paragraphs[n].text)
        result = forms.split_at(paragraphs, n, offset)
        return Rearranged(result, f"Paragraph {n + 1} split in two.", n + 1, 0)
    if op == "merge":
        if n + 1 >= len(paragraphs):
            raise WorkflowError(f"Paragraph {n + 1} is the last: there is none to merge it with.")
        head = paragraphs[n].text.strip()
        joint = len(head) + 1 if head and paragraphs[n + 1].text.strip() else len(head)
        result = forms.merge_with_next(paragraphs, n)
        return Rearranged(result, f"Paragraphs {n + 1} and {n + 2} merged.", n, joint)
    if op == "add":
        return Rearranged(forms.add_after(paragraphs, n), f"Paragraph {n + 2} added.", n + 1, 0)
    result = forms.drop(paragraphs, n)
    return Rearranged(result, f"Paragraph {n + 1} dropped.", min(n, len(result) - 1))


class DeskInPlaceMixin(DeskEditorMixin):
    desk_body_template = "admin/translations/desk/_body.html"

    def desk_in_place(
        self,
        request: HttpRequest,
        story: Story,
        header: DeskHeaderForm,
        text: StoryText,
        op: str,
        argument: str,
    ) -> HttpResponse:
        """A rearranging button or an acknowledgement: the working copy, never a revision."""
        inline = request.headers.get("X-Desk-Inline") == "1"
        try:
            done = self._in_place_apply(request, story, header, text, op, argument)
        except SaveConflict as conflict:
            if inline:
                return JsonResponse({"conflict": str(conflict)}, status=409)
            return self.desk_conflict(request, story, conflict)
        except WorkflowError as error:
            if inline:
                return JsonResponse({"error": f"Nothing was changed: {error}"}, status=400)
            messages.error(request, f"Nothing was changed: {error}")
            return HttpResponseRedirect(reverse("admin:articles_story_translate", args=[story.pk]))
        return self._in_place_answer(request, story, text, done, inline=inline)

    def _in_place_apply(
        self,
        request: HttpRequest,
        story: Story,
        header: DeskHeaderForm,
        text: StoryText,
        op: str,
        argument: str,
    ) -> Rearranged:
        paragraphs = list(text.paragraphs)
        done = Rearranged(paragraphs, "") if op == "ack" else rearrange(op, argument, paragraphs)
        story_autosave(
            story=story,
            actor=request.user,
            based_on_revision=header.cleaned_data["revision"],
            headline=text.headline,
            summary=text.summary,
            paragraphs=done.paragraphs,
        )
        if op == "ack":
            done = Rearranged(done.paragraphs, self._acknowledge(story, request.user, argument))
        return done

    def _in_place_answer(
        self, request: HttpRequest, story: Story, text: StoryText, done: Rearranged, *, inline: bool
    ) -> HttpResponse:
        message = f"{done.message} Save keeps it as a revision."
        if inline:
            return JsonResponse(
                {
                    "html": self._desk_body(request, story, text, done.paragraphs),
                    "message": message,
                    "focus": done.focus,
                    "caret": done.caret,
                }
            )
        messages.success(request, message)
        anchor = f"#p-{done.focus}" if done.focus is not None else ""
        return HttpResponseRedirect(
            reverse("admin:articles_story_translate", args=[story.pk]) + anchor
        )

    @staticmethod
    def _acknowledge(story: Story, user, token: str) -> str:
        # The warnings shown are those of the saved text, so that is what is acknowledged.
        issue = next((i for i in qa_run(story).issues if issue_token(i) == token), None)
        if issue is None:
            raise WorkflowError("that warning no longer applies to the saved text.")
        qa_acknowledge(
            story=story,
            actor=user,
            code=issue.code,
            paragraph_key=issue.paragraph_key,
            message=issue.message,
        )
        return f"Warning acknowledged: {issue.message}"

    def _desk_body(
        self, request: HttpRequest, story: Story, text: StoryText, paragraphs: list[DeskParagraph]
    ) -> str:
        """The editor's paragraphs as the page would now show them, for the script to swap in."""
        header = DeskHeaderForm(
            initial={"revision": story.revision, "headline": text.headline, "summary": text.summary}
        )
        formset = DeskParagraphFormSet(prefix="p", initial=forms.formset_initial(paragraphs))
        context = self.desk_context(request, story, header=header, formset=formset)
        return render_to_string(self.desk_body_template, context, request=request)
