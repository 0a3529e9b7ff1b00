"""IPTC NewsML-G2: news items as agencies deliver them in XML.

A file holds one item (``newsItem``, ``packageItem``...) or a ``newsMessage`` whose ``itemSet``
holds several; each item becomes one result (``where="item N (line L)"``), so a bad item does not
cost the good ones. The XML is read by :mod:`articles.ingest.xmlsafe` (no entities, no network, no
DOCTYPE). Only elements in the NewsML-G2 namespace are read; agency extensions are ignored.

Not stories, skipped with their reason
    ``packageItem`` (references to other items), ``planningItem`` (coverage to come),
    ``knowledgeItem``, ``conceptItem`` and ``catalogItem`` (vocabularies), and a ``newsItem`` whose
    ``itemClass`` is a picture, graphic, video or audio (``ninat:picture``...) or that carries no
    inline text, only remote media.

Mapping of a text newsItem to ParsedItem
    ==============  ==============================================================================
    guid            ``@guid`` (at most 255 characters)
    agency_version  ``@version``, followed by the signal when it is a correction or an update:
                    ``"3 (correction)"``. A new delivery of a guid becomes our next version anyway.
    pub_status      ``itemMeta/pubStatus/@qcode`` (``stat:usable``, ``stat:withheld``,
                    ``stat:canceled``); default usable. A cancel notice may come without headline
                    or text: the ingest service then keeps the text of the version it cancels.
    sent_at         ``itemMeta/versionCreated``, else ``firstCreated``; embargo_until:
                    ``itemMeta/embargoed``. A date-time without offset is taken as UTC.
    headline        ``contentMeta/headline`` without a role (or role ``main``), else the first
    language        ``contentMeta/language/@tag``, else the item's ``xml:lang``, else the caller's
    summary         ``contentMeta/description`` with no role or a summary/abstract role
    byline          ``contentMeta/by``
    dateline        the dateline tag opening the body ("London (dpa) -"), else
                    ``contentMeta/dateline`` less its agency tag and trailing dash, else
                    ``contentMeta/located/name`` or ``@literal``
    credit_line     ``contentMeta/creditline``, else a credit line closing the body
    credits         ``contentMeta/infoSource`` by role (no role or an originating role: original
                    reporter; a distributing role: distributed_by; other roles such as a source
                    of data are skipped), named by its ``name``, ``@literal`` or QCode code. When
                    there is none, the names in ``creditline`` are explicit original_reporter
                    credits. Then the body's dateline tag, closing credit line and inline lede
                    credits, as for plain text.
    agency_name     ``itemMeta/provider`` (literal, QCode code or name), else the copyright holder
    paragraphs      ``contentSet``: the first ``inlineXML`` (NITF: ``body.content``; XHTML: the
                    ``body`` less its ``header``) or ``inlineData`` (text/plain; HTML inside it is
                    read as HTML) that yields text. In a plain-text body, a line indented by two
                    or more spaces starts a paragraph (the teletype convention some agencies keep).
                    A text item with a headline and no text is a flash: its headline is its one
                    paragraph.
    raw             the file's bytes for a lone item; the item's own XML inside a newsMessage
    ==============  ==============================================================================
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from lxml import etree

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
from .credits import credit_chain, dedupe_credits
from .ninjs import infosource_role
from .registry import register
from .xmlsafe import local_name, parse_xml, without_namespaces

FORMAT = "newsml-g2"
NAR = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ITEM_ELEMENTS = ("newsItem", "packageItem", "planningItem", "knowledgeItem", "conceptItem")
_ROOT = re.compile(
    rb"<(?:[\w.-]+:)?(?:newsMessage|catalogItem|" + "|".join(_ITEM_ELEMENTS).encode() + rb")[\s>/]"
)
_NOT_STORIES = {
    "packageItem": "a package item: references to other items, no story of its own",
    "planningItem": "a planning item: news coverage and events to come, no story",
    "knowledgeItem": "a knowledge item: concepts for a vocabulary, no story",
    "conceptItem": "a concept item: one concept of a vocabulary, no story",
    "catalogItem": "a catalog item: scheme definitions, no story",
}
_MEDIA_CLASSES = frozenset({"picture", "photo", "graphic", "video", "audio", "animation"})
_STATUSES = {"usable": "usable", "withheld": "withheld", "canceled": "canceled"}
_SIGNAL_LABELS = ("correction", "update")
_SUMMARY_ROLES = ("", "summary", "abstract")
# Paragraphs by indentation: a newline followed by 2+ spaces or a tab, then text.
_INDENTED_LINE = re.compile(r"\n(?=(?: {2,}|\t)\S)")


class NewsMLG2Parser:
    name = FORMAT

    def sniff(self, data: bytes, filename: str) -> bool:
        head = data[:4096]
        return looks_like_markup(data) and NAR.encode() in head and _ROOT.search(head) is not None

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list[ParseResult]:
        return parse_newsml_g2(data, language=language)


def parse_newsml_g2(data: bytes, *, language: str = "") -> list[ParseResult]:
    """Every item of the file: parsed, skipped with its reason, or the ParseError stopping it."""
    try:
        root = parse_xml(data)
    except ParseError as error:
        return [error]
    if etree.QName(root).namespace != NAR.rstrip("/") + "/":
        return [ParseError(f"<{local_name(root)}> is not in the NewsML-G2 namespace {NAR}")]
    if local_name(root) != "newsMessage":
        return [_item_result(root, raw=data, where="", language=language)]
    items = [child for child in _children(root, "itemSet") for child in child]
    if not items:
        return [ParseError("the newsMessage has no items (no itemSet, or an empty one)")]
    return [
        _item_result(
            item,
            raw=etree.tostring(item, encoding="utf-8"),
            where=f"item {number} (line {item.sourceline})",
            language=language,
        )
        for number, item in enumerate(items, start=1)
    ]


def _item_result(item: etree._Element, *, raw: bytes, where: str, language: str) -> ParseResult:
    try:
        result = parse_item(item, raw=raw, language=language)
    except ParseError as error:
        return ParseError(error.message, where=", ".join(filter(None, (where, error.where))))
    if isinstance(result, SkippedItem):
        return SkippedItem(result.reason, where=where)
    result.location = where
    return result


# --- one item -------------------------------------------------------------------------------


def _q(name: str) -> str:
    return f"{{{NAR}}}{name}"


def _children(parent: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if parent is None else parent.findall(_q(name))


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    return None if parent is None else parent.find(_q(name))


def _text(element: etree._Element | None) -> str:
    return "" if element is None else clean_text("".join(element.itertext()))


def _attribute(element: etree._Element | None, name: str) -> str:
    return "" if element is None else (element.get(name) or "").strip()


def _code(qcode: str) -> str:
    """The code part of a QCode: ``stat:usable`` -> ``usable``."""
    return qcode.rpartition(":")[2].strip()


def _name(element: etree._Element | None) -> str:
    """A party's name: its ``name`` child, else ``@literal``, else its QCode's code."""
    if element is None:
        return ""
    return (
        _text(_child(element, "name"))
        or (element.get("literal") or "").strip()
        or _code(element.get("qcode") or "")
    )


def parse_item(item: etree._Element, *, raw: bytes, language: str = "") -> ParsedItem | SkippedItem:
    """Map one G2 item; raises ParseError naming the element and its line."""
    kind = local_name(item)
    if kind in _NOT_STORIES:
        return SkippedItem(_NOT_STORIES[kind])
    if kind != "newsItem":
        raise ParseError(f"<{kind}> is not a NewsML-G2 item")
    guid = (item.get("guid") or "").strip()
    if not guid:
        raise ParseError("the newsItem has no guid attribute")
    if len(guid) > MAX_GUID_LENGTH:
        raise ParseError(f"guid: {len(guid)} characters, the limit is {MAX_GUID_LENGTH}")
    meta = _child(item, "itemMeta")
    if meta is None:
        raise ParseError(f"newsItem {guid} has no itemMeta")
    item_class = _code(_attribute(_child(meta, "itemClass"), "qcode")).casefold()
    if item_class in _MEDIA_CLASSES:
        return SkippedItem(f"a {item_class} item ({guid}): no text to translate")
    pub_status = _pub_status(meta)
    content = _child(item, "contentMeta")
    headline = _headline(content)
    paragraphs = _content_paragraphs(_child(item, "contentSet"), guid)
    if paragraphs is None:
        return SkippedItem(f"{guid} carries only remote media, no text to translate")
    if not headline and pub_status != "canceled":
        raise ParseError(f"no headline: newsItem {guid} has no contentMeta/headline")
    if not paragraphs and headline and pub_status != "canceled":
        paragraphs = [headline]  # a flash: the headline is the whole story
    if len(paragraphs) > 1 and paragraphs[0].casefold() == headline.casefold():
        del paragraphs[0]
    tag_credits = _take_meta_dateline(content, paragraphs)
    body = take_body_credits(paragraphs)
    infosource_credits = _infosource_credits(content)
    credit_line = _text(_child(content, "creditline"))
    line_credits = (
        credit_chain(
            credit_line, CreditRole.ORIGINAL_REPORTER, explicit=True, where="contentMeta/creditline"
        )
        if credit_line and not infosource_credits
        else []
    )
    return ParsedItem(
        format=FORMAT,
        guid=guid,
        headline=headline,
        paragraphs=paragraphs,
        raw=raw,
        language=_language(item, content) or language,
        summary=_summary(content),
        byline=_text(_child(content, "by")),
        dateline=body.dateline or _meta_dateline(content),
        credit_line=credit_line or body.credit_line,
        credits=dedupe_credits([*infosource_credits, *line_credits, *tag_credits, *body.credits]),
        agency_name=_agency_name(item, meta),
        agency_version=_agency_version(item, meta),
        sent_at=_datetime(meta, "versionCreated") or _datetime(meta, "firstCreated"),
        embargo_until=_datetime(meta, "embargoed"),
        pub_status=pub_status,
    )


def _pub_status(meta: etree._Element) -> str:
    element = _child(meta, "pubStatus")
    if element is None:
        return "usable"
    qcode = element.get("qcode") or ""
    status = _STATUSES.get(_code(qcode).casefold())
    if status is None:
        raise ParseError(
            f"itemMeta/pubStatus {qcode!r} is none of stat:usable, stat:withheld, stat:canceled",
            where=f"line {element.sourceline}",
        )
    return status


def _headline(content: etree._Element | None) -> str:
    headlines = _children(content, "headline")
    chosen = next(
        (h for h in headlines if _code(h.get("role") or "").casefold() in {"", "main"}),
        next(iter(headlines), None),
    )
    headline = _text(chosen)
    if len(headline) > MAX_HEADLINE_LENGTH:
        raise ParseError(
            f"headline is {len(headline)} characters, the limit is {MAX_HEADLINE_LENGTH}",
            where=f"line {chosen.sourceline}",
        )
    return headline


def _language(item: etree._Element, content: etree._Element | None) -> str:
    for element in _children(content, "language"):
        if tag := (element.get("tag") or "").strip():
            return tag
    return (item.get(XML_LANG) or "").strip()


def _summary(content: etree._Element | None) -> str:
    for description in _children(content, "description"):
        if _code(description.get("role") or "").casefold() in _SUMMARY_ROLES:
            return _text(description)
    return ""


def _meta_dateline(content: etree._Element | None) -> str:
    dateline = _text(_child(content, "dateline"))
    if dateline:
        # "London (dpa) - " -> "London": the agency tag is a credit, the dash is punctuation.
        return re.sub(r"\s*[(/][^()/]*[)/]\s*[-–—_:,.]*\s*$|[\s\-–—_:,.]+$", "", dateline)
    located = _child(content, "located")
    return _name(located) if located is not None else ""


_TAG = re.compile(r"\s*[(/]\s*(?P<agency>[^()/]{1,40}?)\s*[)/]\s*[-–—_:]*\s*")


def _take_meta_dateline(
    content: etree._Element | None, paragraphs: list[str]
) -> list[ParsedCredit]:
    """Remove ``contentMeta/dateline`` and the agency tag after it where the body opens with them.

    dpa sends ``<dateline>London (dpa) - </dateline>`` and AP ``<dateline>BETHESDA, Md.``, and
    both open the body with the same words and an agency tag ("BETHESDA, Md. (AP) _"), which no
    prose convention reads as a dateline ("London" has no comma). The tag is a credit.
    """
    element = _child(content, "dateline")
    dateline = _text(element)
    if not dateline or not paragraphs or not paragraphs[0].startswith(dateline):
        return []
    rest = paragraphs[0][len(dateline) :]
    tag = _TAG.search(dateline) or _TAG.match(rest)
    if tag is not None and tag.string is rest:
        rest = rest[tag.end() :]
    if not rest.strip():
        return []
    paragraphs[0] = rest.strip()
    if tag is None:
        return []
    where = f"contentMeta/dateline, line {element.sourceline}"
    return [ParsedCredit(tag["agency"], CreditRole.ORIGINAL_REPORTER, explicit=True, where=where)]


def _infosource_credits(content: etree._Element | None) -> list[ParsedCredit]:
    credits = []
    for source in _children(content, "infoSource"):
        name = _name(source)
        roles = (source.get("role") or "").split() or [""]
        role = next((r for r in map(infosource_role, roles) if r is not None), None)
        if name and role is not None:
            where = f"infoSource, line {source.sourceline}"
            credits.append(ParsedCredit(name, role, explicit=True, where=where))
    return credits


def _agency_name(item: etree._Element, meta: etree._Element) -> str:
    provider = _child(meta, "provider")
    rights = _child(item, "rightsInfo")
    holder = _child(rights, "copyrightHolder")
    qcode = _attribute(provider, "qcode")
    candidates = (
        _attribute(provider, "literal"),
        # IPTC's provider scheme codes are agency names ("nprov:dpa"); others are account ids.
        _code(qcode) if qcode.startswith("nprov:") else "",
        _text(_child(provider, "name")),
        _name(holder),
    )
    return next((name for name in candidates if name), "")


def _agency_version(item: etree._Element, meta: etree._Element) -> str:
    version = (item.get("version") or "").strip()
    signals = [_code(s.get("qcode") or "").casefold() for s in _children(meta, "signal")]
    label = next((label for label in _SIGNAL_LABELS if label in signals), "")
    return (f"{version} ({label})" if label and version else version or label)[:64]


def _datetime(meta: etree._Element, name: str) -> datetime | None:
    element = _child(meta, name)
    value = _text(element)
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ParseError(
            f"itemMeta/{name}: not an ISO 8601 date-time: {value!r}",
            where=f"line {element.sourceline}",
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# --- content --------------------------------------------------------------------------------


def _content_paragraphs(content_set: etree._Element | None, guid: str) -> list[str] | None:
    """The text of the first inline content that has some; None if there is only remote media."""
    if content_set is None:
        return []
    remote_media = False
    for element in content_set:
        kind = local_name(element)
        content_type = (element.get("contenttype") or "").casefold()
        if kind == "inlineXML":
            paragraphs = _inline_xml_paragraphs(element)
        elif kind == "inlineData":
            paragraphs = _inline_data_paragraphs(element.text or "", content_type)
        else:
            remote_media = remote_media or content_type.startswith(("image/", "video/", "audio/"))
            continue
        if paragraphs:
            return paragraphs
    return None if remote_media else []


def _inline_xml_paragraphs(element: etree._Element) -> list[str]:
    document = next(iter(element), None)
    if document is None:
        return []
    document = without_namespaces(document)
    if document.tag == "nitf":
        body = document.find(".//body.content")
    else:
        body = document.find(".//body")
        for header in [] if body is None else body.findall(".//header"):
            header.getparent().remove(header)
    body = document if body is None else body
    return html_paragraphs(etree.tostring(body, encoding="unicode", method="html"))


def _inline_data_paragraphs(text: str, content_type: str) -> list[str]:
    if "\n\n" not in text.replace("\r", "") and _INDENTED_LINE.search(text):
        text = _INDENTED_LINE.sub("\n\n", text)
        if "html" in content_type or text.lstrip().startswith("<"):
            text = text.replace("\n\n", "<br><br>")
    if "html" in content_type or text.lstrip().startswith("<"):
        return html_paragraphs(text)
    return text_paragraphs(text)


register(NewsMLG2Parser())
