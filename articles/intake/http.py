"""One conditional GET of a feed URL, bounded in time and size.

urllib3 does the HTTP. The response is streamed and abandoned as soon as it passes the size limit
(a declared Content-Length over the limit is refused before any byte is read); the timeout bounds
connecting, each read and the whole download, so a server trickling a byte a second cannot hold
a worker. Redirects are followed (five at most); nothing is retried here: the poller backs off.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache

import urllib3

USER_AGENT = "Newsroom-feed-poller/1.0"


class FetchError(Exception):
    """The feed could not be fetched; the message says why, for the feed's health."""


@dataclass(frozen=True)
class Fetched:
    not_modified: bool
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


@cache
def _pool() -> urllib3.PoolManager:
    # Thread-safe and shared: worker threads polling different feeds reuse connections.
    return urllib3.PoolManager(num_pools=20, maxsize=4)


def http_fetch(
    url: str, *, etag: str = "", last_modified: str = "", timeout: float, max_bytes: int
) -> Fetched:
    """GET ``url`` unless unchanged since ``etag`` / ``last_modified``; raises FetchError."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout
    try:
        response = _pool().request(
            "GET",
            url,
            headers=headers,
            preload_content=False,
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=urllib3.Retry(total=5, connect=0, read=0, status=0, other=0, redirect=5),
        )
    except urllib3.exceptions.MaxRetryError as error:
        raise FetchError(f"cannot fetch {url}: {error.reason}") from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"cannot fetch {url}: {error}") from None
    try:
        return _read(response, url=url, deadline=deadline, timeout=timeout, max_bytes=max_bytes)
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"reading {url} failed: {error}") from None
    finally:
        response.close()
        response.release_conn()


def _read(response, *, url: str, deadline: float, timeout: float, max_bytes: int) -> Fetched:
    if response.status == 304:
        return Fetched(not_modified=True)
    if response.status != 200:
        raise FetchError(f"{url} answered HTTP {response.status} {response.reason or ''}".strip())
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"{url} sends {int(declared)} bytes, over the limit of {max_bytes} bytes: not fetched"
        )
    chunks, size = [], 0
    # read1 returns what one socket read brings, so a trickling server meets the deadline check
    # between reads instead of filling a whole buffer first.
    while chunk := response.read1(64 * 1024, decode_content=True):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url} sent more than the limit of {max_bytes} bytes: aborted")
        if time.monotonic() > deadline:
            raise FetchError(f"{url} took longer than {timeout:g} s to send its body: aborted")
        chunks.append(chunk)
    return Fetched(
        not_modified=False,
        body=b"".join(chunks),
        etag=response.headers.get("ETag", "")[:255],
        last_modified=response.headers.get("Last-Modified", "")[:64],
    )
