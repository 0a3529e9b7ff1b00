"""What the translation desk's pages show: the editor (each target paragraph beside the source
paragraphs it translates, with QA issues, memory offers and open review comments), the page of
a save conflict and the source-changed page.

The editor's GET reads a fixed number of queries however long the story: the near matches come
kept with the story (translations.memory_offers).
"""

from dataclasses import dataclass
from itertools import zip_longest

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse

from articles.models import Story, StoryParagraph, StoryStatus, WireStory
from translations import permissions
from translations.memory import similarity
from translations.memory_offers import memory_offers
from translations.models import (
    MemoryEntry,
    ParagraphOrigin,
    ReviewComment,
    Translation,
)
from translations.qa import (
    HEADLINE_KEY,
    SUMMARY_KEY,
    GlossaryEntry,
    QAReport,
    glossary_for,
    qa_run,
)
from translations.qa.glossary import highlight_terms
from translations.services.desk import SaveConflict, source_changes
from translations.workflow import DESK_SUBMISSIONS, WORKFLOW

from .rows import ConflictRow, EditorRow, SourceItem, form_sources, issues_for


def desk_links(user: AbstractBaseUser, story: Story) -> dict:
    """The other pages of the story, for the links at the top of the desk's pages."""
    links = {
        "change_url": reverse("admin:articles_story_change", args=[story.pk]),
        "translate_url": reverse("admin:articles_story_translate", args=[story.pk]),
    }
    if permissions.can_preview(user, story):
        links |= {
            "review_url": reverse("admin:articles_story_review", args=[story.pk]),
            "revisions_url": reverse("admin:articles_story_revisions", args=[story.pk]),
            "preview_url": reverse("admin:articles_story_preview", args=[story.pk]),
        }
    return links


@dataclass(frozen=True)
class DeskSource:
    """The source side of the editor: the wire story's paragraphs with glossary terms marked."""

    wire: WireStory
    glossary: list[GlossaryEntry]

    def item(self, index: int) -> SourceItem:
        return SourceItem(index + 1, highlight_terms(self.wire.paragraphs[index], self.glossary))

    def valid(self, indexes: tuple[int, ...]) -> list[int]:
        return [i for i in indexes if 0 <= i < len(self.wire.paragraphs)]


def editor_row(
    form,
    index: int,
    *,
    source: DeskSource,
    saved: dict[str, StoryParagraph],
    report: QAReport,
    comments: list[ReviewComment],
) -> EditorRow:
    """One paragraph of the editor: its form beside its source paragraphs."""
    key = str(form["key"].value() or "")
    alignment = getattr(saved.get(key), "alignment", None)
    return EditorRow(
        form=form,
        index=index,
        key=key,
        sources=[source.item(i) for i in source.valid(form_sources(form))],
        origin=alignment.get_origin_display() if alignment else "",
        origin_code=alignment.origin if alignment else "",
        score=alignment.memory_score if alignment else None,
        # An untouched paragraph is not yet an error: the progress line counts it, and
        # submitting names it. (A box with text from the working copy is not empty either,
        # whatever the saved text says.)
        issues=[
            view for view in (issues_for(report, key) if key else []) if view.issue.code != "empty"
        ],
        comments=[c for c in comments if key and c.paragraph_key == key],
    )


def place_untranslated(rows: list[EditorRow], source: DeskSource) -> list[SourceItem]:
    """Show each source paragraph that no target paragraph translates where the source order
    puts it; return those that come after the last row."""
    covered = {item.number - 1 for row in rows for item in row.sources}
    after_last: list[SourceItem] = []
    for i, text in enumerate(source.wire.paragraphs):
        if i in covered or not text.strip():
            continue
        row = next((r for r in rows if r.sources and r.sources[0].number - 1 > i), None)
        if row is None:
            after_last.append(source.item(i))
        else:
            row.untranslated_before.append(source.item(i))
    return after_last


def offer_matches(
    rows: list[EditorRow], translation: Translation, saved: dict[str, StoryParagraph]
) -> None:
    """The memory's near matches beside each paragraph not filled from an exact match: kept with
    the story, looked up only where missing or stale."""
    wanted = [
        row
        for row in rows
        if row.sources
        and getattr(saved.get(row.key), "alignment", None) is not None
        and saved[row.key].alignment.origin != ParagraphOrigin.MEMORY_EXACT
    ]
    paragraphs = translation.wire_story.paragraphs
    texts = ["\n".join(paragraphs[item.number - 1] for item in row.sources) for row in wanted]
    for row, matches in zip(wanted, memory_offers(translation, texts), strict=True):
        row.matches = matches


