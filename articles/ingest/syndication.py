"""RSS 2.0, RSS 1.0 and Atom feeds, read by feedparser: each entry is one wire story.

Agencies publish their wire as feeds too; an entry is a story, the feed itself is only the
envelope. Entity declarations are refused before feedparser sees the bytes
(:func:`articles.ingest.xmlsafe.refuse_entity_declarations`); otherwise feedparser's leniency is
kept, since real feeds are often not quite well-formed. A document feedparser cannot read as a
feed at all is one ParseError for the file.

Mapping of an entry to ParsedItem
    ==============  ==============================================================================
    guid            ``<guid>`` / Atom ``<id>``, else ``<link>``; neither: ParseError for the entry
    headline        ``<title>``, reduced to text
    paragraphs      the entry's full content (``content:encoded``, Atom ``<content>``), else
                    ``<description>`` / ``<summary>``, HTML reduced to paragraphs by
                    :mod:`articles.ingest.bodies` (scripts, styles and embedded media dropped). An
                    entry with a title but no text is skipped: the story is only on its web page.
    summary         ``<description>`` / ``<summary>`` when the full content is given as well
    byline          ``<dc:creator>`` / ``<author>``; it is also an inline credit candidate, kept
                    only if it names a known agency (a person's name resolves to nothing)
    credits         ``<source>`` (the channel the item came from): an explicit original_reporter
                    credit; then the dateline tag, closing credit line and inline lede credits of
                    the body, as for plain text
    language        the entry's ``xml:lang``, else the channel's ``<language>``, else the caller's
    sent_at         ``<updated>``, else ``<pubDate>`` / ``<published>`` (UTC)
    source_url      ``<link>``
    agency_name     the channel's ``dc:publisher`` / author, else its title (a hint only)
    raw             the entry as read, JSON with sorted keys: the feed file holds many entries,
                    and one changed entry must not make new versions of the others
    ==============  ==============================================================================
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import UTC, datetime
from typing import Any

import feedparser

from .base import (
    MAX_GUID_LENGTH,
    MAX_HEADLINE_LENGTH,
    CreditRole,
    ParsedCredit,
    ParsedItem,
    ParseError,
    ParseResult,
    SkippedItem,
    clean_text,
    looks_like_markup,
)
from .bodies import html_paragraphs, text_paragraphs
from .body_credits import take_body_credits
from .credits import dedupe_credits
from .registry import register
from .xmlsafe import refuse_entity_declarations

FORMAT = "rss"
_ATOM = b"http://www.w3.org/2005/Atom"
_ROOT = re.compile(rb"<(?:rss|rdf:RDF|(?:[\w.-]+:)?feed)[\s>]")
_MEDIA_TYPES = ("image/", "video/", "audio/")


class SyndicationParser:
    name = FORMAT

    def sniff(self, data: bytes, filename: str) -> bool:
        head = data[:4096]
        match = _ROOT.search(head)
        if not looks_like_markup(data) or match is None:
            return False
        return not match.group().lstrip(b"<").split(b":")[-1].startswith(b"feed") or _ATOM in head

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list[ParseResult]:
        return parse_feed(data, language=language)


def parse_feed(data: bytes, *, language: str = "") -> list[ParseResult]:
    """Every entry of the feed, parsed, skipped with its reason, or as its ParseError."""
    try:
        refuse_entity_declarations(data)
    except ParseError as error:
        return [error]
    try:
        document = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except (UnicodeError, ValueError, OverflowError) as error:
        # feedparser turns character references into text itself, and one naming no character
        # ("&#xD800;", a surrogate; "&#99999999999;") escapes it as this.
        return [ParseError(f"not a readable RSS or Atom feed: {error}")]
    if not document.get("version") and not document.entries:
        reason = document.get("bozo_exception") or "no RSS or Atom root element"
        return [ParseError(f"not a readable RSS or Atom feed: {reason}")]
    channel = document.feed
    feed_language = clean_text(channel.get("language", ""))
    results: list[ParseResult] = []
    for number, entry in enumerate(document.entries, start=1):
        where = f"entry {number}"
        try:
            result = parse_entry(entry, channel, language=feed_language or language)
        except ParseError as error:
            results.append(ParseError(error.message, where=where))
            continue
        if isinstance(result, SkippedItem):
            results.append(SkippedItem(result.reason, where=where))
        else:
            result.location = where
            results.append(result)
    return results


def parse_entry(entry: Any, channel: Any, *, language: str = "") -> ParsedItem | SkippedItem:
    """Map one feedparser entry; raises ParseError."""
    guid = clean_text(entry.get("id") or entry.get("link") or "")
    if not guid:
        raise ParseError("no <guid>, <id> or <link>: the entry cannot be told apart from others")
    if len(guid) > MAX_GUID_LENGTH:
        raise ParseError(f"guid: {len(guid)} characters, the limit is {MAX_GUID_LENGTH}")
    headline = _html_text(entry.get("title_detail") or {"value": entry.get("title", "")})
    if not headline:
        raise ParseError(f"no <title>: entry {guid} has no headline")
    if len(headline) > MAX_HEADLINE_LENGTH:
        raise ParseError(f"title is {len(headline)} characters, the limit is {MAX_HEADLINE_LENGTH}")
    contents = [c for c in entry.get("content", []) if _paragraphs(c)]
    description = entry.get("summary_detail") or {}
    body_source = contents[0] if contents else description
    paragraphs = _paragraphs(body_source) if body_source else []
    if not paragraphs:
        if any(_is_media(link) for link in entry.get("links", [])):
            return SkippedItem(f"{guid} is a picture, video or audio entry with no text")
        return SkippedItem(f"{guid} has a title but no text: the story is only on its web page")
    if len(paragraphs) > 1 and paragraphs[0].casefold() == headline.casefold():
        del paragraphs[0]
    body = take_body_credits(paragraphs)
    author = clean_text(entry.get("author", ""))
    return ParsedItem(
        format=FORMAT,
        guid=guid,
        headline=headline,
        paragraphs=paragraphs,
        raw=_raw(entry),
        language=clean_text(body_source.get("language") or "") or language,
        summary=" ".join(_paragraphs(description)) if contents and description else "",
        byline=author,
        dateline=body.dateline,
        credit_line=body.credit_line,
        credits=dedupe_credits([*_source_credits(entry), *body.credits, *_author_credits(author)]),
        agency_name=clean_text(
            channel.get("publisher") or channel.get("author") or channel.get("title") or ""
        ),
        # dict.get: FeedParserDict.get maps a missing "updated" to "published", with a warning.
        sent_at=_datetime(dict.get(entry, "updated_parsed") or dict.get(entry, "published_parsed")),
        source_url=entry.get("link", "") if entry.get("link", "").startswith("http") else "",
    )


def _html_text(detail: Any) -> str:
    return " ".join(_paragraphs(detail))


def _paragraphs(detail: Any) -> list[str]:
    value = detail.get("value") or ""
    kind = detail.get("type") or ""
    if "html" in kind or value.lstrip().startswith("<"):
        return html_paragraphs(value)
    return text_paragraphs(value)


def _is_media(link: Any) -> bool:
    return link.get("rel") == "enclosure" and (link.get("type") or "").startswith(_MEDIA_TYPES)


def _source_credits(entry: Any) -> list[ParsedCredit]:
    source = entry.get("source") or {}
    name = clean_text(source.get("title") or "")
    return [ParsedCredit(name, CreditRole.ORIGINAL_REPORTER, True, "<source>")] if name else []


def _author_credits(author: str) -> list[ParsedCredit]:
    # Last, so that an explicit credit of the same name (a dateline tag) wins the dedupe.
    return (
        [ParsedCredit(author, CreditRole.ORIGINAL_REPORTER, False, "<dc:creator>")]
        if author
        else []
    )


def _datetime(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _raw(entry: Any) -> bytes:
    keys = ("id", "link", "title", "summary", "content", "author", "source", "published", "updated")
    read = {key: dict.get(entry, key) for key in keys if dict.__contains__(entry, key)}
    return json.dumps(read, ensure_ascii=False, sort_keys=True, default=str).encode()


register(SyndicationParser())
