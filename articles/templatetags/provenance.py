from django import template
from django.utils.translation import get_language_info

from articles.models import Story
from articles.provenance import StorySource, source_of

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """English name of a BCP 47 tag ("ru" -> "Russian"), or the tag if Django does not know it."""
    if not code:
        return ""
    for candidate in (code, code.split("-")[0]):
        try:
            return get_language_info(candidate.lower())["name"]
        except KeyError:
            continue
    return code


@register.filter
def story_source(story: Story) -> StorySource | None:
    """The story's source as articles.provenance.source_of() reads it (None: in-house)."""
    return source_of(story)
