"""XML from outside, read without trusting it.

Wire files come from agencies, aggregators and anyone who can write into a drop folder, so no
document may make the parser expand entities (the "billion laughs" bomb), fetch a URL or read a
local file (external entities, ``file:///etc/passwd``), or build a tree of unbounded size.

- :func:`parse_xml` reads with lxml, entity substitution off, no network, no DTD loading and
  libxml2's size limits kept (``huge_tree`` off); a document that declares a DOCTYPE at all is
  refused, since no format we read (NewsML-G2, NITF inline, XHTML) needs one.
- :func:`refuse_entity_declarations` checks, through defusedxml, a document that another library
  will parse (feedparser): entity declarations and external references are refused before that
  library sees the bytes; a document that is merely malformed is left to that library's leniency.
"""

from __future__ import annotations

from xml.etree.ElementTree import ParseError as ExpatError

import defusedxml
import defusedxml.ElementTree
from lxml import etree

from .base import ParseError

_DOCTYPE_REFUSED = (
    "a DOCTYPE declaration is not accepted: its entities could expand without bound (an XML "
    "bomb) or read files and URLs (external entities)"
)


def _parser() -> etree.XMLParser:
    # A parser per call: lxml parsers must not be shared between threads (workers poll in threads).
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def parse_xml(data: bytes) -> etree._Element:
    """The root element of ``data``; ParseError naming the line for malformed or unsafe input."""
    try:
        tree = etree.fromstring(data, parser=_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        message = exc.msg or str(exc)
        if "entity" in message.casefold() or "amplification" in message.casefold():
            raise ParseError(f"{_DOCTYPE_REFUSED} ({message})", where=f"line {line}") from None
        raise ParseError(f"malformed XML: {message}", where=f"line {line}") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ParseError(_DOCTYPE_REFUSED, where="line 1")
    return tree.getroot()


def refuse_entity_declarations(data: bytes) -> None:
    """Raise ParseError if ``data`` declares entities or references external ones."""
    try:
        defusedxml.ElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.EntitiesForbidden as exc:
        raise ParseError(
            f"entity declaration {exc.name!r} is not accepted: entities could expand without "
            "bound (an XML bomb) or read files and URLs",
            where="DOCTYPE",
        ) from None
    except defusedxml.ExternalReferenceForbidden as exc:
        raise ParseError(
            f"external reference {exc.sysid!r} is not accepted: it would read a file or URL",
            where="DOCTYPE",
        ) from None
    except (ExpatError, defusedxml.DefusedXmlException):
        pass  # malformed, not dangerous: the caller's lenient parser decides


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname


def without_namespaces(element: etree._Element) -> etree._Element:
    """A copy of ``element`` whose tags are bare local names (``<h:p>`` becomes ``<p>``)."""
    copy = etree.fromstring(etree.tostring(element), parser=_parser())
    for node in copy.iter():
        if isinstance(node.tag, str):
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(copy)
    return copy
