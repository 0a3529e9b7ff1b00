"""What the tests of background work share: the database queue, the real worker process, and a
real SMTP server on loopback that refuses mail for a while."""

import os
import socketserver
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connection

REPO_DIR = Path(__file__).resolve().parent.parent

# The production default (settings.TASKS without REDIS_URL), in place of the tests' immediate one.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker_process(*arguments: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `manage.py db_worker` as production does, in a process of its own, on the test's
    database and media; return the finished process. Needs a test with real commits
    (`django_db(transaction=True)`), since the worker cannot see an open transaction.

    PostgreSQL: the worker connects to the test database. SQLite: the test database lives in
    this process's memory, so it is copied to a file for the worker and the worker's writes
    are copied back.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TESTING", "REDIS_URL", "DEBUG"} and not key.startswith("AWS_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        SECRET_KEY="worker-test-key-" + "x" * 40,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    db = connection.settings_dict
    command = [sys.executable, "manage.py", "db_worker", *arguments]
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or 'localhost'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
        return subprocess.run(
            command, cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=timeout
        )
    copy = Path(settings.MEDIA_ROOT).parent / "worker.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(copy)) as target:
        connection.connection.backup(target)
    env["DATABASE_URL"] = f"sqlite:///{copy}"
    finished = subprocess.run(
        command, cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )
    with closing(sqlite3.connect(copy)) as source:
        source.backup(connection.connection)
    return finished


class RefusingSMTPServer(socketserver.ThreadingTCPServer):
    """A mail server on loopback (the OS picks the port) that answers every recipient with
    "451 try again later" while `refusing` is set, and keeps the messages it accepts."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _SMTPSession)
        self.refusing = True
        self.refused: list[str] = []
        self.received: list[str] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def __enter__(self) -> "RefusingSMTPServer":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)


class _SMTPSession(socketserver.StreamRequestHandler):
    """The part of RFC 5321 that smtplib speaks to send one message."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        server: RefusingSMTPServer = self.server  # type: ignore[assignment]
        self.reply("220 localhost test mail server")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ", 1)[0].upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 localhost")
            elif verb in {"MAIL", "RSET", "NOOP"}:
                self.reply("250 OK")
            elif verb == "RCPT" and server.refusing:
                server.refused.append(line.decode().strip())
                self.reply("451 4.3.0 Mailbox busy, try again later")
            elif verb == "RCPT":
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(data.decode(errors="replace"))
                server.received.append("".join(body))
                self.reply("250 Queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")
