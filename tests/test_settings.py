"""Settings come from the environment only: every start without a secret says so, and
production's checks and static files hold up.

Each start is a real subprocess on newsroom.settings, with the test run's own variables
(DJANGO_SETTINGS_MODULE, SECRET_KEY) taken out of its environment.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import REPO_DIR
from tests.factories import PublishedStoryFactory

SECRET = "a-production-secret-with-enough-length-and-variety-0123456789"
# What README.md ("Production") tells a host to set.
PRODUCTION = {
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "news.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.org",
    "SITE_URL": "https://news.example.org",
    # check --deploy connects to nothing: the address only has to be there.
    "REDIS_URL": "redis://cache.internal:6379/0",
}
MISSING_SECRET = "SECRET_KEY is not set. Set the SECRET_KEY environment variable"


def environment(**variables: str) -> dict[str, str]:
    inherited = {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "REDIS_URL"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    return {**clean, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **variables}


def run(*command: str, **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=REPO_DIR,
        env=environment(**variables),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    return run(sys.executable, "manage.py", *args, **variables)


# --- the secret ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["manage.py", "migrate"],
        ["manage.py", "runserver", "127.0.0.1:0"],
        ["manage.py", "check"],
        ["-m", "gunicorn", "--config", "gunicorn.conf.py"],
    ],
    ids=["migrate", "runserver", "check", "gunicorn"],
)
def test_every_start_without_a_secret_refuses_and_names_it(command: list[str]) -> None:
    # PORT=0: should gunicorn start after all, it must not collide with anything.
    result = run(sys.executable, *command, PORT="0", WEB_CONCURRENCY="1")

    assert result.returncode != 0
    assert MISSING_SECRET in result.stderr
    assert "Starting development server" not in result.stdout + result.stderr
    assert "Applying" not in result.stdout


def test_debug_runs_on_the_development_key() -> None:
    result = run(
        sys.executable,
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        DEBUG="1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django-insecure-development-only-key"


def test_a_production_start_uses_the_secret_it_is_given() -> None:
    result = run(
        sys.executable,
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECRET_KEY, settings.DEBUG, settings.STORAGES['staticfiles']['BACKEND'])",
        SECRET_KEY=SECRET,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        SECRET,
        "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


def test_the_test_suite_runs_on_its_own_settings(settings) -> None:
    # pyproject.toml selects them; settings.py itself has no notion of a test run.
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "newsroom.settings_test"
    assert settings.STORAGES["staticfiles"]["BACKEND"].endswith(".StaticFilesStorage")


# --- check --deploy ------------------------------------------------------------------------


def deploy_warnings(**variables: str) -> set[str]:
    result = manage("check", "--deploy", **variables)
    assert result.returncode == 0, result.stderr
    return set(re.findall(r"\(([a-z_]+\.[EW]\d+)\)", result.stderr + result.stdout))


def test_deploy_check_with_the_documented_production_variables() -> None:
    # The two HSTS opt-ins bind every subdomain of the domain: README.md explains why they are
    # the operator's call, and nothing else is left to warn about.
    assert deploy_warnings(**PRODUCTION) == {"security.W005", "security.W021"}


def test_deploy_check_is_silent_once_the_hsts_opt_ins_are_set() -> None:
    opt_in = {"SECURE_HSTS_INCLUDE_SUBDOMAINS": "1", "SECURE_HSTS_PRELOAD": "1"}

    assert deploy_warnings(**PRODUCTION, **opt_in) == set()


def test_deploy_check_warns_of_a_page_cache_per_process() -> None:
    without_redis = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = manage("check", "--deploy", **without_redis)

    assert "newsroom.W001" in result.stderr
    assert "Set REDIS_URL" in result.stderr


def test_deploy_check_warns_of_a_site_url_on_loopback() -> None:
    without_site_url = {k: v for k, v in PRODUCTION.items() if k != "SITE_URL"}
    result = manage("check", "--deploy", **without_site_url)

    assert "newsroom.W002" in result.stderr
    assert "Set SITE_URL to the public address" in result.stderr


# --- production's static files -------------------------------------------------------------


def test_a_public_page_links_the_hashed_static_files_collectstatic_made(
    db, client, settings, tmp_path: Path
) -> None:
    story = PublishedStoryFactory()
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)

    page = client.get(story.get_absolute_url())

    assert page.status_code == 200
    assert story.headline in page.content.decode()
    linked = re.findall(r'(?:href|src)="(/static/[^"]+)"', page.content.decode())
    assert linked, "the home page links no static file"
    for url in linked:
        # name.<12 hex digits>.ext: the manifest's hashed name, stored under STATIC_ROOT ...
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), url
        assert (settings.STATIC_ROOT / url.removeprefix("/static/")).is_file()
        # ... and served by WhiteNoise from there, compressed too, with a far-future lifetime.
        response = client.get(url, headers={"accept-encoding": "gzip"})
        response.close()
        assert response.status_code == 200, url
        assert response["Content-Encoding"] == "gzip"
        assert "immutable" in response["Cache-Control"]
