"""The editor's POSTs: saving the text (by hand or autosave), using a memory match and the other
buttons that save first (submit, suggest, resolve, reassign, release), and the page shown when
someone else saved first. The rearranging buttons and acknowledgements are inplace.py's.

Every change goes through translations.services.desk and translations.services.workflow.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.models import Story, StoryStatus
from translations import permissions
from translations.models import ReviewComment
from translations.qa import QAReport
from translations.selectors.desk import conflict_context, memory_match_to_use
from translations.services import workflow
from translations.services.comments import comment_resolve
from translations.services.desk import (
    DeskParagraph,
    SaveConflict,
    SaveResult,
    StoryText,
    story_autosave,
    story_editing_stop,
    story_machine_suggest,
    story_save,
    story_text,
)
from translations.services.errors import WorkflowError

from . import forms
from .forms import DeskHeaderForm, DeskParagraphFormSet
from .inplace import IN_PLACE, DeskInPlaceMixin


class DeskSavingMixin(DeskInPlaceMixin):
    """Answers the editor's POSTs; the editor page itself answers the rest."""

    def translate_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        if request.method != "POST":
            return super().translate_view(request, object_id)
        story = self.desk_story(request, object_id)
        if not permissions.can_edit(request.user, story):
            raise PermissionDenied
        return self.desk_post(request, story)

    def desk_post(self, request: HttpRequest, story: Story) -> HttpResponse:
        """A save, by hand or autosave, with the button pressed (the user may edit the story)."""
        autosave = request.headers.get("X-Desk-Autosave") == "1"
        header = DeskHeaderForm(request.POST)
        formset = DeskParagraphFormSet(request.POST, prefix="p")
        if not (header.is_valid() and formset.is_valid()):
            return self.desk_invalid(request, story, header, formset, autosave=autosave)
        text = forms.submitted_text(header, formset)
        if autosave:
            return self.desk_autosave(request, story, header, text)
        op, _, argument = request.POST.get("op", "save").partition(":")
        if op in IN_PLACE:
            return self.desk_in_place(request, story, header, text, op, argument)
        # A plain save sent by the page's script (Ctrl+S); structural buttons still reload.
        in_place = request.headers.get("X-Desk-Save") == "1" and op == "save"
        try:
            result = self.desk_save(request, story, header, text, op, argument)
        except SaveConflict as conflict:
            if in_place:
                return JsonResponse({"conflict": str(conflict)}, status=409)
            return self.desk_conflict(request, story, conflict)
        except WorkflowError as error:
            if in_place:
                return JsonResponse({"error": f"Nothing was saved: {error}"}, status=400)
            return self.desk_refused(request, story, header, formset, f"Nothing was saved: {error}")
        if in_place:
            return self.desk_saved_in_place(result)
        self.desk_tell_merged(request, result)
        return self.desk_after_save(request, result.story, op, argument, result.report)

    def desk_invalid(
        self, request: HttpRequest, story: Story, header, formset, *, autosave: bool
    ) -> HttpResponse:
        if autosave:
            return JsonResponse({"error": "The form has errors; save it by hand."}, status=400)
        refusal = "Nothing was saved: correct the marked fields."
        return self.desk_refused(request, story, header, formset, refusal)

    def desk_save(
        self, request: HttpRequest, story: Story, header, text: StoryText, op: str, argument: str
    ) -> SaveResult:
        """Save the typed text, with the conflict page's "take theirs" and the structural button
        pressed applied to it."""
        text = self.desk_take_theirs(request, story, text)
        paragraphs = self.desk_restructure(op, argument, list(text.paragraphs), story)
        return story_save(
            story=story,
            actor=request.user,
            based_on_revision=header.cleaned_data["revision"],
            headline=text.headline,
            summary=text.summary,
            paragraphs=forms.split_blank_lines(paragraphs),
            reason=(
                "left"
                if request.POST.get("leaving")
                else "submitted"
                if op == "submit"
                else "saved"
            ),
        )

    def desk_refused(
        self, request: HttpRequest, story: Story, header, formset, message: str
    ) -> HttpResponse:
        """The editor again with what was typed, and why nothing was saved."""
        messages.error(request, message)
        context = self.desk_context(request, story, header=header, formset=formset)
        return TemplateResponse(request, self.desk_editor_template, context, status=400)

    def desk_saved_in_place(self, result: SaveResult) -> JsonResponse:
        """Ctrl+S in the desk: the same save, answered without reloading the page."""
        return JsonResponse(
            {
                "revision": result.story.revision,
                "message": self._saved_message(result.story, result.report),
                "merged": result.merged_with is not None,
            }
        )

    @staticmethod
    def desk_tell_merged(request: HttpRequest, result: SaveResult) -> None:
        if result.merged_with is not None:
            name = result.merged_with.get_username() if result.merged_with else "Someone"
            messages.info(
                request,
                f"{name} saved in the meantime; their changes to other paragraphs are kept "
                "with yours.",
            )

    @staticmethod
    def desk_take_theirs(request: HttpRequest, story: Story, text: StoryText) -> StoryText:
        """The conflict page's "take theirs": those paragraphs (by key, or the headline or
        summary) get the saved text in place of the one typed."""
        taken = set(request.POST.getlist("take_theirs"))
        if not taken:
            return text
        theirs = story_text(story)
        saved = {p.key: p for p in theirs.paragraphs}
        return StoryText(
            theirs.headline if "headline" in taken else text.headline,
            theirs.summary if "summary" in taken else text.summary,
            [saved[p.key] if p.key in taken and p.key in saved else p for p in text.paragraphs],
        )

    def desk_autosave(self, request: HttpRequest, story: Story, header, text) -> JsonResponse:
        """Keep the text in the user's working copy: no revision until a person saves."""
        try:
            copy = story_autosave(
                story=story,
                actor=request.user,
                based_on_revision=header.cleaned_data["revision"],
                headline=text.headline,
                summary=text.summary,
                paragraphs=forms.split_blank_lines(list(text.paragraphs)),
            )
        except SaveConflict as conflict:
            return JsonResponse({"conflict": str(conflict)}, status=409)
        except WorkflowError as error:
            return JsonResponse({"error": str(error)}, status=400)
        return JsonResponse(
            {"revision": copy.based_on_revision, "saved_at": copy.saved_at.isoformat()}
        )

    def desk_restructure(
        self, op: str, argument: str, paragraphs: list[DeskParagraph], story: Story
    ) -> list[DeskParagraph]:
        """Apply "use this translation" (a memory match) to the text."""
        number = int(argument.split(":")[0]) if argument.split(":")[0].lstrip("-").isdigit() else 0
        if op == "use_match" and 0 <= number < len(paragraphs):
            _, _, entry_id = argument.partition(":")
            match = memory_match_to_use(
                story.translation,
                int(entry_id) if entry_id.isdigit() else 0,
                paragraphs[number].source_indexes,
            )
            if match is not None:
                return forms.use_match(paragraphs, number, *match)
        return paragraphs

    def desk_after_save(
        self, request: HttpRequest, story: Story, op: str, argument: str, report: QAReport
    ) -> HttpResponse:
        """After the save, what the button pressed asks for besides (submit, suggest...)."""
        then = {
            "submit": self.desk_submit,
            "suggest": self.desk_suggest,
            "resolve": self.desk_resolve,
            "reassign": self.desk_reassign,
            "release": self.desk_release,
        }.get(op)
        response = None
        try:
            if then is None:
                messages.success(request, self._saved_message(story, report))
            else:
                response = then(request, story, argument, report)
        except WorkflowError as error:
            messages.error(request, f"Saved (revision {story.revision}). {error}")
        anchor = f"#p-{argument.partition(':')[0]}" if op == "use_match" else ""
        editor_url = reverse("admin:articles_story_translate", args=[story.pk])
        return response or HttpResponseRedirect(editor_url + anchor)

    @staticmethod
    def desk_submit(request: HttpRequest, story: Story, argument: str, report: QAReport):
        submit = (
            workflow.story_resubmit
            if story.status == StoryStatus.CHANGES_REQUESTED
            else workflow.story_submit
        )
        submit(story=story, actor=request.user)
        messages.success(request, "Saved and submitted for review.")
        return HttpResponseRedirect(reverse("admin:articles_story_changelist"))

    @staticmethod
    def desk_suggest(request: HttpRequest, story: Story, argument: str, report: QAReport) -> None:
        story_machine_suggest(
            story=story,
            actor=request.user,
            based_on_revision=story.revision,
            paragraph_keys=[argument] if argument else None,
        )
        messages.success(request, "Saved; empty paragraphs filled by machine translation.")

    @staticmethod
    def desk_resolve(request: HttpRequest, story: Story, argument: str, report: QAReport) -> None:
        comment = get_object_or_404(
            ReviewComment, pk=argument if argument.isdigit() else 0, story=story
        )
        comment_resolve(comment=comment, actor=request.user)
        messages.success(request, "Saved; comment marked resolved.")

    @staticmethod
    def desk_reassign(request: HttpRequest, story: Story, argument: str, report: QAReport) -> None:
        assignee = get_object_or_404(
            get_user_model(), pk=request.POST.get("assignee") or 0, is_active=True
        )
        workflow.story_reassign(story=story, actor=request.user, assignee=assignee)
        messages.success(request, f"Saved; reassigned to {assignee.get_username()}.")

    @staticmethod
    def desk_release(request: HttpRequest, story: Story, argument: str, report: QAReport):
        story_editing_stop(story=story, actor=request.user)
        messages.success(request, "Saved; you have left the editor.")
        return HttpResponseRedirect(reverse("admin:articles_story_changelist"))

    @staticmethod
    def _saved_message(story: Story, report: QAReport) -> str:
        message = f"Saved (revision {story.revision})."
        errors, warnings = len(report.errors), len(report.unacknowledged_warnings)
        found = [
            f"{n} {word}{pluralize(n)}" for n, word in ((errors, "error"), (warnings, "warning"))
        ]
        if errors and warnings:
            message += f" The checks found {found[0]} and {found[1]} to look at."
        elif errors or warnings:
            message += f" The checks found {found[0] if errors else found[1]} to look at."
        return message

    def desk_conflict(
        self, request: HttpRequest, story: Story, conflict: SaveConflict
    ) -> HttpResponse:
        story.refresh_from_db()
        header = DeskHeaderForm(
            initial={
                "revision": conflict.current_revision,
                "headline": conflict.yours.headline,
                "summary": conflict.yours.summary,
            }
        )
        formset = DeskParagraphFormSet(
            prefix="p", initial=forms.formset_initial(conflict.yours.paragraphs)
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            **conflict_context(
                user=request.user, story=story, conflict=conflict, header=header, formset=formset
            ),
        }
        return TemplateResponse(request, self.desk_conflict_template, context, status=409)
