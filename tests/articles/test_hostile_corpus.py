"""The hostile-input corpus (tests/fixtures/hostile/): every case with its expected outcome.

Each entry of manifest.json names a committed file, or a recipe below for what would be silly to
commit (files of tens of megabytes, binary pictures), and says what must happen: the wire item is
created (and then holds none of the ``absent`` strings) or fails with ``message``; a picture is
created or refused with ``message``. A failed file leaves no row behind. The suite runs on SQLite
and on PostgreSQL, so every case is checked on both.
"""

import json
import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from articles.models import Image, WireStory
from articles.services.images import image_create, max_bytes
from articles.services.ingest import Action, ingest_file
from tests.factories import AgencyFactory, jpeg_upload

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text())


# --- recipes: wire files -------------------------------------------------------------------------
def oversized_file(settings) -> bytes:
    """One byte over the ingest limit: refused before it is read."""
    return b"Headline\n\n" + b"a" * (settings.NEWSROOM_INGEST_MAX_BYTES - 9)


def huge_paragraph(settings) -> bytes:
    """A 5 MB paragraph in an otherwise fine text file, under the file limit: stored whole."""
    return b"Minister visits Astana\n\n" + b"word " * 1_000_000


def wide_json_array(settings) -> bytes:
    """Ten thousand items, none of them ninjs: ten thousand errors, one line each, no crash."""
    return json.dumps([{"uri": f"urn:{n}"} for n in range(10_000)]).encode()


def huge_json_string(settings) -> bytes:
    """A 10 MB headline: refused by its column length, not by memory."""
    return json.dumps(
        {"uri": "urn:x", "headlines": [{"value": "H" * 10_000_000}], "bodies": [{"value": "x"}]}
    ).encode()


# --- recipes: pictures ---------------------------------------------------------------------------
def _save(image: PILImage.Image, kind: str, **options) -> bytes:
    buffer = BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b""))


def plain_jpeg(settings) -> bytes:
    return jpeg_upload(width=64, height=48).read()


def jpeg_with_gps(settings) -> bytes:
    exif = PILImage.Exif()
    exif[0x8825] = {1: "N", 2: (43.0, 14.0, 0.0), 3: "E", 4: (76.0, 56.0, 0.0)}
    return _save(PILImage.new("RGB", (64, 48), "navy"), "JPEG", exif=exif)


def jpeg_with_zip_appended(settings) -> bytes:
    return plain_jpeg(settings) + b"PK\x03\x04" + b"\x00" * 26 + b"evil.php<?php ?>"


def cmyk_jpeg(settings) -> bytes:
    return _save(PILImage.new("CMYK", (64, 48), (0, 50, 100, 0)), "JPEG")


def webp_picture(settings) -> bytes:
    return _save(PILImage.new("RGB", (64, 48), "teal"), "WEBP")


def php_as_jpeg(settings) -> bytes:
    return b"<?php system($_GET['c']); ?>"


def html_as_png(settings) -> bytes:
    return b"<html><script>alert(1)</script></html>"


def svg_as_png(settings) -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
    )


def gif_as_jpeg(settings) -> bytes:
    return _save(PILImage.new("P", (8, 8)), "GIF")


def bmp_as_jpeg(settings) -> bytes:
    return _save(PILImage.new("RGB", (8, 8)), "BMP")


def tiff_as_png(settings) -> bytes:
    return _save(PILImage.new("RGB", (8, 8)), "TIFF")


def truncated_jpeg(settings) -> bytes:
    return plain_jpeg(settings)[:200]


def empty_file(settings) -> bytes:
    return b""


def png_bomb(settings) -> bytes:
    """A few bytes that claim 100,000 × 100,000 pixels."""
    return _png_header(100_000, 100_000)


def png_over_the_pixel_limit(settings) -> bytes:
    """48 megapixels, under Pillow's bomb limit and over ours (40); one bit a pixel keeps it
    small to make."""
    return _save(PILImage.new("1", (8_000, 6_000)), "PNG")


