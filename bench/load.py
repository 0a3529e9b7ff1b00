"""Load test: public pages, search and the API under 64 connections while an editor publishes and
withdraws stories through the real services.

Bounded and loopback only: gunicorn (2 sync workers, or the config file in GUNICORN_CONFIG) is
started on 127.0.0.1 on a free port, against the benchmark's throwaway PostgreSQL database and
the Redis of REDIS_URL (shared by the workers and the editor, as in production: a withdrawal
purges the page cache every worker reads). An asyncio client (httpx) keeps CONNECTIONS requests
in flight for SECONDS, mixing the home page, story pages, search, the API's list and its story
documents; meanwhile a thread acting as an editor withdraws a live story and publishes an
approved one, in turns, through translations.services.workflow.

Figures: requests, errors (transport errors and answers other than 200/304/410/404), 5xx, p50
and p99 latency, and withdrawn-story leaks: a request for a withdrawn story (its page or API
document), or a list that links it, started after story_withdraw() returned and answered with
the story. Leaks must be 0.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/run.py load
    (LOAD_SECONDS=60 LOAD_CONNECTIONS=64 by default)
"""

import asyncio
import logging
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from django.conf import settings
from django.db import connection

from articles.models import AttributionRole, Story, StoryStatus
from articles.search import index_stories

REPO_DIR = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "64"))
LIVE_STORIES = 200
APPROVED_STORIES = 120
# Seconds between two editor moves: a withdrawal or a publication every second is far busier than
# any desk, and each one empties the page cache of every worker.
EDITOR_PAUSE = 2.0
SEARCH_WORDS = ["Astana", "minister", "talks", "energy", "railway", "NATO partner", "water"]
EXPECTED = {200, 304, 404, 410}


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    transport_errors: int = 0
    leaks: list[str] = field(default_factory=list)
    withdrawn: dict[str, float] = field(default_factory=dict)  # slug -> when withdraw returned
    published: int = 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_data():
    from tests.factories import (
        AgencyFactory,
        AttributionFactory,
        EditorFactory,
        PublishedStoryFactory,
        SectionFactory,
        TranslationFactory,
        WireStoryFactory,
        story_in_state,
    )

    section = SectionFactory(name="World", slug="world")
    trend = AgencyFactory(name="Trend", slug="trend", default_language="ru")
    for n in range(LIVE_STORIES):
        words = random.sample(SEARCH_WORDS, 3)
        story = PublishedStoryFactory(
            headline=f"{words[0]} story {n}",
            section=section,
            body=[f"The {words[1]} met in {words[2]} on day {n}.", "Talks continue."],
        )
        TranslationFactory(story=story, wire_story=WireStoryFactory(agency=trend))
        AttributionFactory(story=story, agency=trend, role=AttributionRole.TRANSLATED_FROM)
    approved = [
        story_in_state(StoryStatus.APPROVED, section=section) for _ in range(APPROVED_STORIES)
    ]
    index_stories(Story.objects.values_list("pk", flat=True))
    return EditorFactory(username="load-editor"), approved


def editor_loop(editor, approved: list[Story], results: Results, stop: threading.Event) -> None:
    """Withdraw a live story, publish an approved one, in turns, until told to stop."""
    from translations.services.workflow import story_publish, story_withdraw

    try:
        while not stop.is_set():
            live = Story.objects.live().exclude(slug__in=list(results.withdrawn)).order_by("?")
            victim = live.first()
            if victim is not None:
                story_withdraw(story=victim, actor=editor, note="Withdrawn by the load test.")
                results.withdrawn[victim.slug] = time.monotonic()
            if stop.wait(EDITOR_PAUSE / 2):
                break
            if approved:
                story_publish(story=approved.pop(), actor=editor)
                results.published += 1
            stop.wait(EDITOR_PAUSE / 2)
    finally:
        connection.close()


def pick_request(slugs: list[str]) -> tuple[str, str | None]:
    """(path, the slug it is about, if any)."""
    roll = random.random()
    if roll < 0.25:
        return "/", None
    if roll < 0.55:
        slug = random.choice(slugs)
        return f"/news/{slug}/", slug
    if roll < 0.70:
        return f"/search/?q={random.choice(SEARCH_WORDS)}", None
    if roll < 0.85:
        return "/api/ninjs/stories/", None
    slug = random.choice(slugs)
    return f"/api/ninjs/stories/{slug}/", slug


