"""Uploading pictures: verify, orient, strip metadata, and make the renditions once.

Readers' browsers never get the uploaded bytes as sent: the stored original is re-encoded with
the EXIF orientation applied and no EXIF, XMP or GPS block, because phones write the place a
picture was taken into it and a source's location must never leak through a photo. Renditions
are made once, in every width the page asks for (WebP, with JPEG for older browsers), by the
task worker (articles.tasks.make_renditions), never inside the upload's request: pages show the
stored original until they exist.

Files go only through the field's storage (STORAGES["default"]: the file system, or object
storage through django-storages), by name, never by a path on disk.
"""

import re
import warnings
from functools import partial
from io import BytesIO
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage
from django.db import transaction
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from articles import tasks
from articles.models import Image, ImageRendition

RENDITION_WIDTHS: tuple[int, ...] = (320, 640, 960, 1280, 1920)
ACCEPTED_FORMATS: dict[str, str] = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
JPEG_QUALITY = 85
WEBP_QUALITY = 80
# Re-encoding the original loses a little; keep it close to what was sent.
ORIGINAL_QUALITY = 92


def max_pixels() -> int:
    return getattr(settings, "NEWSROOM_IMAGE_MAX_PIXELS", 40_000_000)


def max_bytes() -> int:
    return getattr(settings, "NEWSROOM_IMAGE_MAX_BYTES", 25 * 1024 * 1024)


def image_open_verified(file: File) -> PILImage.Image:
    """The upload decoded by Pillow, or a ValidationError that says what is wrong with it.

    Refuses what is not a JPEG, PNG or WebP picture, what is too large to be a photo, and
    decompression bombs (a few kilobytes that claim billions of pixels), before decoding them.
    """
    name = PurePath(getattr(file, "name", "") or "upload").name
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            f"“{name}” is {size / 1_048_576:.1f} MB; pictures may be at most "
            f"{max_bytes() / 1_048_576:.0f} MB.",
            code="too_large",
        )
    file.seek(0)
    data = file.read()
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; any bomb is an error here.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            probe = PILImage.open(BytesIO(data))
            probe.verify()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        raise ValidationError(
            f"“{name}” claims more pixels than any photo has (a decompression bomb); "
            "it was refused.",
            code="decompression_bomb",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            f"“{name}” is not a picture Newsroom can read. Upload a JPEG, PNG or WebP file.",
            code="not_an_image",
        ) from exc
    if probe.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            f"“{name}” is a {probe.format} file; upload a JPEG, PNG or WebP picture.",
            code="format",
        )
    width, height = probe.size
    if width * height > max_pixels():
        raise ValidationError(
            f"“{name}” is {width} by {height} pixels; pictures may have at most "
            f"{max_pixels() / 1_000_000:.0f} megapixels. Resize it before uploading.",
            code="too_many_pixels",
        )
    # verify() leaves the image unusable; decode it afresh.
    picture = PILImage.open(BytesIO(data))
    try:
        picture.load()
    except OSError as exc:
        raise ValidationError(
            f"“{name}” is damaged and cannot be decoded.", code="not_an_image"
        ) from exc
    return picture


def _oriented_without_metadata(picture: PILImage.Image) -> PILImage.Image:
    """The picture turned upright, carrying nothing but pixels and its colour profile."""
    source_format = picture.format
    upright = ImageOps.exif_transpose(picture)
    kept = {
        key: picture.info[key] for key in ("icc_profile", "transparency") if key in picture.info
    }
    if upright.mode == "CMYK":
        # A CMYK profile would be wrong on the RGB result; browsers assume sRGB without one.
        upright = upright.convert("RGB")
        kept.pop("icc_profile", None)
    # Pillow's encoders copy EXIF and XMP from .info: only the colour profile and the
    # transparency, which are not metadata, may travel on.
    upright.info = kept
    upright.format = source_format
    return upright


def _encode(picture: PILImage.Image, fmt: str, quality: int) -> bytes:
    buffer = BytesIO()
    options: dict[str, object] = {}
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    if fmt == "JPEG":
        picture = _flatten(picture)
        options.update(quality=quality, optimize=True, progressive=True)
    elif fmt == "WEBP":
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if _has_alpha(picture) else "RGB")
        options.update(quality=quality, method=4)
    elif fmt == "PNG":
        options.update(optimize=True)
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


def _has_alpha(picture: PILImage.Image) -> bool:
    return picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info


