"""The editor's POSTs: saving the text (by hand or autosave), using a memory match and the other
buttons that save first (submit, suggest, resolve, reassign, release), and the page shown when
someone else saved first. The rearranging buttons and acknowledgements are inplace.py's.

Every change goes through translations.services.desk and translations.services.workflow.
"""

from itertools import zip_longest

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
from translations.memory import similarity
from translations.models import MemoryEntry, ReviewComment
from translations.qa import QAReport
from translations.services import workflow
from translations.services.comments import comment_resolve
from translations.services.desk import (
    DeskParagraph,
    SaveConflict,
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
from .rows import ConflictRow


class DeskSavingMixin(DeskInPlaceMixin):
    """Answers the editor's POSTs; the editor page itself answers the rest."""

    def translate_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        if request.method != "POST":
            return super().translate_view(request, object_id)
        return self.desk_post(request, self.desk_story(request, object_id))

    def desk_post(self, request: HttpRequest, story: Story) -> HttpResponse:
        if not permissions.can_edit(request.user, story):
            raise PermissionDenied
        autosave = request.headers.get("X-Desk-Autosave") == "1"
        header = DeskHeaderForm(request.POST)
        formset = DeskParagraphFormSet(request.POST, prefix="p")
        if not (header.is_valid() and formset.is_valid()):
            if autosave:
                return JsonResponse({"error": "The form has errors; save it by hand."}, status=400)
            messages.error(request, "Nothing was saved: correct the marked fields.")
            context = self.desk_context(request, story, header=header, formset=formset)
            return TemplateResponse(request, self.desk_editor_template, context, status=400)
        op, _, argument = request.POST.get("op", "save").partition(":")
        text = forms.submitted_text(header, formset)
        if autosave:
            return self.desk_autosave(request, story, header, text)
        if op in IN_PLACE:
            return self.desk_in_place(request, story, header, text, op, argument)
        # A plain save sent by the page's script (Ctrl+S); structural buttons still reload.
        in_place = request.headers.get("X-Desk-Save") == "1" and op == "save"
        text = self.desk_take_theirs(request, story, text)
        paragraphs = self.desk_restructure(op, argument, list(text.paragraphs), story)
        try:
            result = story_save(
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
        except SaveConflict as conflict:
            if in_place:
                return JsonResponse({"conflict": str(conflict)}, status=409)
            return self.desk_conflict(request, story, conflict)
        except WorkflowError as error:
            if in_place:
                return JsonResponse({"error": f"Nothing was saved: {error}"}, status=400)
            messages.error(request, f"Nothing was saved: {error}")
            context = self.desk_context(request, story, header=header, formset=formset)
            return TemplateResponse(request, self.desk_editor_template, context, status=400)
        if in_place:
            # Ctrl+S in the desk: the same save, answered without reloading the page.
            return JsonResponse(
                {
                    "revision": result.story.revision,
                    "message": self._saved_message(result.story, result.report),
                    "merged": result.merged_with is not None,
                }
            )
        if result.merged_with is not None:
            name = result.merged_with.get_username() if result.merged_with else "Someone"
            messages.info(
                request,
                f"{name} saved in the meantime; their changes to other paragraphs are kept "
                "with yours.",
            )
        return self.desk_after_save(request, result.story, op, argument, result.report)

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
            translation = story.translation
            entry = MemoryEntry.objects.filter(
                pk=entry_id if entry_id.isdigit() else 0,
                source_language=translation.source_language,
                target_language=translation.target_language,
            ).first()
            if entry is not None:
                wire = translation.wire_story
                source = "\n".join(
                    wire.paragraphs[i]
                    for i in paragraphs[number].source_indexes
                    if i < len(wire.paragraphs)
                )
                return forms.use_match(
                    paragraphs, number, entry.target_text, similarity(entry.source_text, source)
                )
        return paragraphs

    def desk_after_save(
        self, request: HttpRequest, story: Story, op: str, argument: str, report: QAReport
    ) -> HttpResponse:
        editor_url = reverse("admin:articles_story_translate", args=[story.pk])
        user = request.user
        try:
            if op == "submit":
                submit = (
                    workflow.story_resubmit
                    if story.status == StoryStatus.CHANGES_REQUESTED
                    else workflow.story_submit
                )
                submit(story=story, actor=user)
                messages.success(request, "Saved and submitted for review.")
                return HttpResponseRedirect(reverse("admin:articles_story_changelist"))
            if op == "suggest":
                result = story_machine_suggest(
                    story=story,
                    actor=user,
                    based_on_revision=story.revision,
                    paragraph_keys=[argument] if argument else None,
                )
                report = result.report
                messages.success(request, "Saved; empty paragraphs filled by machine translation.")
            elif op == "resolve":
                comment = get_object_or_404(
                    ReviewComment, pk=argument if argument.isdigit() else 0, story=story
                )
                comment_resolve(comment=comment, actor=user)
                messages.success(request, "Saved; comment marked resolved.")
            elif op == "reassign":
                assignee = get_object_or_404(
                    get_user_model(), pk=request.POST.get("assignee") or 0, is_active=True
                )
                workflow.story_reassign(story=story, actor=user, assignee=assignee)
                messages.success(request, f"Saved; reassigned to {assignee.get_username()}.")
            elif op == "release":
                story_editing_stop(story=story, actor=user)
                messages.success(request, "Saved; you have left the editor.")
                return HttpResponseRedirect(reverse("admin:articles_story_changelist"))
            else:
                messages.success(request, self._saved_message(story, report))
        except WorkflowError as error:
            messages.error(request, f"Saved (revision {story.revision}). {error}")
        anchor = f"#p-{argument.partition(':')[0]}" if op == "use_match" else ""
        return HttpResponseRedirect(editor_url + anchor)

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
        theirs = list(conflict.theirs.paragraphs)
        yours = list(zip(formset, conflict.yours.paragraphs, strict=True))
        context = {
            **self.admin_site.each_context(request),
            **self.desk_links(request, story),
            "opts": self.model._meta,
            "title": "Not saved: someone else saved this story first",
            "story": story,
            "translation": story.translation,
            "conflict": conflict,
            "header": header,
            "formset": formset,
            # Paragraph beside paragraph, so that the translator sees where the texts differ.
            "rows": [
                ConflictRow(
                    number=n,
                    theirs=their,
                    form=mine[0] if mine else None,
                    yours=mine[1] if mine else None,
                )
                for n, (their, mine) in enumerate(zip_longest(theirs, yours), start=1)
            ],
            "headline_differs": conflict.theirs.headline != conflict.yours.headline,
            "summary_differs": conflict.theirs.summary != conflict.yours.summary,
        }
        return TemplateResponse(request, self.desk_conflict_template, context, status=409)
