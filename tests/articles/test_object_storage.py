"""Media on S3-compatible object storage: a real S3 server (moto's) on loopback, no mock.

An upload goes through image_create, its renditions through the rendition task, both only
through STORAGES["default"]; the objects are in the bucket and the public page's <picture>
points at them.
"""

import json
import urllib.request

import boto3
import pytest
from lxml import html
from moto.server import ThreadedMotoServer

from articles.services.images import image_create
from tests.factories import PublishedStoryFactory, jpeg_upload

pytestmark = pytest.mark.django_db

BUCKET = "newsroom-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


@pytest.fixture
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """The media storage of settings.py with AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL."""
    credentials = {"aws_access_key_id": "newsroom", "aws_secret_access_key": "secret"}
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=BUCKET)
    # Readers' browsers fetch pictures straight from the bucket (or a CDN in front of it).
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "access_key": credentials["aws_access_key_id"],
                "secret_key": credentials["aws_secret_access_key"],
                "region_name": "us-east-1",
                "custom_domain": None,
                "url_protocol": "https:",
                "addressing_style": None,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    yield client
    client.close()


def test_upload_and_renditions_are_stored_in_the_bucket_and_shown_from_it(
    bucket, s3_server, settings, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the rendition task, at once
        image = image_create(
            file=jpeg_upload(width=700, height=400, name="summit.jpg"),
            alt_text="Delegates at the summit",
            credit="Photo: Trend",
        )

    names = {image.file.name, *(r.file.name for r in image.renditions.all())}
    assert len(names) == 5  # the original, and 320 and 640 px in WebP and JPEG
    listed = bucket.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert {item["Key"] for item in listed} == names
    assert all(item["Size"] > 0 for item in listed)
    assert not settings.MEDIA_ROOT.exists()  # nothing went to the local disk

    story = PublishedStoryFactory(lead_image=image)
    response = client.get(story.get_absolute_url())
    page = html.fromstring(response.content)
    (picture,) = page.xpath("//figure[contains(@class, 'lead-image')]/picture")
    src = picture.xpath(".//img/@src")[0]
    urls = {src} | {
        candidate.split()[0]
        for srcset in picture.xpath(".//source/@srcset | .//img/@srcset")
        for candidate in srcset.split(",")
    }
    # Every rendition, and nothing else, from the bucket's URL.
    assert urls == {f"{s3_server}/{BUCKET}/{r.file.name}" for r in image.renditions.all()}
    assert src.endswith("-640w.jpg")
    # Public pictures: the browser fetches them from the bucket with no signature.
    with urllib.request.urlopen(src, timeout=10) as response:
        assert response.status == 200
        assert response.read(3) == b"\xff\xd8\xff"  # a JPEG
