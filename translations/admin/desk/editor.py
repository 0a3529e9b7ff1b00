"""The side-by-side editor's page: each target paragraph beside the source paragraphs it
translates, with QA issues, translation memory offers and open review comments.

This is the GET side of the editor; saving.py answers its POSTs.
"""

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles.models import Story
from translations import permissions
from translations.memory import memory_fuzzy
from translations.models import ParagraphOrigin, ReviewComment
from translations.qa import HEADLINE_KEY, SUMMARY_KEY, glossary_for, qa_run
from translations.qa.glossary import highlight_terms
from translations.services.desk import (
    editing_lock_holder,
    story_editing_start,
    story_text,
    working_copy_text,
)
from translations.workflow import DESK_SUBMISSIONS, WORKFLOW

from . import forms
from .base import DeskBaseMixin
from .forms import DeskHeaderForm, DeskParagraphFormSet
from .rows import EditorRow, SourceItem, form_sources, issues_for


class DeskEditorMixin(DeskBaseMixin):
    """The editor page, and the Desk column that links to it from the story list."""

    def get_urls(self):
        return [
            path(
                "<int:object_id>/translate/",
                self.admin_site.admin_view(self.translate_view),
                name="articles_story_translate",
            ),
            *super().get_urls(),
        ]

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

    def translate_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        story = self.desk_story(request, object_id)
        if permissions.can_edit(request.user, story):
            holder = story_editing_start(story=story, actor=request.user)
        elif story.status in permissions.EDITABLE_STATES:
            holder = editing_lock_holder(story)
        else:
            # Nobody can save a story in review or published, so a lock left from its drafting
            # days means nothing and would only alarm the reader.
            holder = None
        header, formset, restored = self.desk_forms_for(story, request.user)
        context = self.desk_context(
            request, story, header=header, formset=formset, lock_holder=holder
        )
        context["restored_at"] = restored.saved_at if restored else None
        return TemplateResponse(request, self.desk_editor_template, context)

    def desk_forms_for(self, story: Story, user) -> tuple[DeskHeaderForm, object, object]:
        """The forms with the story's text, or with the user's autosaved text typed on it."""
        autosaved = working_copy_text(story, user) if permissions.can_edit(user, story) else None
        text, copy = autosaved or (story_text(story), None)
        header = DeskHeaderForm(
            initial={"revision": story.revision, "headline": text.headline, "summary": text.summary}
        )
        formset = DeskParagraphFormSet(prefix="p", initial=forms.formset_initial(text.paragraphs))
        return header, formset, copy

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
            indexes = [i for i in form_sources(form) if 0 <= i < len(source.paragraphs)]
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
                    # An untouched paragraph is not yet an error: the progress line counts it,
                    # and submitting names it. (A box with text from the working copy is not
                    # empty either, whatever the saved text says.)
                    issues=[
                        view
                        for view in (issues_for(report, key) if key else [])
                        if view.issue.code != "empty"
                    ],
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
            "translated_count": sum(
                1 for row in rows if str(row.form["text"].value() or "").strip()
            ),
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
            "can_submit": can_edit
            and any(WORKFLOW[m].available_to(request.user, story) for m in DESK_SUBMISSIONS),
            "lock_holder": lock_holder,
            "machine_translation": bool(settings.MT_BACKEND),
            "assignees": self._assignees() if permissions.can_reassign(request.user) else None,
        }

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