def picture_over_the_byte_limit(settings) -> bytes:
    return plain_jpeg(settings) + b"\x00" * max_bytes()


RECIPES = {function.__name__: function for function in [
    oversized_file, huge_paragraph, wide_json_array, huge_json_string, plain_jpeg, jpeg_with_gps,
    jpeg_with_zip_appended, cmyk_jpeg, webp_picture, php_as_jpeg, html_as_png, svg_as_png,
    gif_as_jpeg, bmp_as_jpeg, tiff_as_png, truncated_jpeg, empty_file, png_bomb,
    png_over_the_pixel_limit, picture_over_the_byte_limit,
]}  # fmt: skip


def test_the_corpus_is_large_and_every_file_has_its_entry():
    files = {
        str(path.relative_to(CORPUS))
        for path in CORPUS.rglob("*")
        if path.is_file() and path.name not in {"manifest.json", "README.md"}
    }
    assert len(files) >= 100
    assert files == {case["file"] for case in MANIFEST if "file" in case}
    assert {case["recipe"] for case in MANIFEST if "recipe" in case} == set(RECIPES)
    assert len({case["name"] for case in MANIFEST}) == len(MANIFEST)


def payload(case: dict, settings) -> bytes:
    if "file" in case:
        return (CORPUS / case["file"]).read_bytes()
    return RECIPES[case["recipe"]](settings)


def stored_texts(wire: WireStory) -> str:
    attributions = " ".join(a.credited_name for a in wire.attributions.all())
    return " ".join(
        [wire.guid, wire.headline, wire.summary, wire.byline, wire.dateline, wire.credit_line,
         wire.language, wire.source_url, *wire.paragraphs, attributions]
    )  # fmt: skip


@pytest.mark.parametrize(
    "case", [c for c in MANIFEST if c["kind"] == "wire"], ids=lambda case: case["name"]
)
def test_wire_case(case, tmp_path, settings):
    agency = AgencyFactory(name="Trend", slug="trend", default_language="en")
    path = tmp_path / Path(case["name"]).name
    path.write_bytes(payload(case, settings))

    outcomes = ingest_file(path, agency=agency)

    report = "\n".join(f"{o.action}: {o.message[:300]}" for o in outcomes)
    actions = [o.action for o in outcomes]
    if case["expect"] == "failed":
        assert outcomes
        assert set(actions) == {Action.FAILED}, report
        assert not WireStory.objects.exists()
    elif case["expect"] == "mixed":
        assert set(actions) == {Action.FAILED, Action.CREATED}, report
        assert WireStory.objects.count() == actions.count(Action.CREATED)
    else:
        assert Action.CREATED in {o.action for o in outcomes}, report
        wire = WireStory.objects.get()
        texts = stored_texts(wire)
        for fragment in case.get("absent", []):
            assert fragment not in texts, f"{fragment!r} stored"
        if "headline" in case:
            assert wire.headline == case["headline"]
    if "message" in case:
        assert case["message"] in report
    assert all("\n" not in o.message for o in outcomes), "one line per failure"


@pytest.mark.parametrize(
    "case", [c for c in MANIFEST if c["kind"] == "image"], ids=lambda case: case["name"]
)
def test_picture_case(case, settings, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile(case["upload_name"], payload(case, settings))

    if case["expect"] == "refused":
        with pytest.raises(ValidationError) as refused:
            image_create(file=upload, alt_text="A picture", credit="Photo: Trend")
        assert case["message"] in " ".join(refused.value.messages)
        assert not Image.objects.exists()
        return
    with django_capture_on_commit_callbacks(execute=True):  # the renditions task
        image = image_create(file=upload, alt_text="A picture", credit="Photo: Trend")
    image.file.open("rb")
    stored = image.file.read()
    image.file.close()
    assert b"PK\x03\x04" not in stored
    assert not PILImage.open(BytesIO(stored)).getexif().get_ifd(0x8825)
    assert image.renditions.exists()
