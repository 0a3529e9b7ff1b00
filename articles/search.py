"""Full-text search of live stories.

On PostgreSQL each story is searched in its own language's text search configuration (so
"партнёров" finds "партнёр" in a Russian story and "partners" finds "partner" in an English
one), through a GIN index on StorySearchDocument.vector, ranked with ts_rank and shown with
ts_headline snippets. Ranking is bounded: only the SEARCH_WINDOW newest matches are ranked, so
that a word found in every eighth story of a 100,000-story archive costs no more than a rare one;
a rare word is still found however old its story. On SQLite, which has no full-text search of
its own that Django drives, every word of the query must appear (case-insensitively, ASCII
only: SQLite's LIKE folds no other letters) in the headline, summary or a paragraph, newest
first, and the snippet is cut in Python.
"""

import re
from collections.abc import Iterable, Sequence

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.expressions import CombinedExpression
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .cache import SEARCH, tag_version
from .models import Story, StoryParagraph, StoryQuerySet, StorySearchDocument, StoryStatus

MAX_QUERY_LENGTH = 200
SNIPPET_CHARS = 240
# How many of the newest matches are ranked. Ranking reads every ranked document's vector, so a
# common word would otherwise cost a read of thousands of them before the first page is shown;
# at 1,000 PostgreSQL reads the stories' table end to end to join the window back to them.
SEARCH_WINDOW = 500

# BCP 47 primary language subtag -> the PostgreSQL configuration that stems it. Languages
# PostgreSQL does not know (Kazakh, Azerbaijani, Chinese...) fall back to 'simple', which
# splits words and lowercases them but does not stem.
TEXT_SEARCH_CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
FALLBACK_CONFIG = "simple"

# ts_headline marks matches with these; the snippet is escaped as plain text and only then are
# they turned into <mark>, so nothing in a story's text can inject markup. They are control
# characters no story text keeps (index_stories strips them).
_START, _STOP = "\x02", "\x03"
_CONTROL = str.maketrans("", "", _START + _STOP)


def _without_sentinels(text: str) -> str:
    # Two replace() calls, not str.translate(_CONTROL): the same result, many times faster on
    # long non-ASCII text, which matters when a whole archive is indexed.
    return text.replace(_START, "").replace(_STOP, "")


def text_search_config(language: str) -> str:
    """The PostgreSQL text search configuration for a BCP 47 tag ("ru-RU" -> "russian")."""
    primary = language.split("-")[0].strip().lower()
    return TEXT_SEARCH_CONFIGS.get(primary, FALLBACK_CONFIG)


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def index_stories(story_ids: Iterable[int]) -> int:
    """Copy the current text of these stories into their search documents; return how many.

    Run by the task worker once a story is published, corrected or withdrawn, and by
    `manage.py index_stories`. Published stories (scheduled ones too, so that they are found
    the moment their time comes) are indexed; any other story leaves the index. A no-op on
    SQLite, whose search reads the story tables directly.
    """
    if not uses_full_text_search():
        return 0
    story_ids = list(story_ids)
    stories = Story.objects.filter(pk__in=story_ids, status=StoryStatus.PUBLISHED).prefetch_related(
        "paragraphs"
    )
    count = 0
    with transaction.atomic():
        StorySearchDocument.objects.filter(story_id__in=story_ids).exclude(
            story__status=StoryStatus.PUBLISHED
        ).delete()
        for story in stories:
            document = search_document(story, [p.text for p in story.paragraphs.all()])
            StorySearchDocument.objects.update_or_create(
                story=story,
                defaults={
                    "config": document.config,
                    "headline": document.headline,
                    "text": document.text,
                },
            )
            count += 1
        StorySearchDocument.objects.filter(story_id__in=[s.pk for s in stories]).update(
            vector=search_vector()
        )
    return count


def search_document(story: Story, paragraphs: Sequence[str]) -> StorySearchDocument:
    """The (unsaved) search document of `story` with these paragraph texts, without its vector,
    which search_vector() computes in the database."""
    text = "\n\n".join(part for part in [story.summary, *paragraphs] if part)
    return StorySearchDocument(
        story=story,
        config=text_search_config(story.language),
        headline=_without_sentinels(story.headline),
        text=_without_sentinels(text),
    )


def search_vector() -> CombinedExpression:
    """What StorySearchDocument.vector holds, computed from the document's own columns."""
    # The headline weighs more than the body in the ranking (weight A over B).
    return SearchVector("headline", config=F("config"), weight="A") + SearchVector(
        "text", config=F("config"), weight="B"
    )


