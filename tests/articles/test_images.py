"""Uploaded pictures: verified, upright, stripped of location data, stored with renditions."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html
from PIL import ExifTags
from PIL import Image as PILImage

from articles.models import Image, ImageRendition
from articles.services.images import image_create
from tests.factories import ImageFactory, PublishedStoryFactory, jpeg_upload

pytestmark = pytest.mark.django_db


def camera_exif(orientation: int) -> PILImage.Exif:
    """EXIF as a phone writes it: orientation, camera model and where the picture was taken."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Model] = "PhoneCam 12"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (50.0, 50.0, 30.0),
            ExifTags.GPS.GPSLongitudeRef: "E",
            ExifTags.GPS.GPSLongitude: (4.0, 21.0, 0.0),
        }
    )
    return exif


def sideways_photo() -> SimpleUploadedFile:
    """A landscape sensor image with a red top-left corner, tagged "rotate 90° clockwise"."""
    picture = PILImage.new("RGB", (1600, 1000), "steelblue")
    picture.paste("red", (0, 0, 200, 200))
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=90, exif=camera_exif(orientation=6))
    return SimpleUploadedFile("brussels interview.jpg", buffer.getvalue())


def png_header(width: int, height: int) -> SimpleUploadedFile:
    """A tiny PNG whose header claims so many pixels (how a decompression bomb starts)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b""))
        + (chunk(b"IEND", b""))
    )
    return SimpleUploadedFile("huge.png", data, content_type="image/png")


def opened(field_file) -> tuple[PILImage.Image, bytes]:
    with field_file.open("rb") as handle:
        data = handle.read()
    picture = PILImage.open(BytesIO(data))
    picture.load()
    return picture, data


def test_upload_is_turned_upright_stripped_and_rendered_in_both_formats(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        image = image_create(
            file=sideways_photo(), alt_text="A diplomat speaks", credit="Photo: Trend"
        )

    # Orientation 6 means the sensor's landscape frame shows as a portrait, turned clockwise.
    assert (image.width, image.height) == (1000, 1600)
    renditions = list(image.renditions.all())
    assert sorted((r.format, r.width, r.height) for r in renditions) == sorted(
        (fmt, width, round(1600 * width / 1000))
        for fmt in ("jpeg", "webp")
        for width in (320, 640, 960)
    )
    for stored in [image.file, *(r.file for r in renditions)]:
        picture, data = opened(stored)
        assert picture.height > picture.width, stored.name
        # The red corner, top-left on the sensor, is top-right once turned clockwise.
        right_top = picture.convert("RGB").getpixel((picture.width - 5, 5))
        left_top = picture.convert("RGB").getpixel((5, 5))
        assert right_top[0] > 200 > right_top[2], stored.name
        assert left_top[0] < 100, stored.name
        assert not picture.getexif(), stored.name
        assert not {"exif", "xmp"} & set(picture.info), stored.name
        assert b"Exif\x00\x00" not in data, stored.name
        assert b"PhoneCam" not in data, stored.name
    formats = {r.format: opened(r.file)[0].format for r in renditions}
    assert formats == {"jpeg": "JPEG", "webp": "WEBP"}


def test_no_rendition_is_wider_than_the_original():
    image = ImageFactory(file=jpeg_upload(width=200, height=100))

    assert sorted((r.format, r.width, r.height) for r in image.renditions.all()) == [
        ("jpeg", 200, 100),
        ("webp", 200, 100),
    ]


def test_wide_upload_gets_every_standard_width():
    image = ImageFactory(file=jpeg_upload(width=2400, height=1200))

    widths = sorted({r.width for r in image.renditions.all()})
    assert widths == [320, 640, 960, 1280, 1920]
    assert image.renditions.count() == 10


def test_transparent_png_keeps_alpha_in_webp_and_is_laid_on_white_in_jpeg():
    buffer = BytesIO()
    PILImage.new("RGBA", (400, 200), (0, 0, 0, 0)).save(buffer, "PNG")
    image = ImageFactory(file=SimpleUploadedFile("logo.png", buffer.getvalue()))

    webp = opened(image.renditions.get(format="webp", width=320).file)[0]
    jpeg = opened(image.renditions.get(format="jpeg", width=320).file)[0]
    assert webp.mode == "RGBA"
    assert webp.getpixel((10, 10))[3] == 0
    assert jpeg.mode == "RGB"
    assert min(jpeg.getpixel((10, 10))) > 245
    assert image.file.name.endswith(".png")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("notes.jpg", b"These are my notes, not a picture."),
            "“notes.jpg” is not a picture Newsroom can read. Upload a JPEG, PNG or WebP file.",
        ),
        (png_header(100_000, 100_000), "decompression bomb"),
        # Above Pillow's own limit but below its hard error: refused all the same.
        (png_header(10_000, 10_000), "decompression bomb"),
        (png_header(8_000, 6_000), "“huge.png” is 8000 by 6000 pixels; pictures may have at most"),
    ],
    ids=["text", "bomb", "bomb-warning-band", "too-many-pixels"],
)
def test_bad_upload_is_refused_with_a_message_and_nothing_is_stored(upload, message, settings):
    with pytest.raises(ValidationError) as refused:
        image_create(file=upload, alt_text="Alt", credit="Credit")

    assert message in refused.value.messages[0]
    assert not Image.objects.exists()
    assert not ImageRendition.objects.exists()
    assert not (settings.MEDIA_ROOT).exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def test_gif_is_refused_naming_the_accepted_formats():
    buffer = BytesIO()
    PILImage.new("P", (50, 50)).save(buffer, "GIF")

    with pytest.raises(ValidationError, match="is a GIF file; upload a JPEG, PNG or WebP"):
        image_create(
            file=SimpleUploadedFile("anim.gif", buffer.getvalue()), alt_text="A", credit="C"
        )


def test_alt_text_and_credit_are_required():
    with pytest.raises(ValidationError, match="needs its alt text and credit"):
        image_create(file=jpeg_upload(), alt_text="  ", credit="")
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("texts", "field", "message"),
    [
        ({"alt_text": "a" * 301}, "alt_text", "301 characters long; at most 300 fit"),
        ({"credit": "c" * 201}, "credit", "201 characters long; at most 200 fit"),
        ({"credit": "Photo:\x00 Trend"}, "credit", "holds a control character"),
        ({"alt_text": "A\x1b[2Jdiplomat"}, "alt_text", "holds a control character"),
    ],
)
def test_alt_text_and_credit_are_checked_like_the_admin_form_does(texts, field, message):
    with pytest.raises(ValidationError) as raised:
        image_create(file=jpeg_upload(), **{"alt_text": "Alt", "credit": "Credit", **texts})

    assert message in raised.value.message_dict[field][0]
    assert not Image.objects.exists()


def test_admin_upload_stores_the_picture_and_its_renditions_follow_the_commit(
    client, superuser, django_capture_on_commit_callbacks
):
    client.force_login(superuser)

    with django_capture_on_commit_callbacks() as enqueued:
        response = client.post(
            reverse("admin:articles_image_add"),
            {
                "file": sideways_photo(),
                "alt_text": "A diplomat speaks in Brussels",
                "credit": "Photo: Trend",
                "caption": "At NATO headquarters.",
            },
        )

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (1000, 1600)
    # The request stored the picture only; its renditions wait for the commit and the worker.
    assert image.renditions.count() == 0
    pending = client.get(reverse("admin:articles_image_change", args=[image.pk]))
    assert "None yet: the task worker makes them shortly after the upload." in pending.text
    for callback in enqueued:
        callback()
    assert image.renditions.count() == 6
    listing = client.get(reverse("admin:articles_image_changelist"))
    assert "A diplomat speaks in Brussels" in listing.text
    change = client.get(reverse("admin:articles_image_change", args=[image.pk]))
    assert "WebP 320x512" in change.text


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("minutes.jpg", b"%PDF-1.7 not a photo"),
            "“minutes.jpg” is not a picture Newsroom can read. Upload a JPEG, PNG or WebP file.",
        ),
        (png_header(10_000, 10_000), "“huge.png” claims more pixels than any photo has"),
    ],
    ids=["pdf", "bomb"],
)
def test_admin_refuses_a_bad_upload_with_a_message(client, superuser, upload, message):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:articles_image_add"),
        {"file": upload, "alt_text": "Alt", "credit": "Credit"},
    )

    assert response.status_code == 200
    assert message in response.text
    assert not Image.objects.exists()


def test_admin_change_edits_the_words_but_not_the_picture(client, superuser):
    image = ImageFactory(alt_text="Old alt text")
    client.force_login(superuser)

    response = client.post(
        reverse("admin:articles_image_change", args=[image.pk]),
        {"alt_text": "New alt text", "credit": "Photo: Trend", "caption": ""},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text == "New alt text"
    assert image.renditions.count() == 8


def test_story_page_shows_a_responsive_picture_with_alt_text_and_credit(client):
    image = ImageFactory(
        file=jpeg_upload(width=1600, height=900),
        alt_text="Delegates at NATO headquarters",
        credit="Photo: Aida Sultanova / Trend",
        caption="The partnership session in Brussels.",
    )
    story = PublishedStoryFactory(lead_image=image)

    page = html.fromstring(client.get(story.get_absolute_url()).content)

    [figure] = page.xpath("//figure[contains(@class, 'lead-image')]")
    [source] = figure.xpath(".//source")
    assert source.get("type") == "image/webp"
    assert [c.split()[-1] for c in source.get("srcset").split(", ")] == [
        "320w",
        "640w",
        "960w",
        "1280w",
    ]
    assert all(".webp " in c for c in source.get("srcset").split(", "))
    [img] = figure.xpath(".//img")
    assert img.get("sizes") == source.get("sizes") == "(min-width: 46rem) 42rem, calc(100vw - 2rem)"
    assert all(".jpg " in c for c in img.get("srcset").split(", "))
    assert (img.get("width"), img.get("height")) == ("960", "540")
    assert img.get("src").endswith("-960w.jpg")
    assert img.get("alt") == "Delegates at NATO headquarters"
    assert img.get("loading") == "eager"
    caption = figure.xpath(".//figcaption")[0].text_content()
    assert "The partnership session in Brussels." in caption
    assert "Photo: Aida Sultanova / Trend" in caption


def test_story_page_with_picture_stays_within_its_query_budget(
    client, warm_site_cache, django_assert_max_num_queries
):
    story = PublishedStoryFactory(lead_image=ImageFactory())

    # Its row, then that version of it rendered: the row again with its picture and the rest.
    with django_assert_max_num_queries(6):
        response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    assert response.text.count("<source ") == 1


def test_list_items_show_a_credited_thumbnail(client):
    PublishedStoryFactory(
        headline="Pictured story", lead_image=ImageFactory(credit="Photo: Kazinform")
    )
    PublishedStoryFactory(headline="Story without a picture")

    page = html.fromstring(client.get(reverse("articles:home")).content)

    [pictured] = page.xpath("//article[contains(@class, 'story-item--picture')]")
    assert "Pictured story" in pictured.text_content()
    assert "Photo: Kazinform" in pictured.xpath(".//figcaption")[0].text_content()
    [img] = pictured.xpath(".//img")
    assert img.get("loading") == "lazy"
    assert img.get("width")
    assert img.get("height")
    assert len(page.xpath("//article[contains(@class, 'story-item')]")) == 2


def test_list_with_pictures_stays_within_its_query_budget(
    client, warm_site_cache, django_assert_max_num_queries
):
    for _ in range(5):
        PublishedStoryFactory(lead_image=ImageFactory(file=jpeg_upload(width=400, height=300)))

    # The page not cached: the count, the last change, the stories and their renditions.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("articles:home"))

    assert response.text.count("<picture>") == 5
