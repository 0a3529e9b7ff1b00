"""The public page cache: pages tagged with what they show, purged by tag.

Each cached page is kept with the versions of its tags as they were when it was rendered: the
site (`site`, every page), one story (`story:<slug>`: its page and its ninjs item), one section
(`section:<slug>`), one agency (`agency:<slug>`), the lists of the latest stories (`latest`:
home, feeds, sitemaps, ninjs lists) and search results (`search`). Publishing, correcting or
withdrawing a story gives new versions to its own tag and to those of the lists it appears in
(purge_story), so the cached pages of every other story and section stay cached; a change
that touches everything (an agency renamed, the site settings) purges `site`.

A hit costs one cache round trip: the page and its tags' versions are read together
(get_many). A tag whose version the cache no longer holds counts as purged, so an evicted
version can never bring back a page it had retired: a withdrawn story is never served after
its withdrawal returns.

A scheduled story needs no purge when its time comes: a list is kept only until the next
scheduled publication known when it was rendered, so the story appears on the minute, with no
job running. A story's page is kept only until the next of its other languages is scheduled
to go live, since it links to them.

The same tags go out as `Surrogate-Key` (Fastly, Varnish xkey) and `Cache-Tag` (Cloudflare)
headers, for a CDN in front to purge by (README.md, "Caching").
"""

import hashlib
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_response_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from django.utils.module_loading import import_string

from .models import Section, Story

SITE = "site"
LATEST = "latest"
SEARCH = "search"
TAG_KEY = "public:tag:{tag}"
PAGE_KEY = "public:page:{digest}"
NEXT_SCHEDULED_KEY = "public:next-scheduled"
SECTIONS_KEY = "public:sections"
NAV_KEY = "public:nav"
AGENCY_KEY = "public:agency:{slug}"
CONDITIONAL_HEADERS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def story_tag(slug: str) -> str:
    return f"story:{slug}"


def section_tag(slug: str) -> str:
    return f"section:{slug}"


def agency_tag(slug: str) -> str:
    return f"agency:{slug}"


def _new_version() -> str:
    return secrets.token_hex(6)


def tag_versions(tags: Iterable[str]) -> dict[str, str]:
    """The current version of each tag, one round trip; a tag the cache lacks gets one now."""
    keys = {tag: TAG_KEY.format(tag=tag) for tag in tags}
    found = cache.get_many(keys.values())
    missing = [tag for tag, key in keys.items() if key not in found]
    if missing:
        for tag in missing:
            cache.add(keys[tag], _new_version(), timeout=None)
        found |= cache.get_many([keys[tag] for tag in missing])
    return {tag: found.get(key, "") for tag, key in keys.items()}


def tag_version(tag: str) -> str:
    """For what is cached beside the pages on what they depend on (navigation, search)."""
    return tag_versions([tag])[tag]


def purge_tags(*tags: str, scheduled: bool = False) -> None:
    """Retire every cached page that carries one of these tags; `scheduled` when a story was
    scheduled, which the time of the next scheduled publication must learn."""
    cache.set_many({TAG_KEY.format(tag=tag): _new_version() for tag in tags}, timeout=None)
    if scheduled:
        cache.delete(NEXT_SCHEDULED_KEY)
    if settings.PUBLIC_PURGE_HOOK:
        import_string(settings.PUBLIC_PURGE_HOOK)(list(tags))


def purge_public_pages() -> None:
    """Retire every cached public page (a change that shows on all of them)."""
    purge_tags(SITE, scheduled=True)


def purge_story(story: Story) -> None:
    """Retire the pages a story appears on: its own, its section's, its agencies', those of
    its other languages (which link to it), the latest lists and search; the other stories'
    pages stay cached."""
    from .provenance import alternate_slugs, credited_agency_slugs  # they import the models

    tags = [story_tag(story.slug), LATEST, SEARCH]
    tags += [story_tag(slug) for slug in alternate_slugs(story)]
    if story.section_id:
        tags.append(
            section_tag(Section.objects.values_list("slug", flat=True).get(pk=story.section_id))
        )
    tags += [agency_tag(slug) for slug in credited_agency_slugs(story)]
    purge_tags(*tags, scheduled=story.is_scheduled)


def next_scheduled_at() -> float:
    """When the next scheduled story goes live (a timestamp, 0 for none).

    Cached; the database is asked again once that time has passed, which is when the answer
    changes, or when a story is scheduled.
    """
    known = cache.get(NEXT_SCHEDULED_KEY)
    if known is not None and (known == 0 or known > time.time()):
        return known
    upcoming = Story.objects.scheduled().order_by("publish_at").values_list("publish_at")[:1]
    when = upcoming[0][0].timestamp() if upcoming else 0
    cache.set(NEXT_SCHEDULED_KEY, when, timeout=None)
    return when


def cached_for_site[T](key: str, load: Callable[[], T]) -> T:
    """What `load` returns, kept until the site is purged: reference data that public pages
    read on every request (an agency's row on its list). One cache round trip on a hit; what
    `load` raises is not kept."""
    site_key = TAG_KEY.format(tag=SITE)
    found = cache.get_many([key, site_key])
    version = found.get(site_key)
    if version is not None and key in found and found[key][0] == version:
        return found[key][1]
    version = version or tag_version(SITE)
    value = load()
    cache.set(key, (version, value), timeout=None)
    return value


