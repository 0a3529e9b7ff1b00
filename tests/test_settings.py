"""Settings come from the environment, and a production start without a secret says so."""

import os
import subprocess
import sys
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent


def start(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "TESTING"}}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=REPO_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_start_without_secret_key_names_the_variable():
    result = start({})

    assert result.returncode != 0
    assert "SECRET_KEY is not set. Set the SECRET_KEY environment variable" in result.stderr


def test_production_start_with_secret_key_succeeds():
    result = start({"SECRET_KEY": "x" * 50})

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


def test_deploy_check_warns_of_a_page_cache_per_process():
    base = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "news.example"}
    without_redis = {
        k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "TESTING", "DEBUG"}
    }
    local = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=REPO_DIR,
        env={**without_redis, **base},
        capture_output=True,
        text=True,
        check=False,
    )
    shared = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=REPO_DIR,
        env={**without_redis, **base, "REDIS_URL": "redis://127.0.0.1:6379/9"},
        capture_output=True,
        text=True,
        check=False,
    )

    assert "newsroom.W001" in local.stderr + local.stdout
    assert "Set REDIS_URL" in local.stderr + local.stdout
    # HTTPS by default: no warning about redirects or HSTS either. (Whether HSTS covers
    # subdomains is the operator's call, left to SECURE_HSTS_INCLUDE_SUBDOMAINS.)
    out = shared.stderr + shared.stdout
    assert "newsroom.W001" not in out
    assert "security.W004" not in out
    assert "security.W008" not in out


def run_manage(*args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "TESTING"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_DIR,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_management_commands_run_without_a_secret_but_serving_does_not():
    migrations = run_manage("makemigrations", "--check", "--dry-run")
    server = run_manage("runserver", "127.0.0.1:0", "--noreload")

    assert migrations.returncode == 0, migrations.stderr
    assert "No changes detected" in migrations.stdout
    assert server.returncode != 0
    assert "SECRET_KEY is not set" in server.stderr