def _flatten(picture: PILImage.Image) -> PILImage.Image:
    """JPEG has no transparency: lay the picture on white rather than on black."""
    if picture.mode == "RGB":
        return picture
    if _has_alpha(picture):
        rgba = picture.convert("RGBA")
        background = PILImage.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        background.info = picture.info
        return background
    converted = picture.convert("RGB")
    converted.info = picture.info
    return converted


def rendition_widths(original_width: int) -> list[int]:
    """The standard widths not wider than the original; a narrow picture keeps its own width."""
    widths = [w for w in RENDITION_WIDTHS if w <= original_width]
    return widths or [original_width]


def _renditions(image: Image, upright: PILImage.Image, stem: str, written: list[str]) -> None:
    existing = set(image.renditions.values_list("format", "width"))
    rows = []
    for width in rendition_widths(upright.width):
        height = max(1, round(upright.height * width / upright.width))
        resized = (
            upright
            if width == upright.width
            else upright.resize((width, height), PILImage.Resampling.LANCZOS)
        )
        resized.info = upright.info
        for fmt, pil_format, quality, ext in (
            (ImageRendition.Format.WEBP, "WEBP", WEBP_QUALITY, "webp"),
            (ImageRendition.Format.JPEG, "JPEG", JPEG_QUALITY, "jpg"),
        ):
            if (fmt, width) in existing:
                continue
            rendition = ImageRendition(image=image, format=fmt, width=width, height=height)
            rendition.file.save(
                f"{stem}-{width}w.{ext}",
                ContentFile(_encode(resized, pil_format, quality)),
                save=False,
            )
            written.append(rendition.file.name)
            rows.append(rendition)
    ImageRendition.objects.bulk_create(rows)


def _remove_files(storage: Storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)


_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _check_texts(**texts: str) -> None:
    """The same limits as the admin form's, for callers that have no form (imports, scripts)."""
    errors = {}
    for name, value in texts.items():
        field = Image._meta.get_field(name)
        if field.max_length and len(value) > field.max_length:
            errors[name] = (
                f"The {field.verbose_name} is {len(value)} characters long; "
                f"at most {field.max_length} fit."
            )
        elif _CONTROL_CHARACTER.search(value):
            errors[name] = f"The {field.verbose_name} holds a control character; remove it."
    if errors:
        raise ValidationError(errors)


def image_create(*, file: File, alt_text: str, credit: str, caption: str = "") -> Image:
    """Store an uploaded picture, upright and without metadata; its renditions follow.

    One unit of work: if anything fails, no row is left and the file written is removed.
    Once it commits, the renditions are enqueued for the task worker. Raises ValidationError
    when the upload is not an acceptable picture or when the alt text or credit is missing.
    """
    alt_text, credit, caption = alt_text.strip(), credit.strip(), caption.strip()
    missing = [label for label, value in (("alt text", alt_text), ("credit", credit)) if not value]
    if missing:
        raise ValidationError(f"A picture needs its {' and '.join(missing)}.", code="required")
    _check_texts(alt_text=alt_text, credit=credit, caption=caption)
    picture = image_open_verified(file)
    upright = _oriented_without_metadata(picture)
    stem = slugify(PurePath(file.name or "image").stem)[:60] or "image"
    extension = ACCEPTED_FORMATS[picture.format]
    written: list[str] = []
    image = Image(alt_text=alt_text, credit=credit, caption=caption.strip())
    try:
        with transaction.atomic():
            image.file.save(
                f"{stem}.{extension}",
                ContentFile(_encode(upright, picture.format, ORIGINAL_QUALITY)),
                save=False,
            )
            written.append(image.file.name)
            image.width, image.height = upright.size
            image.save()
            transaction.on_commit(partial(tasks.make_renditions.enqueue, image.pk))
    except BaseException:
        _remove_files(image.file.storage, written)
        raise
    return image


def image_make_renditions(*, image: Image) -> int:
    """Make the renditions an image lacks: after an upload (the task worker runs this), or for
    one stored some other way (`manage.py make_renditions`).

    The stored original is already upright and clean when it came through image_create; one
    that did not is cleaned on the way, since only the renditions reach readers. Returns how
    many renditions were made.
    """
    with image.file.open("rb") as handle:
        upright = _oriented_without_metadata(image_open_verified(handle))
    stem = slugify(PurePath(image.file.name).stem)[:60] or "image"
    written: list[str] = []
    try:
        with transaction.atomic():
            if (image.width, image.height) != upright.size:
                # Dimensions read from a file still on its side; pages need them upright.
                image.width, image.height = upright.size
                image.save(update_fields=["width", "height"])
            _renditions(image, upright, stem, written)
    except BaseException:
        _remove_files(image.file.storage, written)
        raise
    return len(written)
