"""IPTC ninjs (News in JSON) 2.x and 3.x, and the producer variants of :mod:`.ninjs_variants`.

A file holds one ninjs object or a JSON array of them. Each object is validated against the schema
of its version first (:mod:`articles.ingest.schemas`); a schema violation, like any other problem
with one object, becomes a ParseError for that object only (``where="item N"``, 1-based) while
the others parse. Malformed JSON is one ParseError for the file, naming line and column.

Key styles
    3.x renamed the 2.x keys to camelCase (``versioncreated`` -> ``versionCreated``,
    ``contenttype`` -> ``contentType``). Lowercasing a 3.x key gives the 2.x key in every case but
    one (``embargoed`` became ``embargoedUntil``), so after validation every object is read
    through its lowercased keys and the mapping below is written once.

Mapping to ParsedItem
    ==============  ==============================================================================
    guid            ``uri`` (at most 255 characters)
    headline        ``headlines`` with role "main", else the first one without a role, else the
                    first; else ``title``; HTML headlines are reduced to text. (1.x ``headline``)
    paragraphs      the first HTML body that yields text (``<p>``, ``<br><br>`` and block elements
                    separate paragraphs; script/style/figure content is skipped), else the first
                    plain-text body (blank lines separate paragraphs; a body without blank lines is
                    one paragraph per line); bodies of other types (``application/xml``) are
                    ignored. Without a body (pictures): the ``descriptions`` except the credit line.
                    A first paragraph repeating the headline is dropped. Nothing at all:
                    ParseError "no body text". (1.x ``body_html``, ``body_text``,
                    ``description_text``)
    dateline        ``located``, else a dateline found in the first paragraph ("GROSSETO, Italy
                    (AP) -- ..."), whose agency tag is removed (:mod:`articles.ingest.credits`)
    summary         the first description with role summary/abstract/text/description or none,
                    else the caption
    credit_line     the description with role ``creditline``, else a credit line ending the body
    credits         ``infosources``: no role (NewsML-G2: "originated the information") or a role
                    containing "orig" -> original_reporter; "transl" -> translated_from;
                    distributor/aggregator/syndicator/supplier/provider/publisher/poweredby ->
                    distributed_by; other roles are skipped. All explicit. Then the dateline tag
                    and credit line found in the body, then inline candidates in the lede, exactly
                    as for plain text. When there are no infosources, the names in the
                    ``creditline`` description become explicit original_reporter credits.
    agency_name     ``copyrightholder``, else a distributing infosource, else the creditline
                    description, else the first infosource (a hint for the ingest service only)
    agency_version  ``version``
    sent_at         ``versioncreated``, else ``firstcreated``; embargo_until: ``embargoed`` (2.x)
                    or ``embargoedUntil`` (3.x). A date without offset is taken as UTC.
    pub_status      ``pubstatus`` (the schema allows only usable/withheld/canceled), default usable
    source_url      an ``altids`` entry with role canonical/url/weburl/permalink/link and an
                    http(s) value. ``uri`` is an identifier, often an API URL, never a web page.
    language        ``language``, else the caller's ``language``
    raw             the file's bytes for a single object; for an array,
                    ``json.dumps(item, ensure_ascii=False, sort_keys=True).encode()``
    ==============  ==============================================================================
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import ninjs_variants as variants
from . import schemas
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
    decode_utf8,
    load_json,
    looks_like_json,
)
from .bodies import html_paragraphs, text_paragraphs
from .credits import credit_chain, dedupe_credits, inline_credits, lede, parse_credit_line
from .ledes import read_lede
from .registry import register

FORMAT = "ninjs"

# A key of some ninjs version or producer variant; JSON of another kind is left to other parsers.
_NINJS_KEY = re.compile(
    rb'"(?:uri|guid|headlines?|bodies|body_html|body_text|versioncreated|versionCreated)"\s*:'
)
_SUMMARY_ROLES = ("summary", "abstract", "text", "description", "")
_CREDITLINE_ROLES = frozenset({"creditline", "credit"})
_SOURCE_URL_ROLES = frozenset({"canonical", "url", "weburl", "permalink", "link"})
_DISTRIBUTOR_ROLE_WORDS = (
    "distribut",
    "aggregat",
    "syndicat",
    "supplier",
    "provider",
    "publisher",
    "poweredby",
)


class NinjsParser:
    name = FORMAT

    def sniff(self, data: bytes, filename: str) -> bool:
        return looks_like_json(data) and _NINJS_KEY.search(data) is not None

    def parse(self, data: bytes, filename: str, *, language: str = "") -> list[ParseResult]:
        return parse_ninjs(data, language=language)


def parse_ninjs(data: bytes, *, language: str = "") -> list[ParseResult]:
    """Every object in the file, parsed or as the ParseError that stopped it."""
    try:
        document = _load_json(data)
    except ParseError as error:
        return [error]
    if not isinstance(document, (dict, list)):
        return [ParseError(f"expected a ninjs object or an array of them, found {_kind(document)}")]
    candidates = list(variants.unwrap(document))
    if not candidates:
        return [ParseError("the JSON array is empty: no items")]
    whole_file = isinstance(document, dict) and not candidates[0].envelope
    return [
        _item_or_error(
            candidate,
            raw=data if whole_file else _item_raw(candidate.document),
            language=language,
        )
        for candidate in candidates
    ]


def _load_json(data: bytes) -> Any:
    return load_json(decode_utf8(data))


def _item_raw(item: Any) -> bytes:
    return json.dumps(item, ensure_ascii=False, sort_keys=True).encode()


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string"}.get(type(value), "a scalar")


def _item_or_error(candidate: variants.Candidate, *, raw: bytes, language: str) -> ParseResult:
    item, location = candidate.document, candidate.location
    try:
        if not isinstance(item, dict):
            raise ParseError(f"expected a ninjs object, found {_kind(item)}")
        if skipped := variants.not_a_story(item):
            return SkippedItem(skipped.reason, where=location)
        if not variants.is_variant(item, envelope=candidate.envelope):
            return parse_document(item, raw=raw, location=location, language=language)
        warnings = variants.variant_warnings(item, envelope=candidate.envelope)
        if renditions := variants.renditions_only(item):
            raise ParseError(
                f"no body text: the item carries its text only as renditions to download "
                f"({renditions}); ingest the rendition itself"
            )
        return parse_document(
            item, raw=raw, location=location, language=language, strict=False, warnings=warnings
        )
    except ParseError as error:
        return ParseError(error.message, where=location or error.where)


# --- one document ---------------------------------------------------------------------------


class _Fields:
    """Read access by lowercased key, remembering the key as written for error messages."""

    def __init__(self, obj: Mapping[str, Any], path: str = "") -> None:
        self._values = {key.lower(): value for key, value in obj.items()}
        self._keys = {key.lower(): key for key in obj}
        self._path = path

    def text(self, key: str) -> str:
        value = self._values.get(key)
        return value.strip() if isinstance(value, str) else ""

    def scalar(self, key: str) -> str:
        """A string or a number as text: producers write versions as 2 or "2"."""
        value = self._values.get(key)
        if isinstance(value, bool):
            return ""
        return str(value).strip() if isinstance(value, (str, int)) else ""

    def path(self, key: str) -> str:
        return self._path + self._keys.get(key, key)

    def objects(self, key: str) -> list[_Fields]:
        values = self._values.get(key)
        if not isinstance(values, list):
            return []
        base = self.path(key)
        return [_Fields(v, f"{base}.{i}.") for i, v in enumerate(values) if isinstance(v, dict)]

    @property
    def where(self) -> str:
        return "field " + self._path.rstrip(".")

    @property
    def role(self) -> str:
        return self.text("role").casefold()


def parse_document(
    document: Mapping[str, Any],
    *,
    raw: bytes,
    location: str = "",
    language: str = "",
    strict: bool = True,
    warnings: list[str] | None = None,
) -> ParsedItem:
    """Validate (``strict``) and map one ninjs object; raises ParseError.

    Not strict, for producer variants: no schema check (the caller warned about it), and the
    identifier may be ``guid``, ``id`` or ``altids.itemid`` (:mod:`.ninjs_variants`).
    """
    if strict:
        schemas.validate(document, schemas.detect_version(document))
    fields = _Fields(document)
    guid = fields.text("uri") if strict else variants.variant_identifier(document)
    if not guid:
        raise ParseError("no identifier: neither uri nor guid nor id")
    if len(guid) > MAX_GUID_LENGTH:
        raise ParseError(f"uri: {len(guid)} characters, the limit is {MAX_GUID_LENGTH}")
    paragraphs = _body_paragraphs(fields) or _description_paragraphs(fields)
    if not paragraphs:
        raise ParseError(f"no body text: {guid} has no bodies and no descriptions")
    headline = _headline(fields)
    if paragraphs[0].casefold() == headline.casefold() and len(paragraphs) > 1:
        del paragraphs[0]
    body = _BodyCredits.take(paragraphs)
    infosource_credits = _infosource_credits(fields)
    credit_line = _creditline(fields)
    line_credits = [] if infosource_credits or not credit_line else _creditline_credits(fields)
    return ParsedItem(
        format=FORMAT,
        guid=guid,
        headline=headline,
        paragraphs=paragraphs,
        raw=raw,
        language=fields.text("language") or language,
        summary=_summary(fields),
        byline=fields.text("by") or fields.text("byline"),
        dateline=fields.text("located") or body.dateline,
        credit_line=credit_line or body.credit_line,
        credits=dedupe_credits([*infosource_credits, *line_credits, *body.credits]),
        agency_name=_agency_name(fields, credit_line),
        agency_version=fields.scalar("version"),
        sent_at=_datetime(fields, "versioncreated") or _datetime(fields, "firstcreated"),
        embargo_until=_datetime(fields, "embargoed") or _datetime(fields, "embargoeduntil"),
        pub_status=fields.text("pubstatus") or "usable",
        source_url=_source_url(fields),
        location=location,
        warnings=list(warnings or []),
        internal_notes=_internal_notes(document),
    )


def _internal_notes(document: Mapping[str, Any]) -> str:
    """The agency's note to editors and its contacts: for the desk, never for publication."""
    lowered = {key.lower(): value for key, value in document.items()}
    notes = []
    if isinstance(ednote := lowered.get("ednote"), str) and ednote.strip():
        notes.append(f"Editor's note: {clean_text(ednote)}")
    for contact in _as_list(lowered.get("contactinfo")):
        if isinstance(contact, Mapping):
            parts = [str(v) for k, v in contact.items() if k != "lang" and isinstance(v, str) and v]
            if parts:
                notes.append("Contact: " + ", ".join(parts))
    return "\n".join(notes)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _headline(fields: _Fields) -> str:
    headlines = fields.objects("headlines")
    chosen = (
        next((h for h in headlines if h.role == "main"), None)
        or next((h for h in headlines if not h.role), None)
        or next(iter(headlines), None)
    )
    if chosen is not None:
        headline, where = " ".join(_value_paragraphs(chosen)), chosen.path("value")
    else:
        key = "headline" if fields.text("headline") else "title"
        headline, where = clean_text(fields.text(key)), fields.path(key)
    if not headline:
        raise ParseError("no headline: no headlines, headline or title")
    if len(headline) > MAX_HEADLINE_LENGTH:
        raise ParseError(
            f"{where}: headline is {len(headline)} characters, the limit is {MAX_HEADLINE_LENGTH}"
        )
    return headline