def public_sections() -> list[Section]:
    """The sections in site order, cached until the site is purged (navigation, home)."""
    return cached_for_site(SECTIONS_KEY, lambda: list(Section.objects.all()))


@dataclass(frozen=True)
class CachedPage:
    versions: dict[str, str]
    until: float  # 0: until purged; else a timestamp (the next scheduled publication)
    response: HttpResponse

    def serves(self, versions: dict[str, str]) -> bool:
        return self.versions == versions and (self.until == 0 or time.time() < self.until)


def _page_key(request: HttpRequest) -> str:
    # HEAD is answered from the GET's page; nothing else of the request changes the page.
    return PAGE_KEY.format(digest=hashlib.md5(request.get_full_path().encode()).hexdigest())


def _cache_control(response: HttpResponse, tags: list[str]) -> None:
    patch_response_headers(response, settings.PUBLIC_MAX_AGE)
    patch_cache_control(response, public=True)
    if settings.PUBLIC_SHARED_MAX_AGE:
        patch_cache_control(
            response,
            s_maxage=settings.PUBLIC_SHARED_MAX_AGE,
            stale_while_revalidate=settings.PUBLIC_STALE_WHILE_REVALIDATE,
        )
    if settings.PUBLIC_MAX_AGE == 0:
        patch_cache_control(response, must_revalidate=True)
    # Percent-encoded: a story's slug may be in any script, a header only in Latin-1.
    tags = [quote(tag, safe=":") for tag in tags]
    response.headers["Surrogate-Key"] = " ".join(tags)
    response.headers["Cache-Tag"] = ",".join(tags)


def public_response[**P](
    view: Callable[P, HttpResponse],
    *,
    dated: bool = False,
    tags: Iterable[str] = (LATEST,),
    scheduled: bool = True,
) -> Callable[P, HttpResponse]:
    """Serve a public view from the page cache, tagged `site` and `tags` (formatted with the
    URL's arguments: "story:{slug}"). A `scheduled` page (a list) is kept only until the next
    scheduled publication.

    Responses carry Cache-Control (settings.PUBLIC_MAX_AGE for browsers, PUBLIC_SHARED_MAX_AGE
    and PUBLIC_STALE_WHILE_REVALIDATE for shared caches), surrogate keys, an ETag and, where
    the view sets it, a Last-Modified derived from the data; a conditional request that
    matches answers 304 Not Modified.

    Only `dated` views (one story) keep a Last-Modified. A list's date cannot say that a story
    left it (a withdrawal makes the list older, not newer), so lists revalidate by ETag alone.
    """
    tag_templates = (SITE, *tags)

    def finish(response: HttpResponse, page_tags: list[str]) -> HttpResponse:
        if hasattr(response, "render") and not response.is_rendered:
            response = response.render()
        if not dated and response.has_header("Last-Modified"):
            del response["Last-Modified"]
        _cache_control(response, page_tags)
        if not response.has_header("ETag"):
            set_response_etag(response)
        return response

    def served(
        request: HttpRequest, page_tags: list[str], render: Callable[[], HttpResponse]
    ) -> HttpResponse:
        page_key = _page_key(request)
        tag_keys = {tag: TAG_KEY.format(tag=tag) for tag in page_tags}
        found = cache.get_many([page_key, *tag_keys.values()])
        page = found.get(page_key)
        versions = {tag: found.get(key) for tag, key in tag_keys.items()}
        if page is not None and page.serves(versions):
            return page.response
        # Read before rendering: a page never outlives what it was rendered with.
        until = next_scheduled_at() if scheduled else 0
        if None in versions.values():
            versions = tag_versions(page_tags)
        response = finish(render(), page_tags)
        # A page that knows when it changes by itself (a story's next other language).
        until = min(filter(None, (until, getattr(response, "cache_until", 0))), default=0)
        if response.status_code == 200 and not response.streaming:
            cache.set(
                page_key, CachedPage(versions, until, response), settings.PUBLIC_CACHE_SECONDS
            )
        return response

    @wraps(view)
    def cached(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        page_tags = [tag.format(**kwargs) for tag in tag_templates]
        if request.method not in ("GET", "HEAD"):
            response = view(request, *args, **kwargs)
            _cache_control(response, page_tags)
            return response
        if settings.PUBLIC_CACHE_SECONDS > 0:
            response = served(request, page_tags, lambda: view(request, *args, **kwargs))
        else:
            # Nothing is kept, so nothing is looked up.
            response = finish(view(request, *args, **kwargs), page_tags)
        if not any(header in request.META for header in CONDITIONAL_HEADERS):
            return response  # most requests: nothing to compare
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )

    return cached


def set_last_modified(response: HttpResponse, when: datetime | None) -> HttpResponse:
    if when is not None:
        response.headers["Last-Modified"] = http_date(when.timestamp())
    return response
