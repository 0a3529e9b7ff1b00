"""Fragments of public pages cached on the versions of what they show.

The page cache (articles.cache) keeps whole responses; below it, with the page cache off or
missed, a page is built per request from the database: its rows are read there every time, so
what the public may see is decided by Story.objects.live() on every request. What is saved is
the rendering: a story's fragment (its page, its teaser in a list, its ninjs item) is kept under
the version of every tag that retires the story's pages (`site` and `story:<slug>`) and under
the row's own `updated_at`. Whatever changes what a fragment shows gives it a new key, so an
outdated fragment is never read again; it only ages out of the cache.

A fragment may also say until when it holds (`fresh`): a story page's links to its other
languages change when a scheduled translation of the same wire story goes live, with no purge.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache

from .cache import SITE, story_tag, tag_versions
from .models import Story

FRAGMENT_KEY = "public:fragment:{name}:{pk}:{stamp}:{site}:{story}"


def story_fragments[T](
    name: str,
    stories: Sequence[Story],
    render: Callable[[list[Story]], list[T]],
    *,
    fresh: Callable[[T], bool] | None = None,
) -> list[T]:
    """Each story's fragment `name`, in the order of `stories`: from the cache where it was
    rendered for the story's current versions, else by `render` (given every story that
    missed at once, so that it loads their related rows in one query each; it returns one
    fragment per story, in order), which are then cached.

    `stories` need only carry pk, slug and updated_at. Two cache round trips: the tags'
    versions, then the fragments.
    """
    stories = list(stories)
    if not stories:
        return []
    if settings.PUBLIC_FRAGMENT_SECONDS <= 0:
        return render(stories)
    versions = tag_versions([SITE, *(story_tag(story.slug) for story in stories)])
    keys = [
        FRAGMENT_KEY.format(
            name=name,
            pk=story.pk,
            stamp=story.updated_at.timestamp(),
            site=versions[SITE],
            story=versions[story_tag(story.slug)],
        )
        for story in stories
    ]
    found: dict[str, Any] = cache.get_many(keys)
    if fresh is not None:
        found = {key: value for key, value in found.items() if fresh(value)}
    missing = [(key, story) for key, story in zip(keys, stories, strict=True) if key not in found]
    if missing:
        rendered = render([story for _, story in missing])
        made = {key: value for (key, _), value in zip(missing, rendered, strict=True)}
        cache.set_many(made, settings.PUBLIC_FRAGMENT_SECONDS)
        found |= made
    return [found[key] for key in keys]
