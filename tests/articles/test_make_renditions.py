"""manage.py make_renditions: renditions for images that did not come through image_create."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from PIL import ExifTags
from PIL import Image as PILImage

from articles.models import Image, ImageRendition
from tests.factories import ImageFactory, jpeg_upload

pytestmark = pytest.mark.django_db


def imported_image(**kwargs) -> Image:
    """An image saved straight to the model, as an import would, with no renditions."""
    return Image.objects.create(alt_text="Imported", credit="Archive", **kwargs)


def run(*args: str) -> str:
    out = StringIO()
    call_command("make_renditions", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_makes_the_missing_renditions_upright_and_only_once():
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = 6
    image = imported_image(file=jpeg_upload(width=800, height=500, exif=exif))
    assert (image.width, image.height) == (800, 500)

    assert "2 renditions made." in run()

    image.refresh_from_db()
    assert (image.width, image.height) == (500, 800)
    assert sorted((r.format, r.width, r.height) for r in image.renditions.all()) == [
        ("jpeg", 320, 512),
        ("webp", 320, 512),
    ]
    assert "0 renditions made." in run()


def test_dry_run_writes_nothing():
    imported_image(file=jpeg_upload(width=700, height=400))

    output = run("--dry-run")

    assert "lacks 4 renditions" in output
    assert not ImageRendition.objects.exists()


def test_images_that_have_their_renditions_are_left_alone():
    image = ImageFactory()
    before = set(image.renditions.values_list("pk", flat=True))

    assert "0 renditions made." in run(str(image.pk))
    assert set(image.renditions.values_list("pk", flat=True)) == before


def test_unknown_image_is_an_error():
    with pytest.raises(CommandError, match="No image with id 999"):
        run("999")


def test_unreadable_file_fails_naming_the_image_and_why():
    image = imported_image(file=jpeg_upload())
    with image.file.open("wb") as damaged:
        damaged.write(b"no longer a picture")
    out = StringIO()

    with pytest.raises(CommandError, match="1 images could not be read"):
        call_command("make_renditions", stdout=out, stderr=out)

    assert f"Image {image.pk} (images/" in out.getvalue()
    assert "is not a picture Newsroom can read" in out.getvalue()
    assert not image.renditions.exists()


def test_renditions_refresh_the_pages_of_the_stories_showing_the_picture_only(
    client, django_assert_num_queries
):
    from articles.tasks import make_renditions
    from tests.factories import PublishedStoryFactory

    image = imported_image(file=jpeg_upload(width=700, height=400))
    story = PublishedStoryFactory(lead_image=image)
    other = PublishedStoryFactory()
    assert "srcset" not in client.get(story.get_absolute_url()).content.decode()
    client.get(other.get_absolute_url())  # both pages now in the page cache

    assert make_renditions.enqueue(image.pk).return_value == 4

    assert "srcset" in client.get(story.get_absolute_url()).content.decode()
    with django_assert_num_queries(0):
        assert client.get(other.get_absolute_url()).status_code == 200