def memory_match_to_use(
    translation: Translation, entry_id: int, source_indexes: tuple[int, ...]
) -> tuple[str, int] | None:
    """The translation a memory entry offers for these source paragraphs, and its score there;
    None for an entry of another language pair, or none at all."""
    entry = MemoryEntry.objects.filter(
        pk=entry_id,
        source_language=translation.source_language,
        target_language=translation.target_language,
    ).first()
    if entry is None:
        return None
    wire = translation.wire_story
    source = "\n".join(wire.paragraphs[i] for i in source_indexes if i < len(wire.paragraphs))
    return entry.target_text, similarity(entry.source_text, source)


def desk_rows(
    story: Story,
    formset,
    *,
    saved: dict[str, StoryParagraph],
    report: QAReport,
    source: DeskSource,
    comments: list[ReviewComment],
) -> dict:
    """The editor's rows, with the untranslated source between them and the memory's offers."""
    rows = [
        editor_row(form, index, source=source, saved=saved, report=report, comments=comments)
        for index, form in enumerate(formset)
    ]
    untranslated_after = place_untranslated(rows, source)
    offer_matches(rows, story.translation, saved)
    return {
        "rows": rows,
        "translated_count": sum(1 for row in rows if str(row.form["text"].value() or "").strip()),
        "untranslated_after": untranslated_after,
    }


def desk_checks(source: DeskSource, report: QAReport) -> dict:
    """The headline and summary beside their source, and the QA issues not of one paragraph."""
    return {
        "headline_html": highlight_terms(source.wire.headline, source.glossary),
        "summary_html": highlight_terms(source.wire.summary, source.glossary),
        "headline_issues": issues_for(report, HEADLINE_KEY),
        "summary_issues": issues_for(report, SUMMARY_KEY),
        "story_issues": issues_for(report, ""),
        "report": report,
    }


def desk_comments(rows: list[EditorRow], comments: list[ReviewComment]) -> dict:
    """The open review comments, each beside its paragraph's number."""
    row_numbers = {row.key: row.number for row in rows if row.key}
    return {
        # A comment on a paragraph since dropped or merged away shows with the whole-story ones,
        # so that none is left where nobody can see or resolve it.
        "story_comments": [c for c in comments if c.paragraph_key not in row_numbers],
        "open_comments": comments,
        "comment_numbers": row_numbers,
    }


def desk_abilities(user: AbstractBaseUser, story: Story) -> dict:
    """What the user may do on the desk: edit, submit, ask the machine, reassign."""
    can_edit = permissions.can_edit(user, story)
    return {
        "can_edit": can_edit,
        "can_submit": can_edit
        and any(WORKFLOW[m].available_to(user, story) for m in DESK_SUBMISSIONS),
        "machine_translation": bool(settings.MT_BACKEND),
        "assignees": permissions.desk_members() if permissions.can_reassign(user) else None,
    }


def desk_context(
    *, user: AbstractBaseUser, story: Story, header, formset, lock_holder=None
) -> dict:
    """The editor page: the forms' text beside the source, checked, with the memory's offers."""
    translation = story.translation
    source = DeskSource(
        translation.wire_story,
        glossary_for(translation.source_language, translation.target_language),
    )
    paragraphs = list(story.paragraphs.select_related("alignment").order_by("position"))
    report = qa_run(story, paragraphs=paragraphs, glossary_terms=source.glossary)
    comments = list(
        ReviewComment.objects.filter(story=story, resolved_at__isnull=True).select_related("author")
    )
    saved = {p.key: p for p in paragraphs}
    rows = desk_rows(story, formset, saved=saved, report=report, source=source, comments=comments)
    latest = source.wire.latest_version()
    return {
        **desk_links(user, story),
        "title": f"Translate: {story.headline}",
        "story": story,
        "translation": translation,
        "source": source.wire,
        "newer_source": latest if latest.pk != source.wire.pk else None,
        "header": header,
        "formset": formset,
        **rows,
        **desk_checks(source, report),
        **desk_comments(rows["rows"], comments),
        **desk_abilities(user, story),
        "lock_holder": lock_holder,
    }


def conflict_context(
    *, user: AbstractBaseUser, story: Story, conflict: SaveConflict, header, formset
) -> dict:
    """The page of a save refused because someone else saved first: theirs beside yours."""
    theirs = list(conflict.theirs.paragraphs)
    yours = list(zip(formset, conflict.yours.paragraphs, strict=True))
    return {
        **desk_links(user, story),
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


def source_changed_context(*, user: AbstractBaseUser, story: Story) -> dict:
    """What the agency changed in the source since the translation was made."""
    return {
        **desk_links(user, story),
        "title": f"Source changed: {story.headline}",
        "story": story,
        "translation": story.translation,
        "changes": source_changes(story),
        "can_edit": permissions.can_edit(user, story),
        "can_correct": story.status == StoryStatus.PUBLISHED and permissions.can_publish(user),
    }
