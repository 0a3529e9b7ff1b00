"""The environment chooses the task queue and the media storage."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'tasks': settings.TASKS['default'], "
    "'media': settings.STORAGES['default'], 'apps': settings.INSTALLED_APPS, "
    "'img_src': settings.SECURE_CSP['img-src']}))"
)
PRODUCTION = {"SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "newsroom.settings"}


def configured(env: dict[str, str]) -> dict:
    """The settings a production process started with this environment gets."""
    unset = {"DEBUG", "TESTING", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in unset and not key.startswith("AWS_")
    }
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=REPO_DIR,
        env={**clean, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "django_tasks_db.DatabaseBackend"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/9"}, "django_tasks_redis.RedisTaskBackend"),
    ],
    ids=["database-queue", "redis-queue"],
)
def test_the_task_queue_is_the_database_unless_redis_is_configured(env, backend):
    settings = configured(env)

    assert settings["tasks"]["BACKEND"] == backend
    assert ("django_tasks_redis" in settings["apps"]) is bool(env)


def test_media_stay_on_disk_unless_a_bucket_is_named():
    assert configured({})["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_puts_media_on_object_storage_with_the_documented_variables():
    media = configured(
        {
            "AWS_STORAGE_BUCKET_NAME": "newsroom-media",
            "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
            "AWS_ACCESS_KEY_ID": "newsroom",
            "AWS_SECRET_ACCESS_KEY": "secret",
            "AWS_S3_REGION_NAME": "eu-central-1",
            "AWS_S3_CUSTOM_DOMAIN": "media.news.example",
        }
    )["media"]

    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"] == {
        "bucket_name": "newsroom-media",
        "endpoint_url": "http://127.0.0.1:9000",
        "access_key": "newsroom",
        "secret_key": "secret",
        "region_name": "eu-central-1",
        "custom_domain": "media.news.example",
        "url_protocol": "https:",
        "addressing_style": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }


@pytest.mark.parametrize(
    ("env", "origins"),
    [
        ({}, []),
        (
            {"AWS_S3_CUSTOM_DOMAIN": "media.news.example/pictures"},
            ["https://media.news.example"],
        ),
        (
            {"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"},
            ["http://127.0.0.1:9000", "http://newsroom-media.127.0.0.1:9000"],
        ),
        (
            {"AWS_S3_REGION_NAME": "eu-central-1"},
            [
                "https://newsroom-media.s3.amazonaws.com",
                "https://newsroom-media.s3.eu-central-1.amazonaws.com",
            ],
        ),
    ],
    ids=["disk", "custom-domain", "endpoint", "aws"],
)
def test_the_content_security_policy_lets_pictures_come_from_the_bucket(env, origins):
    bucket = {"AWS_STORAGE_BUCKET_NAME": "newsroom-media"} if env else {}

    img_src = configured({**bucket, **env})["img_src"]

    assert img_src[2:] == origins
