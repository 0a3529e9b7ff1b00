"""The public page cache: one version number that every cached public response is keyed on.

Purging bumps the version, so every worker (and every Redis-backed cache user) stops serving
old pages at once, without having to know which keys a story appeared under. A scheduled story
needs no purge: the key also carries the next scheduled publish time, so the first request
after that time misses the cache and the story appears on the minute, with no job running.
"""

from collections.abc import Callable
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_response_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.cache import cache_page

from .models import Story

VERSION_KEY = "public-pages:version"
NEXT_SCHEDULED_KEY = "public-pages:next-scheduled:{version}"


def public_cache_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def next_scheduled_at(version: int) -> float:
    """When the next scheduled story goes live (a timestamp, 0 for none), cached per version.

    Asked of the database again once that time has passed, which is when the answer changes.
    """
    key = NEXT_SCHEDULED_KEY.format(version=version)
    cached = cache.get(key)
    if cached is not None and (cached == 0 or cached > timezone.now().timestamp()):
        return cached
    upcoming = Story.objects.scheduled().order_by("publish_at").values_list("publish_at")[:1]
    when = upcoming[0][0].timestamp() if upcoming else 0
    cache.set(key, when, timeout=None)
    return when


def public_cache_prefix() -> str:
    version = public_cache_version()
    return f"public-v{version}-{next_scheduled_at(version):.0f}"


def purge_public_pages() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def public_response[**P](
    view: Callable[P, HttpResponse], *, dated: bool = False
) -> Callable[P, HttpResponse]:
    """Serve a public view from the page cache, keyed on the current public cache version.

    A purge bumps the version, so the next request misses and renders afresh: a withdrawn or
    unpublished story is never served from this cache. Responses carry Cache-Control and
    Expires (settings.PUBLIC_MAX_AGE), an ETag and, where the view sets it, a Last-Modified
    derived from the data; a conditional request that matches answers 304 Not Modified.

    Only `dated` views (one story) keep a Last-Modified. A list's date cannot say that a story
    left it (a withdrawal makes the list older, not newer), so lists revalidate by ETag alone.
    """

    @wraps(view)
    def with_headers(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not dated and response.has_header("Last-Modified"):
            del response["Last-Modified"]
        patch_response_headers(response, settings.PUBLIC_MAX_AGE)
        patch_cache_control(response, public=True)
        if settings.PUBLIC_MAX_AGE == 0:
            patch_cache_control(response, must_revalidate=True)
        return response

    @wraps(view)
    def cached(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        page = cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix=public_cache_prefix())(
            with_headers
        )
        response = page(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response = response.render()
        # Done here rather than with @conditional_page: a TemplateResponse coming out of the
        # cache is already rendered, and the decorator would drop the 304 it computes for it.
        if request.method not in ("GET", "HEAD") or response.streaming:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
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