SEARCH_CONFIGS = sorted({*TEXT_SEARCH_CONFIGS.values(), FALLBACK_CONFIG})


def _configs_in_use() -> list[str]:
    """The configurations the indexed stories use, cached until the search results are purged:
    one index look-up for each one a document can have, never a scan of the documents."""

    def ask() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT wanted.config FROM unnest(%s::text[]) AS wanted(config) WHERE EXISTS "
                f"(SELECT 1 FROM {StorySearchDocument._meta.db_table} AS d "
                "WHERE d.config = wanted.config) ORDER BY wanted.config",
                [SEARCH_CONFIGS],
            )
            return [config for (config,) in cursor.fetchall()]

    return cache.get_or_set(f"search-configs:{tag_version(SEARCH)}", ask, timeout=3600)


def search_stories(query: str, stories: StoryQuerySet | None = None) -> StoryQuerySet:
    """Live stories (of `stories`, if given: the list filters) matching `query`, best first;
    on PostgreSQL, the best of the SEARCH_WINDOW newest matches. Empty for an empty query."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    stories = (Story.objects.all() if stories is None else stories).live().for_listing()
    if not query:
        return stories.none()
    if uses_full_text_search():
        return _postgres_search(stories, query)
    return _fallback_search(stories, query)


def _postgres_search(stories: StoryQuerySet, query: str) -> StoryQuerySet:
    # One branch per configuration, each with a constant tsquery, so that the planner can use
    # the GIN index; a tsquery built from each row's own configuration could not.
    matches = Q()
    for config in _configs_in_use():
        matches |= Q(
            search_document__config=config,
            search_document__vector=SearchQuery(query, config=config, search_type="websearch"),
        )
    if not matches:
        return stories.none()
    # The newest matches by the GIN index and the publication order, then only those ranked.
    window = stories.filter(matches).order_by("-publish_at", "-pk").values("pk")[:SEARCH_WINDOW]
    row_query = SearchQuery(query, config=F("search_document__config"), search_type="websearch")
    return (
        Story.objects.filter(pk__in=window)
        .for_listing()
        .annotate(
            rank=SearchRank(F("search_document__vector"), row_query),
            snippet_source=SearchHeadline(
                "search_document__text",
                row_query,
                config=F("search_document__config"),
                start_sel=_START,
                stop_sel=_STOP,
                max_fragments=2,
                min_words=12,
                max_words=30,
            ),
        )
        .order_by("-rank", "-publish_at", "-pk")
    )


def _terms(query: str) -> list[str]:
    return [term for term in query.split() if term][:10]


def _fallback_search(stories: StoryQuerySet, query: str) -> StoryQuerySet:
    for term in _terms(query):
        in_body = StoryParagraph.objects.filter(story=OuterRef("pk"), text__icontains=term)
        stories = stories.filter(
            Q(headline__icontains=term) | Q(summary__icontains=term) | Exists(in_body)
        )
    return stories.prefetch_related("paragraphs")


def attach_snippets(stories: Sequence[Story], query: str) -> None:
    """Give each found story a `snippet`: escaped text with the matches in <mark>."""
    for story in stories:
        source = getattr(story, "snippet_source", None)
        if source is not None:
            story.snippet = _marked(source)
        else:
            story.snippet = cut_snippet(
                [story.summary, *(p.text for p in story.paragraphs.all())], _terms(query)
            )


def _marked(headline: str) -> SafeString:
    # Escaping first, then turning the sentinels into tags, is what makes this safe.
    return mark_safe(escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def cut_snippet(texts: Sequence[str], terms: Sequence[str]) -> SafeString:
    """About SNIPPET_CHARS characters around the first match, matches in <mark>, all escaped."""
    text = " ".join(" ".join(t.split()) for t in texts if t).translate(_CONTROL)
    if not terms:
        return mark_safe(escape(text[:SNIPPET_CHARS]))
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE
    )
    found = pattern.search(text)
    start = 0 if found is None else max(0, found.start() - SNIPPET_CHARS // 3)
    if start:
        # Start on a word boundary rather than in the middle of a word.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < found.start() else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    # A capturing split puts the matches at the odd indexes.
    pieces = re.split(f"({pattern.pattern})", text[start:end], flags=re.IGNORECASE)
    marked = "".join(
        f"{_START}{piece}{_STOP}" if index % 2 else piece for index, piece in enumerate(pieces)
    )
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return _marked(prefix + marked + suffix)
