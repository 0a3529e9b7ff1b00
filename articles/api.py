"""The read-only ninjs API of live stories: /api/ninjs/<version>/stories/[<slug>/].

Plain Django views: two read-only JSON endpoints need no framework. The version is chosen by
the URL or, on /api/ninjs/stories/, by ?version= (default: the latest, 3.1). The list takes the
filters of the public lists (articles.filters) and ?page= (next/previous links, no total); its
items are partial (no bodies: each item's full text is at its own URL) unless ?body=1.
"""

from datetime import datetime
from functools import partial

from django.conf import settings
from django.db.models import QuerySet, prefetch_related_objects
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from .cache import set_last_modified
from .filters import StoryFilterSet
from .fragments import StoryRow, fragment_rows, story_fragments
from .models import Story, StoryStatus
from .ninjs import LATEST, VERSIONS, ninjs
from .prepared import PreparedRows
from .provenance import date_modified, show_paragraph_provenance, story_prefetch, with_provenance
from .site import absolute_url

JSON_PARAMS = {"ensure_ascii": False}


def _errors(errors: dict[str, list[str]], status: int = 400) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status, json_dumps_params=JSON_PARAMS)


def _version(request: HttpRequest, version: str | None) -> str | None:
    version = version or request.GET.get("version") or LATEST
    return version if version in VERSIONS else None


def _version_error() -> JsonResponse:
    return _errors({"version": [f"Choose one of {', '.join(VERSIONS)}."]})


MAX_PAGE = 999_999


def story_list(request: HttpRequest, version: str | None = None) -> JsonResponse:
    chosen = _version(request, version)
    if chosen is None:
        return _version_error()
    filterset = StoryFilterSet(request.GET, queryset=Story.objects.all())
    if not filterset.is_valid():
        return _errors(filterset.error_messages)
    # Each item comes from its fragment (articles.fragments): the list reads what keys them.
    if filterset.narrowed():
        stories = fragment_rows(
            filterset.filter_queryset(Story.objects.live()).order_by("-publish_at", "-pk")
        )
    else:
        # The latest stories: the same statement on every request but for its time.
        stories = PreparedRows("ninjs:latest", latest_rows, row=StoryRow)
    # Pages without a total count: one row beyond the page says whether another follows, and
    # the query a count would cost stays within the list budget.
    size = settings.PAGINATE_BY
    number = request.GET.get("page") or "1"
    # Six digits at most: a larger number is past any list, and too large for the database.
    if not number.isdigit() or not 1 <= int(number) <= MAX_PAGE:
        return _errors({"page": ["Enter a page number: 1, 2, 3…"]})
    body = request.GET.get("body") or "0"
    if body not in ("0", "1"):
        return _errors({"body": ["Enter 1 for the full text of each story, or 0."]})
    body = body == "1"
    number = int(number)
    items = list(stories[(number - 1) * size : number * size + 1])
    if number > 1 and not items:
        return _errors({"page": [f"Page {number} is past the last story."]})
    has_next, items = len(items) > size, items[:size]
    items = story_fragments(
        f"ninjs:{chosen}:{'body' if body else 'lean'}",
        items,
        partial(ninjs_items, version=chosen, body=body),
    )

    def page_url(page: int) -> str:
        query = request.GET.copy()
        query["page"] = str(page)
        return absolute_url(f"{request.path}?{query.urlencode()}")

    response = JsonResponse(
        {
            "version": chosen,
            "page": number,
            "next": page_url(number + 1) if has_next else None,
            "previous": page_url(number - 1) if number > 1 else None,
            "items": [item for item in items if item is not None],
        },
        json_dumps_params=JSON_PARAMS,
    )
    return response


def latest_rows(at: datetime) -> QuerySet:
    return fragment_rows(Story.objects.live(at).order_by("-publish_at", "-pk"))


def ninjs_items(stories: list[StoryRow], *, version: str, body: bool) -> list[dict]:
    """The list items of these stories, in order, in a query for each kind of row."""
    found = with_provenance(Story.objects.filter(pk__in=[story.pk for story in stories]))
    found = found.in_bulk()
    prefetch_related_objects(list(found.values()), *story_prefetch(body=body))
    per_paragraph = bool(found) and show_paragraph_provenance(next(iter(found.values())))
    return [
        # A story deleted since the list was read is left out.
        ninjs(found[story.pk], version, per_paragraph=per_paragraph, body=body)
        if story.pk in found
        else None
        for story in stories
    ]


def story_detail(request: HttpRequest, slug: str, version: str | None = None) -> JsonResponse:
    chosen = _version(request, version)
    if chosen is None:
        return _version_error()
    story = with_provenance((Story.objects.live() | Story.objects.gone()).filter(slug=slug)).first()
    if story is None:
        return _errors({"slug": ["No live story has this slug."]}, status=404)
    if story.status == StoryStatus.WITHDRAWN:
        # As the page does: the address stays, and says the story is gone and why.
        return JsonResponse(
            {
                "uri": absolute_url(reverse("articles:story", kwargs={"slug": slug})),
                "withdrawn_at": story.withdrawn_at.isoformat(),
                "withdrawal_note": story.withdrawal_note,
            },
            status=410,
            json_dumps_params=JSON_PARAMS,
        )
    prefetch_related_objects([story], *story_prefetch())
    item = ninjs(story, chosen, per_paragraph=show_paragraph_provenance(story))
    response = JsonResponse(item, json_dumps_params=JSON_PARAMS)
    return set_last_modified(response, date_modified(story))
