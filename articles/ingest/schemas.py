"""Offline validation of ninjs documents against the IPTC JSON Schemas.

Schema files
    IPTC's ``ninjs-schema_<version>.json`` files ship with the product as package data in
    ``articles/ingest/ninjs_schemas/`` (origin and licence in its README) and are read with
    ``importlib.resources``, so validation needs no network and no file outside the package.
    Shipped: 2.0 (draft-04), 2.1, 2.2 and 3.1 (draft 2020-12; the 3.1 file's title says 3.0.1, and
    it is used for every 3.x document because 3.0 and 3.1 share the camelCase keys).

Which schema validates a document
    1. A declaration: ``standard.schema`` or a top-level ``$schema`` naming
       ``ninjs-schema_X.Y.json``, else ``standard.version`` when ``standard.name`` is absent or
       contains "ninjs" (TT's profile calls itself "TTNINJS" 2.1). A patch level is ignored
       (2.1.1 -> 2.1). A declared version without a schema file is a ParseError, never a guess.
    2. Otherwise the key style: any camelCase top-level key (``versionCreated``, ``pubStatus``)
       means 3.x, else 2.2, the newest lowercase version.

    The official schemas forbid unknown top-level keys, ``$schema`` included, so a ``$schema``
    hint is read and then left out of validation rather than reported as an error.

Remote references
    ``places[].geojson`` refers to https://geojson.org/schema/GeoJSON.json. CI has no network, so
    that URI is served from a permissive local stub: GeoJSON shapes are not checked.

Formats (``date-time``, ``uri``) are not asserted by the validator; the ninjs parser parses the
dates it uses and reports a bad one itself.

Speed
    Nearly every delivered document is valid, and jsonschema's pure-Python walk of a 3.x schema
    costs about half a millisecond an item, a sixth of intake's whole budget. So validity is first
    asked of ``jsonschema-rs``'s compiled validator for the same schema (a few microseconds); only
    a document it refuses is walked by jsonschema, which alone decides and words the error. A
    document both accept goes in; one the compiled check refuses and jsonschema accepts goes in
    too (jsonschema is the reference). The one disagreement left unchecked would be a document the
    compiled check accepts and jsonschema refuses: only a ``pattern`` read differently by Rust's
    and Python's regular expressions could make one, and the shipped schemas' one pattern (3.1's
    dates, ASCII classes) is stricter in Rust (``$`` is the very end), so it errs the safe way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import jsonschema_rs
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .base import ParseError

DEFAULT_LOWERCASE_VERSION = "2.2"
DEFAULT_CAMELCASE_VERSION = "3.1"
_VERSION_ALIASES = {"3.0": "3.1"}  # see the module docstring

_GEOJSON_URI = "https://geojson.org/schema/GeoJSON.json"
_GEOJSON_STUB = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}
_SCHEMA_URI_VERSION = re.compile(r"ninjs-schema_(\d+\.\d+)")
_SCHEMA_FILE = re.compile(r"ninjs-schema_(\d+\.\d+)\.json")
_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?")
_MAX_INSTANCE_REPR = 60
_JSON_TYPE_NAMES = {dict: "the object", list: "the array", str: "the string"}


@cache
def schema_files() -> dict[str, Traversable]:
    """The shipped schema files by ninjs version ("2.2": .../ninjs-schema_2.2.json)."""
    directory = files(__package__).joinpath("ninjs_schemas")
    return {
        match[1]: entry
        for entry in directory.iterdir()
        if (match := _SCHEMA_FILE.fullmatch(entry.name))
    }


def detect_version(document: Mapping[str, Any]) -> str:
    """The schema version to validate ``document`` with; see the module docstring."""
    declared = _declared_version(document)
    if declared:
        return _VERSION_ALIASES.get(declared, declared)
    if any(key != key.lower() for key in document if not key.startswith("$")):
        return DEFAULT_CAMELCASE_VERSION
    return DEFAULT_LOWERCASE_VERSION


def _declared_version(document: Mapping[str, Any]) -> str:
    standard = document.get("standard")
    standard = standard if isinstance(standard, Mapping) else {}
    for uri in (standard.get("schema"), document.get("$schema")):
        if isinstance(uri, str) and (match := _SCHEMA_URI_VERSION.search(uri)):
            return match[1]
    name, version = standard.get("name"), standard.get("version")
    names_ninjs = not isinstance(name, str) or "ninjs" in name.lower()
    if names_ninjs and isinstance(version, str) and (match := _VERSION.match(version)):
        return f"{match[1]}.{match[2] or 0}"
    return ""


def validate(document: Mapping[str, Any], version: str) -> None:
    """Raise ParseError naming the path of the most relevant schema violation, if any."""
    instance = {key: value for key, value in document.items() if key != "$schema"}
    if _compiled_validator(version).is_valid(instance):
        return
    errors = list(validator(version).iter_errors(instance))
    if not errors:
        return
    error = best_match(errors)
    more = f"; {len(errors) - 1} more error(s)" if len(errors) > 1 else ""
    raise ParseError(f"{_path(error)}: {_message(error)} (ninjs {version} schema{more})")


@cache
def validator(version: str) -> Validator:
    """The cached validator for one ninjs version; ParseError if there is no schema for it."""
    schema = json.loads(_schema_file(version).read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=_offline_registry())


def _schema_file(version: str) -> Traversable:
    known = schema_files()
    if version not in known:
        shipped = ", ".join(sorted(known, key=_version_key))
        raise ParseError(f"no schema for ninjs {version} (this Newsroom validates ninjs {shipped})")
    return known[version]


@cache
def _compiled_validator(version: str) -> jsonschema_rs.Validator:
    """The compiled validity check of one ninjs version; see "Speed" in the module docstring.

    jsonschema's own validator is made only once a document is refused: checking a schema
    against its metaschema costs a tenth of a second, which a worker that meets no invalid
    document need never pay.
    """
    schema = json.loads(_schema_file(version).read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema, validate_formats=False, retriever=_offline_retriever)


def _offline_retriever(uri: str) -> dict[str, Any]:
    if uri != _GEOJSON_URI:
        raise ValueError(f"{uri} is not served offline")  # no network, whatever a schema says
    return _GEOJSON_STUB


@cache
def _offline_registry() -> Registry:
    stub = Resource.from_contents(_GEOJSON_STUB, default_specification=DRAFT202012)
    return Registry().with_resource(_GEOJSON_URI, stub)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _path(error: ValidationError) -> str:
    return ".".join(str(part) for part in error.absolute_path) or "(root)"


def _message(error: ValidationError) -> str:
    # jsonschema puts the whole failing instance into some messages ("{...} is valid under each
    # of ..."); an editor needs the path and the rule, not a page of JSON.
    message = error.message
    instance = repr(error.instance)
    if len(instance) > _MAX_INSTANCE_REPR and instance in message:
        message = message.replace(instance, _JSON_TYPE_NAMES.get(type(error.instance), "the value"))
    return message
