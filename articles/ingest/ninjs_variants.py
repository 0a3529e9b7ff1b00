"""ninjs as producers really send it: API envelopes, ninjs 1.x, producer keys, non-story items.

Official ninjs 2.x/3.x documents are validated strictly (:mod:`.ninjs`). Real feeds mostly send
something else, which is read leniently, with a warning the desk sees on the wire story:

Envelopes
    An API response wrapping the items is unwrapped, however deep: ``{"data": [...]}``,
    ``{"items": [...]}``, BBC's ``{"total", "limit", "offset", "item": [...]}``, the AP Media
    API's ``{"api_version", "data": {"item": {...}}}``, and ``results`` / ``hits``.

Producer variants (ninjs 1.x and CMS exports such as Superdesk's)
    A document is a variant when it has ``guid`` or ``id`` but no ``uri``, or uses 1.x's flat
    keys (``guid``, ``headline``, ``body_html``, ``body_text``, ``description_text``,
    ``byline``, ``slugline``), or came in an envelope. It is validated against the schema it
    would be; when it does not validate it is read anyway: ``guid`` (else ``id``,
    ``altids.itemid``) stands for ``uri``, ``byline`` for ``by``, ``source`` for the agency.
    Keys the product does not read are listed in the warning: nothing is dropped silently.

Items that are not stories (:class:`~articles.ingest.base.SkippedItem`)
    ``type`` advisory, planning or event (planning advisories), composite or package (packages
    of references to other items), and picture, graphic, video or audio items with no text of
    their own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import schemas
from .base import ParseError, SkippedItem

_ENVELOPE_KEYS = ("data", "items", "item", "results", "hits")
_ITEM_KEYS = frozenset(
    {"uri", "guid", "headline", "headlines", "bodies", "body_html", "body_text", "versioncreated"}
)
_FLAT_KEYS = frozenset(
    {"guid", "headline", "body_html", "body_text", "description_text", "byline", "slugline"}
)
# What the product reads from a variant; the rest is listed in the warning.
_READ_KEYS = frozenset(
    {
        *("uri", "guid", "id", "type", "version", "versioncreated", "firstcreated", "embargoed"),
        *("pubstatus", "language", "headline", "headlines", "title", "bodies", "body_html"),
        *("body_text", "descriptions", "description_text", "description_html", "by", "byline"),
        *("located", "infosources", "copyrightholder", "source", "altids", "ednote", "contactinfo"),
        *("slugline", "urgency", "priority", "subject", "place", "genre", "service", "keywords"),
        *("copyrightnotice", "usageterms", "standard", "$schema", "profile", "signals"),
    }
)
_NOT_STORIES = {
    "advisory": "a planning advisory",
    "planning": "a planning item",
    "event": "an event (planning) item",
    "composite": "a package of references to other items",
    "package": "a package of references to other items",
}
_PACKAGES = frozenset({"composite", "package"})  # a press release with pictures has a body
_MEDIA_TYPES = frozenset({"picture", "graphic", "video", "audio"})


@dataclass
class Candidate:
    document: Any
    location: str  # "", "item 3", "data.item"
    envelope: str  # "" or the path unwrapped, e.g. "data.item"


def unwrap(document: Any) -> Iterator[Candidate]:
    """The items of a file: one object, an array, or an API envelope around either."""
    path: list[str] = []
    while isinstance(document, dict) and not (_ITEM_KEYS & document.keys()):
        key = next((k for k in _ENVELOPE_KEYS if k in document), None)
        if key is None:
            break
        path.append(key)
        document = document[key]
    envelope = ".".join(path)
    if isinstance(document, list):
        for number, item in enumerate(document, start=1):
            yield Candidate(item, f"item {number}", envelope)
    else:
        yield Candidate(document, envelope, envelope)


def not_a_story(document: Mapping[str, Any]) -> SkippedItem | None:
    """A reason to pass over an item that is well-formed but no story to translate."""
    kind = str(document.get("type") or "").strip().casefold()
    headline = document.get("headline") or document.get("title") or document.get("uri") or ""
    label = f" ({str(headline)[:60]})" if headline else ""
    if kind in _NOT_STORIES and not (kind in _PACKAGES and _has_text(document)):
        return SkippedItem(f"{_NOT_STORIES[kind]}{label}, no story to translate")
    if kind in _MEDIA_TYPES and not _has_text(document):
        return SkippedItem(f"a {kind} item with no text of its own{label}")
    return None


def _has_text(document: Mapping[str, Any]) -> bool:
    keys = {key.lower() for key in document}
    return bool(keys & {"bodies", "body_html", "body_text", "descriptions", "description_text"})


def is_variant(document: Mapping[str, Any], *, envelope: str) -> bool:
    # Without uri, guid or id it is no variant but an official document missing its uri: the
    # schema's error says that best.
    keys = {key.lower() for key in document}
    no_uri_but_an_id = "uri" not in keys and bool(keys & {"guid", "id"})
    return bool(envelope) or no_uri_but_an_id or bool(keys & _FLAT_KEYS)


def variant_warnings(document: Mapping[str, Any], *, envelope: str) -> list[str]:
    """Validate as the schema it would be, and say how the variant is read instead."""
    warnings = []
    if envelope:
        warnings.append(f"unwrapped from an API envelope ({envelope})")
    version = schemas.detect_version(document)
    try:
        schemas.validate(document, version)
    except ParseError as error:
        warnings.append(f"not valid ninjs {version}, read leniently: {error}")
    keys = {key.lower(): key for key in document}
    if "uri" not in keys:
        stand_in = next((k for k in ("guid", "id") if k in keys), "altids.itemid")
        warnings.append(f"no uri: {stand_in} is the identifier")
    unread = sorted(key for lower, key in keys.items() if lower not in _READ_KEYS)
    if unread:
        more = f" and {len(unread) - 10} more" if len(unread) > 10 else ""
        warnings.append(f"producer keys not read: {', '.join(unread[:10])}{more}")
    return warnings


def variant_identifier(document: Mapping[str, Any]) -> str:
    lowered = {key.lower(): value for key, value in document.items()}
    for key in ("uri", "guid", "id"):
        if isinstance(lowered.get(key), (str, int)) and str(lowered[key]).strip():
            return str(lowered[key]).strip()
    altids = lowered.get("altids")
    if isinstance(altids, Mapping) and isinstance(altids.get("itemid"), str):
        return altids["itemid"].strip()
    return ""


def renditions_only(document: Mapping[str, Any]) -> str:
    """For an item whose text is only in downloadable renditions, which ones (else "")."""
    renditions = document.get("renditions")
    if isinstance(renditions, Mapping) and not _has_text(document):
        return ", ".join(sorted(renditions))
    return ""