def _body_paragraphs(fields: _Fields) -> list[str]:
    bodies = fields.objects("bodies")
    ordered = [b for b in bodies if _body_kind(b) == "html"]
    ordered += [b for b in bodies if _body_kind(b) == "text"]
    for body in ordered:
        if paragraphs := _value_paragraphs(body):
            return paragraphs
    # ninjs 1.x flat fields, for documents validated against a 1.x schema placed in the schema dir.
    return html_paragraphs(fields.text("body_html")) or text_paragraphs(fields.text("body_text"))


def _description_paragraphs(fields: _Fields) -> list[str]:
    paragraphs = [
        paragraph
        for description in fields.objects("descriptions")
        if description.role not in _CREDITLINE_ROLES
        for paragraph in _value_paragraphs(description)
    ]
    return paragraphs or text_paragraphs(fields.text("description_text"))


def _body_kind(body: _Fields) -> str:
    """ "html", "text" or "" (a type we cannot read as prose, e.g. a TTNITF XML body)."""
    content_type = body.text("contenttype").casefold()
    if "html" in content_type:  # text/html, application/xhtml+xml, ninjs examples' body_xhtml
        return "html"
    if not content_type:
        return "html" if body.text("value").startswith("<") else "text"
    return "text" if content_type.startswith("text/plain") or content_type == "text" else ""


