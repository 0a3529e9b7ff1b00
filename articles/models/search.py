"""What PostgreSQL's full-text search reads: one document per story, with its GIN index."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class StorySearchDocument(models.Model):
    """A story's text as the search index holds it.

    Stored, not an index expression: the body lives in StoryParagraph rows and an index
    expression cannot reach another table. The text of a published story changes only when it
    is published or corrected, so articles.search.index_stories() refreshes the document at
    those moments (on commit) and `manage.py index_stories` rebuilds it in bulk. Visibility is
    not stored here: search goes through Story.objects.live() like every public surface, so a
    withdrawn story's document is simply never reached.
    """

    story = models.OneToOneField(
        "articles.Story",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    config = models.CharField(
        max_length=32,
        help_text="The PostgreSQL text search configuration of the story's language "
        "('simple', which does no stemming, when PostgreSQL has none for it).",
    )
    headline = models.TextField()
    text = models.TextField(help_text="Summary and body, from which snippets are cut.")
    vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            GinIndex(fields=["vector"], name="story_search_vector_gin"),
            # Which configurations are in use is asked one index look-up each (search.py).
            models.Index(fields=["config"], name="story_search_config_idx"),
        ]

    def __str__(self) -> str:
        return self.headline
