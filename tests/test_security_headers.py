"""Content-Security-Policy and Permissions-Policy on every kind of page."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import PublishedStoryFactory

pytestmark = pytest.mark.django_db

REPO_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture
def story():
    return PublishedStoryFactory()


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize(
    "url",
    ["/", "/search/?q=minister", "/api/ninjs/stories/", "/feeds/latest.rss", "/no-such-page/"],
)
def test_public_responses_carry_both_policies(client, story, url):
    response = client.get(url)

    directives = policy(response)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no nonce used: nothing inline on the site
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_story_page_carries_both_policies(client, story):
    response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_admin_scripts_carry_the_nonce_of_the_header(client, superuser, story):
    client.force_login(superuser)

    response = client.get(f"/admin/articles/story/{story.pk}/change/")

    [nonce] = re.findall(r"'nonce-([^']+)'", policy(response)["script-src"])
    nonces = re.findall(r'<script[^>]*\bnonce="([^"]+)"', response.content.decode())
    assert nonces
    assert set(nonces) == {nonce}
    assert "camera=()" in response["Permissions-Policy"]


def test_login_page_carries_both_policies(client):
    response = client.get("/admin/login/")

    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "Permissions-Policy" in response


def test_report_only_mode_for_rollout():
    clean = {k: v for k, v in os.environ.items() if k != "CSP_REPORT_ONLY"}
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(bool(settings.SECURE_CSP), "
        "settings.SECURE_CSP_REPORT_ONLY.get('report-uri'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "CSP_REPORT_ONLY": "1",
            "CSP_REPORT_URI": "https://reports.example/csp",
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "['https://reports.example/csp']"]