def _value_paragraphs(obj: _Fields) -> list[str]:
    value = obj.text("value")
    return html_paragraphs(value) if _body_kind(obj) == "html" else text_paragraphs(value)


def _summary(fields: _Fields) -> str:
    descriptions = {}
    for description in fields.objects("descriptions"):
        descriptions.setdefault(description.role, description)
    for role in (*_SUMMARY_ROLES, "caption"):
        if role in descriptions:
            return " ".join(_value_paragraphs(descriptions[role]))
    return clean_text(fields.text("description_text"))


def _creditline(fields: _Fields) -> str:
    for description in fields.objects("descriptions"):
        if description.role in _CREDITLINE_ROLES:
            return clean_text(description.text("value"))
    return ""


def _creditline_credits(fields: _Fields) -> list[ParsedCredit]:
    for description in fields.objects("descriptions"):
        if description.role in _CREDITLINE_ROLES:
            value = description.text("value")
            return credit_chain(
                value, CreditRole.ORIGINAL_REPORTER, explicit=True, where=description.where
            )
    return []


def _infosource_credits(fields: _Fields) -> list[ParsedCredit]:
    credits = []
    for source in fields.objects("infosources"):
        name = source.text("name") or source.text("literal")
        role = infosource_role(source.text("role"))
        if name and role is not None:
            credits.append(ParsedCredit(name, role, explicit=True, where=source.where))
    return credits


