"""Property tests: every registered parser, fed anything, answers with items or its own errors.

Parametrised over ``articles.ingest.registry.parsers()``, so a parser registered later is covered
without a change here. Inputs mix raw bytes with things shaped like each family of wire format
(JSON documents with ninjs keys, markup with the tags and entities of NewsML-G2, RSS, Atom and
ANPA/IPTC 7901 control characters, prose), because random bytes alone rarely get past the first
check of a parser. A parser must return a list whose entries are ParsedItem, ParseError or
SkippedItem, or raise ParseError; anything else escaping is a bug.
"""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.ingest.base import ParsedItem, ParseError, SkippedItem
from articles.ingest.registry import parsers

NINJS_KEYS = [
    "uri", "headlines", "headline", "bodies", "body_html", "body_text", "value", "role",
    "contenttype", "contentType", "versioncreated", "versionCreated", "firstcreated",
    "embargoed", "embargoedUntil", "language", "by", "located", "descriptions",
    "infosources", "infoSources", "name", "altids", "altIds", "pubstatus", "version",
    "copyrightholder", "type", "$schema", "description_text", "charcount",
]  # fmt: skip
TAGS = [
    "newsItem", "contentSet", "inlineXML", "headline", "p", "rss", "channel", "item", "title",
    "description", "feed", "entry", "content", "summary", "link", "guid", "pubDate",
    "itemMeta", "contentMeta", "dateline", "creditline", "script", "html", "body",
]  # fmt: skip
MARKUP_SNIPPETS = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "&e;", "&b;", "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->",
    'xmlns="http://iptc.org/std/nar/2006-10-01/"', 'version="2.0"',
    'xmlns="http://www.w3.org/2005/Atom"',
]  # fmt: skip
# ANPA 1312 / IPTC 7901 framing: SOH, STX, ETX, EOT, SYN and friends.
CONTROL_BYTES = [b"\x01", b"\x02", b"\x03", b"\x04", b"\x16", b"\x1f", b"\x0d\x0a", b"\x00"]

texts = st.text(st.characters(codec="utf-8"), max_size=80) | st.text(max_size=20)
json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts
    | st.sampled_from(["2024-03-03T10:00:00Z", "9999-12-31T23:59:59-12:00", "", " ", "text/html"])
)  # fmt: skip
keys = st.sampled_from(NINJS_KEYS)
# Two levels below the document, as deep as ninjs goes (headlines[0].value): cheap to draw.
json_leaves = json_scalars | st.lists(json_scalars, max_size=3)
json_values = (
    json_leaves
    | st.lists(st.dictionaries(keys, json_leaves, max_size=4), max_size=3)
    | st.dictionaries(keys, json_leaves, max_size=4)
)
json_documents = st.builds(
    lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"),
    st.dictionaries(keys, json_values, max_size=8)
    | st.lists(st.dictionaries(keys, json_values, max_size=6), max_size=2),
)


@st.composite
def markup(draw) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{draw(st.sampled_from(TAGS))}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(MARKUP_SNIPPETS)))
        else:
            parts.append(draw(texts))
    return "".join(parts).encode("utf-8", "surrogatepass")


@st.composite
def prose(draw) -> bytes:
    lines = draw(
        st.lists(texts | st.sampled_from(["", "By Jane Doe", "Source: Trend"]), max_size=12)
    )
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    framing = draw(st.lists(st.sampled_from(CONTROL_BYTES), max_size=3))
    return b"".join(framing[:1]) + data + b"".join(framing[1:])


inputs = st.binary(max_size=600) | json_documents | markup() | prose()


def check_parser(parser, data: bytes) -> None:
    assert parser.sniff(data, "delivery.bin") in (True, False)
    try:
        results = parser.parse(data, "delivery.bin")
    except ParseError:
        return
    assert isinstance(results, list)
    for result in results:
        assert isinstance(result, ParsedItem | ParseError | SkippedItem), repr(result)
        if isinstance(result, ParseError):
            assert str(result), "an error says what is wrong"


@pytest.mark.parametrize("parser", parsers(), ids=lambda parser: parser.name)
@given(data=inputs)
def test_any_input_is_sniffed_and_parses_or_is_the_parsers_own_error(parser, data):
    check_parser(parser, data)
