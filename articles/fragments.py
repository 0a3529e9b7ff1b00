"""Fragments of public pages cached on the versions of what they show.

The page cache (articles.cache) keeps whole responses; below it, with the page cache off or
missed, a page is built per request from the database: its rows are read there every time, so
what the public may see is decided by Story.objects.live() on every request. What is saved is
the rendering: a story's fragment (its page, its teaser in a list, its ninjs item) is kept with
the versions it was rendered for: the row's own `updated_at` and the version of every tag that
retires the story's pages (`site` and `story:<slug>`, articles.cache). Whatever changes what a
fragment shows changes one of them, and the fragment is rendered again; as in the page cache,
a tag whose version the cache lost counts as changed.

A fragment may also say until when it holds (`fresh`): a story page's links to its other
languages change when a scheduled translation of the same wire story goes live, with no purge.
A fragment of several stories (list_fragment) holds until the next scheduled publication.
"""

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet

from .cache import SITE, TAG_KEY, next_scheduled_at, story_tag, tag_versions
from .models import Story

FRAGMENT_KEY = "public:fragment:{name}:{pk}"
LIST_FRAGMENT_KEY = "public:fragment:{name}"
# What a list reads of each story it shows through fragments: what keys them.
FRAGMENT_ROW = ("pk", "slug", "updated_at")


class StoryRow(NamedTuple):
    """A story as a list reads it (fragment_rows): what keys its fragments."""

    pk: int
    slug: str
    updated_at: datetime


def fragment_rows(stories: QuerySet[Story]) -> QuerySet:
    """The rows a list of fragments reads: tuples, not model instances, which would cost more
    to build than the list costs to render from its fragments."""
    return stories.values_list(*FRAGMENT_ROW, named=True)


def story_fragments[T](
    name: str,
    stories: Sequence[Story | StoryRow],
    render: Callable[[list[Story | StoryRow]], list[T]],
    *,
    fresh: Callable[[T], bool] | None = None,
) -> list[T]:
    """Each story's fragment `name`, in the order of `stories`: from the cache where it was
    rendered for the story's current versions, else by `render` (given every story that
    missed at once, so that it loads their related rows in one query each; it returns one
    fragment per story, in order), which are then cached.

    `stories` need only carry pk, slug and updated_at (StoryRow). One cache round trip reads the
    fragments and their tags' versions together.
    """
    stories = list(stories)
    if not stories:
        return []
    if settings.PUBLIC_FRAGMENT_SECONDS <= 0:
        return render(stories)
    keys = [FRAGMENT_KEY.format(name=name, pk=story.pk) for story in stories]
    tags = [SITE, *(story_tag(story.slug) for story in stories)]
    tag_keys = [TAG_KEY.format(tag=tag) for tag in tags]
    found: dict[str, Any] = cache.get_many([*keys, *tag_keys])
    if any(key not in found for key in tag_keys):
        found |= {TAG_KEY.format(tag=tag): v for tag, v in tag_versions(tags).items()}
    site = found[TAG_KEY.format(tag=SITE)]
    # What each fragment must have been rendered for: the row as read, and its tags' versions.
    wanted = [
        (story.updated_at, site, found[TAG_KEY.format(tag=story_tag(story.slug))])
        for story in stories
    ]
    fragments: list[Any] = []
    missing = []
    for key, story, version in zip(keys, stories, wanted, strict=True):
        kept = found.get(key)
        if kept is not None and kept[0] == version and (fresh is None or fresh(kept[1])):
            fragments.append(kept[1])
        else:
            fragments.append(None)
            missing.append((len(fragments) - 1, key, story, version))
    if missing:
        rendered = render([story for _, _, story, _ in missing])
        made = {}
        for (place, key, _, version), fragment in zip(missing, rendered, strict=True):
            fragments[place] = fragment
            made[key] = (version, fragment)
        cache.set_many(made, settings.PUBLIC_FRAGMENT_SECONDS)
    return fragments


def list_fragment[T](name: str, tags: Sequence[str], render: Callable[[], T]) -> T:
    """A fragment that shows several stories (a page's teasers of each section), kept under
    the versions of the tags of the lists it shows and until the next scheduled publication,
    when a story may join it. One cache round trip reads it with its tags' versions."""
    if settings.PUBLIC_FRAGMENT_SECONDS <= 0:
        return render()
    key = LIST_FRAGMENT_KEY.format(name=name)
    tag_keys = {tag: TAG_KEY.format(tag=tag) for tag in (SITE, *tags)}
    found = cache.get_many([key, *tag_keys.values()])
    versions = {tag: found.get(tag_key) for tag, tag_key in tag_keys.items()}
    if key in found:
        kept_versions, until, value = found[key]
        if kept_versions == versions and (not until or time.time() < until):
            return value
    # Read before rendering: the fragment never outlives what it was rendered with.
    until = next_scheduled_at()
    if None in versions.values():
        versions = tag_versions(tag_keys)
    value = render()
    cache.set(key, (versions, until, value), settings.PUBLIC_FRAGMENT_SECONDS)
    return value