def infosource_role(role: str) -> CreditRole | None:
    """Map an infosource role (plain word, QCode or URI) to a credit role; None to skip it."""
    code = re.split(r"[/:#]", role.strip().rstrip("/"))[-1].casefold()
    if not code or "orig" in code:
        return CreditRole.ORIGINAL_REPORTER
    if "transl" in code:
        return CreditRole.TRANSLATED_FROM
    if any(word in code for word in _DISTRIBUTOR_ROLE_WORDS):
        return CreditRole.DISTRIBUTED_BY
    return None


def _agency_name(fields: _Fields, credit_line: str) -> str:
    sources = [s for s in fields.objects("infosources") if s.text("name")]
    distributors = [
        s for s in sources if infosource_role(s.text("role")) == CreditRole.DISTRIBUTED_BY
    ]
    candidates = (
        fields.text("copyrightholder"),
        fields.text("source"),  # ninjs 1.x producers (Superdesk: "AAP")
        *(s.text("name") for s in distributors),
        credit_line,
        *(s.text("name") for s in sources),
    )
    return next((name for name in candidates if name), "")


def _source_url(fields: _Fields) -> str:
    for altid in fields.objects("altids"):
        value = altid.text("value")
        if altid.role in _SOURCE_URL_ROLES and value.startswith(("http://", "https://")):
            return value
    return ""


def _datetime(fields: _Fields, key: str) -> datetime | None:
    value = fields.text(key)
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ParseError(f"{fields.path(key)}: not an ISO 8601 date-time: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class _BodyCredits:
    """Credits written into the body text, read by the conventions of :mod:`.credits`."""

    dateline: str
    credit_line: str
    credits: list[ParsedCredit]

    @classmethod
    def take(cls, paragraphs: list[str]) -> _BodyCredits:
        """Strip a dateline tag and a closing credit line from ``paragraphs`` (mutates it)."""
        credit_line = ""
        opening = read_lede(paragraphs, where="paragraph 1")
        credits = opening.credits
        last = f"paragraph {len(paragraphs)}"
        if len(paragraphs) > 1 and (found_line := parse_credit_line(paragraphs[-1], where=last)):
            credit_line = paragraphs.pop()
            credits += found_line[0]
        credits += inline_credits(lede(paragraphs))
        return cls(opening.dateline, credit_line, credits)


register(NinjsParser())
