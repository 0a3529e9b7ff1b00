"""Which ninjs schema a document is validated against, and where the schemas come from."""

from __future__ import annotations

import json
from typing import Any

import pytest

from articles.ingest import schemas
from tests.articles.ninjs_helpers import doc, error, item

# --- versions and schemas -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declaration", "version"),
    [
        ({}, "2.2"),
        ({"versionCreated": "2024-01-01T00:00:00Z"}, "3.1"),
        ({"standard": {"name": "ninjs", "version": "2.1"}}, "2.1"),
        ({"standard": {"name": "ninjs", "version": "2.0.1"}}, "2.0"),
        ({"standard": {"name": "TTNINJS", "version": "2.1"}}, "2.1"),
        ({"standard": {"name": "ninjs", "version": "3.0"}}, "3.1"),
        ({"standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"}}, "2.1"),
        ({"$schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}, "3.1"),
        ({"standard": {"name": "other", "version": "7.0"}}, "2.2"),
    ],
)
def test_detect_version(declaration: dict[str, Any], version: str) -> None:
    assert schemas.detect_version({"uri": "urn:x", **declaration}) == version


def test_a_2_0_document_is_validated_with_the_draft_04_schema() -> None:
    standard = {"name": "ninjs", "version": "2.0"}

    assert item(doc(standard=standard)).headline == "Minister visits Astana"
    assert "(ninjs 2.0 schema)" in str(error(doc(standard=standard, urgency="high")))


def test_a_schema_hint_is_not_itself_a_schema_violation() -> None:
    document = {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json", **doc()}

    assert item(document).guid == "urn:newsroom:test:1"


def test_3x_document_with_2x_keys_is_rejected_by_the_3x_schema() -> None:
    document = doc(standard={"name": "ninjs", "version": "3.1"}, pubstatus="usable")

    assert "'pubstatus' was unexpected" in str(error(document))
    assert "(ninjs 3.1 schema;" in str(error(document))  # "; 1 more error(s)": contenttype


def test_a_declared_version_without_a_schema_is_an_error() -> None:
    message = str(error(doc(standard={"name": "ninjs", "version": "1.5"})))

    assert message == ("no schema for ninjs 1.5 (this Newsroom validates ninjs 2.0, 2.1, 2.2, 3.1)")


def test_the_schemas_ship_with_the_product() -> None:
    # Package data read through importlib.resources: nothing outside the package is consulted.
    shipped = schemas.schema_files()

    assert sorted(shipped) == ["2.0", "2.1", "2.2", "3.1"]
    for version, resource in shipped.items():
        assert f"ninjs-schema_{version}.json" in str(resource)
        assert "IPTC" in json.loads(resource.read_text(encoding="utf-8"))["description"]


def test_validators_are_cached() -> None:
    assert schemas.validator("2.1") is schemas.validator("2.1")


def _fixture_documents() -> list[Any]:
    from tests.conftest import FIXTURES_DIR

    paths = sorted((FIXTURES_DIR / "ninjs").rglob("*.json"))
    paths += sorted((FIXTURES_DIR / "ninjs-producers").glob("*.json"))
    documents = []
    for path in paths:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(document, dict):
            documents.append(pytest.param(document, id=str(path.relative_to(FIXTURES_DIR))))
    return documents


@pytest.mark.parametrize("version", ["2.0", "2.1", "2.2", "3.1"])
@pytest.mark.parametrize("document", _fixture_documents())
def test_the_compiled_check_agrees_with_jsonschema(document: dict[str, Any], version: str) -> None:
    # The compiled check only lets valid documents skip jsonschema: it must never pass one that
    # jsonschema refuses, on every example and conformance case of every shipped version.
    instance = {key: value for key, value in document.items() if key != "$schema"}
    refused = list(schemas.validator(version).iter_errors(instance))

    assert schemas._compiled_validator(version).is_valid(instance) == (not refused)
