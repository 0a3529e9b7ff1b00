"""A story's provenance as the public site reads it: the one interface between articles/ and
the translation records of translations/.

articles/ never imports translations/ (an import-linter contract, `make lint`), and no other
module of articles/ names the translation record: pages, feeds, sitemaps, filters, JSON-LD and
ninjs ask here. The record is reached by these names only, which translations.Translation
provides and tests/translations/test_provenance_interface.py pins:

- `Story.translation`: the reverse one-to-one to the record; absent for an in-house story;
- `wire_story` (the articles.WireStory version translated), `source_language` (BCP 47),
  `credit_line`, and `translators` (users; their reverse name is `translations`).

For one story, `source_of(story)` (a StorySource, or None); for querysets, `with_provenance()`
and the `*_q()` conditions. Load stories with `with_provenance()` / `SOURCE_RELATED` so that
reading them costs no query of its own.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import (
    CharField,
    Expression,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Concat, Trim
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models import (
    MACHINE_METHODS,
    Agency,
    Attribution,
    AttributionRole,
    ParagraphMethod,
    SiteSettings,
    Story,
    StoryParagraph,
    StoryStatus,
    WireStory,
)

# The source record and what it points to, for select_related().
SOURCE_RELATED = "translation__wire_story__agency"
# What a public surface loads with a story so that these functions run no query of their own.
STORY_RELATED = ("section", "lead_image", SOURCE_RELATED)


@dataclass(frozen=True)
class StorySource:
    """The agency's story a story was translated from, as readers and machines are told."""

    wire_story: WireStory  # the version translated, not necessarily the agency's newest
    language: str  # BCP 47, as translated from
    credit_line: str  # as printed under the story; may be empty

    @property
    def agency(self) -> Agency:
        return self.wire_story.agency


def source_of(story: Story) -> StorySource | None:
    """What the story was translated from; None for a story written in-house."""
    try:
        record = story.translation
    except ObjectDoesNotExist:
        return None
    wire = record.wire_story
    return StorySource(
        wire_story=wire,
        language=record.source_language or wire.language,
        credit_line=record.credit_line.strip(),
    )


def translated_q(agency: Agency | Expression | None = None) -> Q:
    """Stories translated (from `agency`'s story, if given; an OuterRef works too)."""
    if agency is None:
        return Q(translation__isnull=False)
    return Q(translation__wire_story__agency=agency)


def source_language_q(language: str) -> Q:
    """Stories translated from `language` (BCP 47; "ru" also matches "ru-RU")."""
    return Q(translation__source_language__iexact=language) | Q(
        translation__source_language__istartswith=f"{language}-"
    )


def same_source_q(stories: QuerySet[Story]) -> Q:
    """Stories translated from the same agency story as one of `stories`, any version."""
    return Q(
        translation__wire_story__agency__in=stories.values("translation__wire_story__agency"),
        translation__wire_story__guid__in=stories.values("translation__wire_story__guid"),
    )


def with_alternates(stories: QuerySet[Story]) -> QuerySet[Story]:
    """Stories with the published stories translated from the same agency story (any version)
    in other languages, as one subquery column read by alternates(): an index look-up of the
    wire story's agency and guid for the one story a page shows, rather than a query of its own.

    Scheduled ones come too: next_alternate_at() says when the page's links next change."""
    others = (
        Story.objects.filter(status=StoryStatus.PUBLISHED)
        .filter(
            translation__wire_story__agency=OuterRef("translation__wire_story__agency"),
            translation__wire_story__guid=OuterRef("translation__wire_story__guid"),
        )
        .exclude(language=OuterRef("language"))
        .order_by()
        .values("translation__wire_story__guid")
        .annotate(
            joined=StringAgg(
                Concat(
                    Cast("publish_at", CharField()),
                    Value("\t"),
                    "language",
                    Value("\t"),
                    "slug",
                    output_field=CharField(),
                ),
                delimiter=Value("\n"),
            )
        )
        .values("joined")
    )
    return stories.annotate(alternates_joined=Subquery(others))


def _published_alternates(story: Story) -> list[Story]:
    """The column with_alternates() adds, as unsaved instances (status, time, language, URL)."""
    found = []
    for row in (story.alternates_joined or "").split("\n"):
        if row:
            publish_at, language, slug = row.split("\t")
            when = parse_datetime(publish_at)
            if timezone.is_naive(when):  # SQLite keeps UTC without its offset
                when = timezone.make_aware(when, UTC)
            found.append(
                Story(status=StoryStatus.PUBLISHED, publish_at=when, language=language, slug=slug)
            )
    return found


def alternates(story: Story) -> list[Story]:
    """One live story per other language, the newest in it, ordered by language."""
    newest: dict[str, Story] = {}
    for other in sorted(_published_alternates(story), key=attrgetter("publish_at"), reverse=True):
        if other.is_live:
            newest.setdefault(other.language, other)
    return [newest[language] for language in sorted(newest)]


