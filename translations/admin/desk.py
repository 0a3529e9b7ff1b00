"""The translation desk in the Story admin: the side-by-side editor and the source-changed view.

Custom admin pages (ModelAdmin.get_urls + admin_site.admin_view), like Django's UserAdmin does
for passwords. Every change goes through translations.services.desk.
"""

import hashlib
from dataclasses import dataclass, field
from itertools import zip_longest

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from articles.models import Story, StoryStatus
from translations import permissions
from translations.memory import MemoryMatch, memory_fuzzy, similarity
from translations.models import MemoryEntry, ParagraphOrigin, ReviewComment
from translations.qa import HEADLINE_KEY, SUMMARY_KEY, Issue, QAReport, glossary_for, qa_run
from translations.qa.glossary import highlight_terms
from translations.services import workflow
from translations.services.comments import comment_resolve
from translations.services.desk import (
    DeskParagraph,
    SaveConflict,
    editing_lock_holder,
    qa_acknowledge,
    source_changes,
    story_editing_start,
    story_editing_stop,
    story_machine_suggest,
    story_save,
    story_text,
    translation_rebase,
)
from translations.services.errors import WorkflowError

from . import desk_forms
from .desk_forms import DeskHeaderForm, DeskParagraphFormSet


def issue_token(issue: Issue) -> str:
    """A short stable name for a QA issue, for the button that acknowledges it."""
    return hashlib.sha256("\x1f".join(issue.fingerprint).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class IssueView:
    """A QA issue as the editor shows it, with the name of its acknowledge button."""

    issue: Issue
    acknowledged: bool

    @property
    def token(self) -> str:
        return issue_token(self.issue)


def issues_for(report: QAReport, key: str) -> list[IssueView]:
    return [IssueView(i, report.is_acknowledged(i)) for i in report.for_key(key)]


@dataclass(frozen=True)
class ConflictRow:
    """One paragraph of the conflict page: theirs as saved beside yours as typed (either may be
    missing when the two texts have different numbers of paragraphs)."""

    number: int
    theirs: DeskParagraph | None
    form: object | None
    yours: DeskParagraph | None

    @property
    def differs(self) -> bool:
        return (self.theirs.text if self.theirs else None) != (
            self.yours.text if self.yours else None
        )


@dataclass
class SourceItem:
    number: int
    html: SafeString


@dataclass
class EditorRow:
    form: object
    index: int
    key: str
    sources: list[SourceItem]
    origin: str = ""
    origin_code: str = ""
    score: int | None = None
    issues: list[IssueView] = field(default_factory=list)
    matches: list[MemoryMatch] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)
    untranslated_before: list[SourceItem] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def has_error(self) -> bool:
        return any(view.issue.is_error for view in self.issues)


def _form_sources(form) -> tuple[int, ...]:
    if form.is_bound and hasattr(form, "cleaned_data") and "sources" in form.cleaned_data:
        return form.cleaned_data["sources"]
    raw = str(form["sources"].value() or "")
    return tuple(int(n) - 1 for n in raw.replace(" ", "").split(",") if n.isdigit() and int(n))


