"""Pick the parser for a delivered file by its content, and run it.

Each format module registers one parser instance at import time (``register(TextParser())``); the
built-in modules are imported lazily on first use so that importing this module never drags in
jsonschema. Detection asks every parser's ``sniff`` in registration order and takes the first yes.
Sniffers are written to be mutually exclusive (JSON-shaped, markup-shaped, prose), so the order only
matters between two parsers of the same family, and the file name is a hint a sniffer may use, never
the deciding fact: a ``.txt`` file holding ninjs JSON is parsed as ninjs.
"""

from __future__ import annotations

import importlib
from functools import cache

from .base import ParseError, Parser, ParseResult

# Modules that call register() when imported. The control-character wire formats come before
# plain text, which claims any other prose.
_BUILTIN_MODULES = ("ninjs", "newsml_g2", "syndication", "wiretext", "text")

_parsers: dict[str, Parser] = {}


def register(parser: Parser) -> Parser:
    """Add ``parser``; registering a parser with a name already taken replaces the old one."""
    _parsers[parser.name] = parser
    return parser


@cache
def _load_builtin_parsers() -> None:
    for module in _BUILTIN_MODULES:
        importlib.import_module(f"{__package__}.{module}")


def parsers() -> list[Parser]:
    """The registered parsers, in detection order."""
    _load_builtin_parsers()
    return list(_parsers.values())


def detect(data: bytes, filename: str) -> Parser:
    """The parser that claims ``data``; ParseError if none does."""
    for parser in parsers():
        if parser.sniff(data, filename):
            return parser
    raise ParseError(
        "unrecognised format: not plain text and no parser claims it "
        f"(tried {', '.join(p.name for p in parsers())})",
        where=filename,
    )


def parser_named(name: str) -> Parser:
    """The registered parser called ``name``; ParseError naming the known ones otherwise."""
    for parser in parsers():
        if parser.name == name:
            return parser
    raise ParseError(
        f"no parser for the format {name!r} (known: {', '.join(p.name for p in parsers())})"
    )


def parse(data: bytes, filename: str, *, language: str = "", format: str = "") -> list[ParseResult]:
    """Parse one delivered file; every entry is a ParsedItem or the ParseError for that item.

    ``format`` names the parser when the sender's format is known (a feed set to one format);
    otherwise the content decides.
    """
    try:
        parser = parser_named(format) if format else detect(data, filename)
    except ParseError as error:
        return [error]
    return parser.parse(data, filename, language=language)
