"""A real HTTP server on 127.0.0.1 (port chosen by the OS) for feed-polling tests.

Each path answers as its :class:`Route` says, and can be changed between polls: new content,
an ETag it honours with 304, a status, a delay before answering, a body trickled slowly, or a
huge body generated on the fly (never held in memory). Every request's headers are recorded.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHUNK = 1024 * 1024


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    etag: str = ""  # when set, a request with If-None-Match equal to it gets 304
    content_type: str = "application/xml"
    delay: float = 0.0  # seconds before the status line
    trickle: float = 0.0  # seconds between 1 KiB pieces of the body
    size: int = 0  # a generated body of this many bytes instead of ``body``
    declare_length: bool = True


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    httpd: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def start(self) -> FeedServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                try:
                    if route is None:
                        self.send_error(404)
                    else:
                        self._answer(route)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the poller gave up on purpose (size limit, timeout)

            def _answer(self, route: Route) -> None:
                time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                length = route.size or len(route.body)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.declare_length:
                    self.send_header("Content-Length", str(length))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                if route.size:
                    for _ in range(0, route.size, CHUNK):
                        self.wfile.write(b"\0" * CHUNK)
                elif route.trickle:
                    for start in range(0, len(route.body), 1024):
                        self.wfile.write(route.body[start : start + 1024])
                        self.wfile.flush()
                        time.sleep(route.trickle)
                else:
                    self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