def leaked(results: Results, started: float, slug: str | None, status: int, body: str) -> list:
    """Withdrawn stories this answer still served, though withdrawn before it was asked for."""
    gone = [s for s, when in list(results.withdrawn.items()) if when < started]
    if slug is not None:
        return [slug] if slug in gone and status == 200 else []
    return [s for s in gone if f"/news/{s}/" in body] if status == 200 else []


async def client_loop(base: str, slugs: list[str], results: Results, deadline: float, client):
    while time.monotonic() < deadline:
        path, slug = pick_request(slugs)
        started = time.monotonic()
        try:
            response = await client.get(base + path)
        except httpx.HTTPError as error:
            results.errors.append(f"{path}: {type(error).__name__}")
            results.transport_errors += 1
            continue
        results.latencies.append(time.monotonic() - started)
        results.statuses[response.status_code] = results.statuses.get(response.status_code, 0) + 1
        if response.status_code not in EXPECTED:
            results.errors.append(f"{path}: {response.status_code}")
        for story in leaked(results, started, slug, response.status_code, response.text):
            results.leaks.append(f"{path} served withdrawn {story}")


async def drive(base: str, slugs: list[str], results: Results) -> None:
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        deadline = time.monotonic() + SECONDS
        await asyncio.gather(
            *(client_loop(base, slugs, results, deadline, client) for _ in range(CONNECTIONS))
        )


def start_gunicorn(port: int) -> subprocess.Popen:
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": settings.REDIS_URL,
        "SECRET_KEY": "load-test-only-" + "x" * 40,
        "DEBUG": "0",
        "TESTING": "1",  # static files from the finders: no collectstatic for a benchmark
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",  # not a line per 404 of a story not yet published
    }
    command = [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}"]
    if config := os.environ.get("GUNICORN_CONFIG"):
        command += ["--config", config]
    else:
        command += ["--workers", "2", "--log-level", "warning"]
    return subprocess.Popen(command, cwd=REPO_DIR, env=env)


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    for _ in range(100):
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}")
        try:
            httpx.get(base + "/robots.txt", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 20 s")


def run() -> None:
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        print("skipped: the load test needs DATABASE_URL (PostgreSQL) and REDIS_URL")
        return
    from django.core.cache import cache

    logging.getLogger("httpx").setLevel(logging.WARNING)
    cache.clear()
    editor, approved = make_data()
    slugs = list(Story.objects.live().values_list("slug", flat=True))
    slugs += [story.slug for story in approved]  # 404 until published, then live
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(port)
    results = Results()
    stop = threading.Event()
    try:
        wait_until_up(base, server)
        editor_thread = threading.Thread(target=editor_loop, args=(editor, approved, results, stop))
        editor_thread.start()
        started = time.monotonic()
        try:
            asyncio.run(drive(base, slugs, results))
        finally:
            stop.set()
            editor_thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(results, elapsed)


def report(results: Results, elapsed: float) -> None:
    latencies = sorted(results.latencies)
    count = len(latencies) + results.transport_errors
    p50 = statistics.median(latencies) * 1000 if latencies else 0
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else 0
    server_errors = sum(n for status, n in results.statuses.items() if status >= 500)
    print(f"{CONNECTIONS} connections for {elapsed:.0f} s against gunicorn on PostgreSQL + Redis")
    print(f"requests: {count} ({count / elapsed:.0f}/s)")
    print(f"statuses: {dict(sorted(results.statuses.items()))}")
    print(f"errors: {len(results.errors)}  5xx: {server_errors}")
    print(f"latency: p50 {p50:.0f} ms, p99 {p99:.0f} ms")
    print(f"editor: {len(results.withdrawn)} withdrawn, {results.published} published")
    print(f"withdrawn-story leaks: {len(results.leaks)}")
    for line in (results.errors + results.leaks)[:10]:
        print(f"  {line}")