class DeskAdminMixin:
    """Adds the translation desk's pages to the Story admin."""

    desk_editor_template = "admin/translations/desk/editor.html"
    desk_conflict_template = "admin/translations/desk/conflict.html"
    desk_source_changed_template = "admin/translations/desk/source_changed.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/translate/",
                view(self.translate_view),
                name="articles_story_translate",
            ),
            path(
                "<path:object_id>/translate/source-changed/",
                view(self.source_changed_view),
                name="articles_story_source_changed",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("translation")

    def get_list_display(self, request):
        return [*super().get_list_display(request), "desk_link"]

    @admin.display(description="Desk")
    def desk_link(self, obj: Story) -> str:
        if getattr(obj, "translation", None) is None:
            return "—"
        label = "Translate" if obj.status in permissions.EDITABLE_STATES else "Read"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:articles_story_translate", args=[obj.pk]), label
        )

    # Reading -------------------------------------------------------------------------------

    def desk_story(self, request: HttpRequest, object_id: str) -> Story:
        """The story, if the user may see it (else 404), with its translation."""
        queryset = self.get_queryset(request).select_related(
            "translation__wire_story__agency", "assignee", "editing_by"
        )
        story = get_object_or_404(queryset, pk=object_id)
        if getattr(story, "translation", None) is None:
            raise Http404("This story is not a translation of a wire story.")
        return story

    def desk_context(
        self,
        request: HttpRequest,
        story: Story,
        *,
        header: DeskHeaderForm,
        formset,
        lock_holder=None,
    ) -> dict:
        translation = story.translation
        source = translation.wire_story
        glossary = glossary_for(translation.source_language, translation.target_language)
        saved = list(story.paragraphs.select_related("alignment").order_by("position"))
        report = qa_run(story, paragraphs=saved, glossary_terms=glossary)
        by_key = {p.key: p for p in saved}
        comments = list(
            ReviewComment.objects.filter(story=story, resolved_at__isnull=True).select_related(
                "author"
            )
        )

        def source_item(index: int) -> SourceItem:
            return SourceItem(index + 1, highlight_terms(source.paragraphs[index], glossary))

        rows: list[EditorRow] = []
        covered: set[int] = set()
        for index, form in enumerate(formset):
            key = str(form["key"].value() or "")
            indexes = [i for i in _form_sources(form) if 0 <= i < len(source.paragraphs)]
            covered.update(indexes)
            alignment = getattr(by_key.get(key), "alignment", None)
            rows.append(
                EditorRow(
                    form=form,
                    index=index,
                    key=key,
                    sources=[source_item(i) for i in indexes],
                    origin=alignment.get_origin_display() if alignment else "",
                    origin_code=alignment.origin if alignment else "",
                    score=alignment.memory_score if alignment else None,
                    issues=issues_for(report, key) if key else [],
                    comments=[c for c in comments if key and c.paragraph_key == key],
                )
            )
        untranslated_after = self._place_untranslated(rows, source, covered, source_item)
        self._offer_matches(rows, source, translation, by_key)
        can_edit = permissions.can_edit(request.user, story)
        changed_version = source.latest_version()
        row_numbers = {row.key: row.number for row in rows if row.key}
        return {
            **self.desk_links(request, story),
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Translate: {story.headline}",
            "story": story,
            "translation": translation,
            "source": source,
            "newer_source": changed_version if changed_version.pk != source.pk else None,
            "header": header,
            "formset": formset,
            "rows": rows,
            "untranslated_after": untranslated_after,
            "headline_html": highlight_terms(source.headline, glossary),
            "summary_html": highlight_terms(source.summary, glossary),
            "headline_issues": issues_for(report, HEADLINE_KEY),
            "summary_issues": issues_for(report, SUMMARY_KEY),
            "story_issues": issues_for(report, ""),
            # A comment on a paragraph since dropped or merged away shows with the whole-story ones,
            # so that none is left where nobody can see or resolve it.
            "story_comments": [c for c in comments if c.paragraph_key not in row_numbers],
            "open_comments": comments,
            "comment_numbers": row_numbers,
            "report": report,
            "can_edit": can_edit,
            "can_submit": can_edit and permissions.can_submit(request.user, story),
            "lock_holder": lock_holder,
            "machine_translation": bool(settings.MT_BACKEND),
            "assignees": self._assignees() if permissions.can_reassign(request.user) else None,
        }

    def desk_links(self, request: HttpRequest, story: Story) -> dict:
        """The other pages of the story, for the links at the top of the desk's pages."""
        links = {
            "change_url": reverse("admin:articles_story_change", args=[story.pk]),
            "translate_url": reverse("admin:articles_story_translate", args=[story.pk]),
        }
        if permissions.can_preview(request.user, story):
            links |= {
                "review_url": reverse("admin:articles_story_review", args=[story.pk]),
                "revisions_url": reverse("admin:articles_story_revisions", args=[story.pk]),
                "preview_url": reverse("admin:articles_story_preview", args=[story.pk]),
            }
        return links

    @staticmethod
    def _place_untranslated(rows, source, covered, source_item) -> list[SourceItem]:
        """Show each source paragraph that no target paragraph translates where the source order
        puts it; return those that come after the last row."""
        after_last: list[SourceItem] = []
        for i, text in enumerate(source.paragraphs):
            if i in covered or not text.strip():
                continue
            row = next((r for r in rows if r.sources and r.sources[0].number - 1 > i), None)
            if row is None:
                after_last.append(source_item(i))
            else:
                row.untranslated_before.append(source_item(i))
        return after_last

    @staticmethod
    def _offer_matches(rows, source, translation, by_key) -> None:
        wanted = [
            row
            for row in rows
            if row.sources
            and getattr(by_key.get(row.key), "alignment", None) is not None
            and by_key[row.key].alignment.origin != ParagraphOrigin.MEMORY_EXACT
        ]
        texts = [
            "\n".join(source.paragraphs[item.number - 1] for item in row.sources) for row in wanted
        ]
        found = memory_fuzzy(
            texts,
            source_language=translation.source_language,
            target_language=translation.target_language,
        )
        for row, matches in zip(wanted, found, strict=True):
            row.matches = matches

    @staticmethod
    def _assignees():
        return permissions.desk_members()

    def desk_forms_for(self, story: Story) -> tuple[DeskHeaderForm, object]:
        text = story_text(story)
        header = DeskHeaderForm(
            initial={"revision": story.revision, "headline": text.headline, "summary": text.summary}
        )
        formset = DeskParagraphFormSet(
            prefix="p", initial=desk_forms.formset_initial(text.paragraphs)
        )
        return header, formset

    # The editor ----------------------------------------------------------------------------

    def translate_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        story = self.desk_story(request, object_id)
        if request.method == "POST":
            return self.desk_post(request, story)
        if permissions.can_edit(request.user, story):
            holder = story_editing_start(story=story, actor=request.user)
        elif story.status in permissions.EDITABLE_STATES:
            holder = editing_lock_holder(story)
        else:
            # Nobody can save a story in review or published, so a lock left from its drafting
            # days means nothing and would only alarm the reader.
            holder = None
        header, formset = self.desk_forms_for(story)
        context = self.desk_context(
            request, story, header=header, formset=formset, lock_holder=holder
        )
        return TemplateResponse(request, self.desk_editor_template, context)

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
        text = desk_forms.submitted_text(header, formset)
        paragraphs = self.desk_restructure(op, argument, list(text.paragraphs), story)
        try:
            result = story_save(
                story=story,
                actor=request.user,
                based_on_revision=header.cleaned_data["revision"],
                headline=text.headline,
                summary=text.summary,
                paragraphs=desk_forms.split_blank_lines(paragraphs),
            )
        except SaveConflict as conflict:
            if autosave:
                return JsonResponse({"conflict": str(conflict)}, status=409)
            return self.desk_conflict(request, story, conflict)
        except WorkflowError as error:
            if autosave:
                return JsonResponse({"error": str(error)}, status=400)
            messages.error(request, f"Nothing was saved: {error}")
            context = self.desk_context(request, story, header=header, formset=formset)
            return TemplateResponse(request, self.desk_editor_template, context, status=400)
        if autosave:
            return JsonResponse(
                {"revision": result.story.revision, "saved_at": result.story.updated_at.isoformat()}
            )
        return self.desk_after_save(request, result.story, op, argument, result.report)

    def desk_restructure(
        self, op: str, argument: str, paragraphs: list[DeskParagraph], story: Story
    ) -> list[DeskParagraph]:
        """Apply a structural button (merge, add, drop, use a memory match) to the text."""
        number = int(argument.split(":")[0]) if argument.split(":")[0].lstrip("-").isdigit() else 0
        if op == "merge":
            return desk_forms.merge_with_next(paragraphs, number)
        if op == "add":
            return desk_forms.add_after(paragraphs, number)
        if op == "add_source":
            return desk_forms.add_for_source(paragraphs, number)
        if op == "drop":
            return desk_forms.drop(paragraphs, number)
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
                return desk_forms.use_match(
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
            elif op == "ack":
                issue = next((i for i in report.issues if issue_token(i) == argument), None)
                if issue is None:
                    raise WorkflowError("That warning no longer applies to the saved text.")
                qa_acknowledge(
                    story=story,
                    actor=user,
                    code=issue.code,
                    paragraph_key=issue.paragraph_key,
                    message=issue.message,
                )
                messages.success(request, f"Saved; warning acknowledged: {issue.message}")
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
            messages.error(request, f"Saved, but {error}")
        anchor = f"#p-{argument}" if op in {"merge", "add", "drop", "use_match"} else ""
        return HttpResponseRedirect(editor_url + anchor)

    @staticmethod
    def _saved_message(story: Story, report: QAReport) -> str:
        message = f"Saved (revision {story.revision})."
        if report.errors or report.unacknowledged_warnings:
            message += (
                f" Checks: {len(report.errors)} error(s), "
                f"{len(report.unacknowledged_warnings)} warning(s) to look at."
            )
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
            prefix="p", initial=desk_forms.formset_initial(conflict.yours.paragraphs)
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

    # Source changed ------------------------------------------------------------------------

    def source_changed_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        story = self.desk_story(request, object_id)
        if request.method == "POST":
            if not permissions.can_edit(request.user, story):
                raise PermissionDenied
            revision = request.POST.get("revision", "")
            try:
                translation_rebase(
                    story=story,
                    actor=request.user,
                    based_on_revision=int(revision) if revision.isdigit() else 0,
                )
            except WorkflowError as error:
                messages.error(request, str(error))
                return HttpResponseRedirect(request.path)
            messages.success(
                request,
                "The translation now follows the newest source version. New source paragraphs "
                "have empty boxes to fill.",
            )
            return HttpResponseRedirect(reverse("admin:articles_story_translate", args=[story.pk]))
        changes = source_changes(story)
        context = {
            **self.admin_site.each_context(request),
            **self.desk_links(request, story),
            "opts": self.model._meta,
            "title": f"Source changed: {story.headline}",
            "story": story,
            "translation": story.translation,
            "changes": changes,
            "can_edit": permissions.can_edit(request.user, story),
            "can_correct": story.status == StoryStatus.PUBLISHED
            and permissions.can_publish(request.user),
        }
        return TemplateResponse(request, self.desk_source_changed_template, context)