def next_alternate_at(story: Story) -> datetime | None:
    """When the next scheduled story in another language goes live (the links change then)."""
    return min((o.publish_at for o in _published_alternates(story) if o.is_scheduled), default=None)


def alternate_slugs(story: Story) -> list[str]:
    """The slugs of the stories whose pages link to this one as another language of theirs."""
    source = Story.objects.filter(pk=story.pk)
    return list(
        Story.objects.filter(same_source_q(source))
        .exclude(pk=story.pk)
        .exclude(language=story.language)
        .values_list("slug", flat=True)
    )


def with_provenance(stories: QuerySet[Story]) -> QuerySet[Story]:
    """Stories with what the provenance functions below read, bar the story_prefetch() lists.

    Translators' names come as one subquery column rather than a prefetch, which keeps the story
    page within its query budget; so does the editors' per-paragraph switch (SiteSettings),
    read by show_paragraph_provenance().
    """
    names = (
        get_user_model()
        .objects.filter(translations__story=OuterRef("pk"))
        .exclude(first_name="", last_name="")
        .values("translations__story")
        .annotate(
            joined=StringAgg(
                Trim(Concat("first_name", Value(" "), "last_name")),
                delimiter=Value("\n"),
            )
        )
        .values("joined")
    )
    switch = SiteSettings.objects.filter(pk=SiteSettings.SINGLETON_PK).values(
        "show_paragraph_provenance"
    )
    return stories.select_related(*STORY_RELATED).annotate(
        translator_names_joined=Subquery(names),
        paragraph_provenance_shown=Coalesce(Subquery(switch[:1]), Value(False)),
    )


def story_prefetch(*, body: bool = True) -> list[str | Prefetch]:
    """What a page of the story reads besides its row; without `body`, what a list item of the
    ninjs API reads: no pictures, and of the paragraphs only how each was made (the machine
    translation disclosure is always given)."""
    attributions = Prefetch("attributions", queryset=Attribution.objects.select_related("agency"))
    if not body:
        methods = StoryParagraph.objects.only("story_id", "position", "method")
        return [Prefetch("paragraphs", queryset=methods), "corrections", attributions]
    return ["paragraphs", "corrections", "lead_image__renditions", attributions]


def credited_agency_slugs(story: Story) -> set[str]:
    """The agencies whose pages list the story (as Story.objects.credited_to() reads it)."""
    slugs = set(
        Attribution.objects.filter(story=story, agency__isnull=False).values_list(
            "agency__slug", flat=True
        )
    )
    source = source_of(story)
    if source is not None:
        slugs.add(source.agency.slug)
    return slugs


def credit_line(story: Story) -> str:
    source = source_of(story)
    return source.credit_line if source is not None else ""


def attributions_with_role(story: Story, role: AttributionRole) -> list[Attribution]:
    return [a for a in story.attributions.all() if a.role == role]


def date_modified(story: Story) -> datetime | None:
    """When the public text last changed: publication, or the latest correction since."""
    moments = [story.publish_at, *(c.created_at for c in story.corrections.all())]
    moments = [m for m in moments if m is not None]
    return max(moments) if moments else None


def translator_names(story: Story) -> list[str]:
    """Translators as readers may see them: by full name; a user with none stays unnamed.

    Read from the column with_provenance() adds.
    """
    # Sorted here: SQLite cannot order inside an aggregate.
    return sorted(name for name in (story.translator_names_joined or "").split("\n") if name)


# --- how the text was made (StoryParagraph.method, written by the translation desk) -----------


def machine_translation_disclosure(story: Story) -> str:
    """What readers are told when machine translation made any part of the story, else "".

    Always shown, whatever the site settings say: reads the prefetched paragraphs.
    """
    methods = [p.method for p in story.paragraphs.all()]
    machine = sum(method in MACHINE_METHODS for method in methods)
    if not machine:
        return ""
    edited = methods.count(ParagraphMethod.MACHINE_POST_EDITED)
    if edited == machine:
        edits = ", then edited by a person"
    elif edited:
        edits = f"; a person then edited {edited} of them"
    else:
        edits = ""
    return (
        f"Machine translation was used for this story: {machine} of its {len(methods)} "
        f"paragraph{'s' if len(methods) != 1 else ''} {'was' if machine == 1 else 'were'} "
        f"translated by machine{edits}. An editor reviewed the whole story before publication."
    )


def show_paragraph_provenance(story: Story) -> bool:
    """The editors' choice (SiteSettings), read from the column with_provenance() adds."""
    return bool(story.paragraph_provenance_shown)


def paragraph_provenance(paragraph: StoryParagraph, position: int) -> dict[str, Any]:
    """One paragraph's provenance as the ninjs API gives it (numbers count from 1)."""
    return {
        "paragraph": position,
        "method": paragraph.method,
        "source_paragraphs": paragraph.source_numbers,
    }
