"""Mail settings work for every backend: SMTP's options go to SMTP only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent

SEND = (
    "import django; django.setup()\n"
    "from django.core import mail\n"
    "sent = mail.send_mail('Subject', 'Body', 'newsroom@example.com', ['editor@example.com'])\n"
    "print(sent, len(getattr(mail, 'outbox', [])))\n"
)


def send_with(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "TESTING", "MAIL_BACKEND"}}
    return subprocess.run(
        [sys.executable, "-c", SEND],
        cwd=REPO_DIR,
        env={**clean, "SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("backend", "expected"),
    [
        ("django.core.mail.backends.locmem.EmailBackend", "1 1"),
        ("django.core.mail.backends.console.EmailBackend", "Subject: Subject"),
        ("django.core.mail.backends.dummy.EmailBackend", "1 0"),
    ],
)
def test_any_backend_sends_with_debug_off(backend, expected):
    result = send_with({"MAIL_BACKEND": backend})

    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_file_backend_writes_to_its_path(tmp_path):
    result = send_with(
        {
            "MAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(tmp_path),
        }
    )

    assert result.returncode == 0, result.stderr
    [message] = tmp_path.iterdir()
    assert "Subject: Subject" in message.read_text()


def test_smtp_gets_its_options_and_fails_only_for_want_of_a_server():
    # Port 9 on loopback (discard) refuses the connection: the error is the network's, not
    # "Unknown options".
    result = send_with({"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": "9", "EMAIL_TIMEOUT": "2"})

    assert result.returncode != 0
    assert "ConnectionRefusedError" in result.stderr
    assert "Unknown options" not in result.stderr
