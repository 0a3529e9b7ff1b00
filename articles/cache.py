"""The public page cache: one version number that every cached public response is keyed on.

Purging bumps the version, so every worker (and every Redis-backed cache user) stops serving
old pages at once, without having to know which keys a story appeared under.
"""

from django.core.cache import cache

VERSION_KEY = "public-pages:version"


def public_cache_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def purge_public_pages() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
