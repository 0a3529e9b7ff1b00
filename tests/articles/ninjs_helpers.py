"""Building ninjs documents and parsing them, for the parser tests."""

from __future__ import annotations

import json
from typing import Any

from articles.ingest.base import ParsedItem, ParseError, ParseResult
from articles.ingest.ninjs import parse_ninjs


def parse_one(document: Any, **kwargs: str) -> ParseResult:
    [result] = parse_ninjs(json.dumps(document).encode(), **kwargs)
    return result


def item(document: Any, **kwargs: str) -> ParsedItem:
    result = parse_one(document, **kwargs)
    assert isinstance(result, ParsedItem), str(result)
    return result


def error(document: Any) -> ParseError:
    result = parse_one(document)
    assert isinstance(result, ParseError), result
    return result


def doc(**fields: Any) -> dict[str, Any]:
    return {
        "uri": "urn:newsroom:test:1",
        "headlines": [{"role": "main", "value": "Minister visits Astana"}],
        "bodies": [{"contenttype": "text/plain", "value": "First.\n\nSecond."}],
        **fields,
    }
