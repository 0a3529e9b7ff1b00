"""Read paths at archive scale: public pages, page cache, search and admin at 1k and 100k stories.

Public pages are measured as cost ratios to a fixed 8 KB response served the same way in the
same run.

Each size is a PostgreSQL database made by `manage.py seed_newsroom` and migrated to this
branch, named by BENCH_DB_1K and BENCH_DB_100K; the benchmark refuses to start without them, on a
database that lacks a migration, and on the seed databases themselves (it writes one superuser,
"bench-admin", to log in to the admin: use copies). For each size it starts gunicorn (2 sync
workers, DEBUG off, bench/settings.py: production's settings plus /bench/floor/) five times:

- page cache off (PUBLIC_CACHE_SECONDS=0; fragments on, articles/fragments.py): each public
  page under wrk at 16 connections for BENCH_READ_SECONDS, between two runs of the floor; its
  queries; search p50/p95 in two languages and the admin's p50 (one connection, one request
  after another, logged in); worker memory after 10,000 requests (for comparison: these
  workers serve the admin too);
- a public pool (SERVE_ADMIN=0, the workers a reverse proxy sends all but /admin/ to): worker
  memory after 10,000 requests of the floor and the public pages;
- page cache and fragments off (no budget: what the fragments save);
- local page cache, then Redis (REDIS_URL, else redis://127.0.0.1:6379/7): pages served from
  the cache, each between two runs of the floor.

A page's cost is the floor's requests per second (the mean of the runs just before and after the
page's) over the page's: 4x costs four floors. Budgets are issue 9's; the last figures compare
each cost at 100,000 stories with the cost at 1,000.

    BENCH_DB_1K=postgres://postgres@127.0.0.1:5432/copy_1k \\
    BENCH_DB_100K=postgres://postgres@127.0.0.1:5432/copy_100k python bench/run.py read
"""

import logging
import os
import re
import secrets
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx
import psycopg
from django.contrib.auth.hashers import make_password
from django.db.migrations.loader import MigrationLoader

from bench.budgets import figure
from bench.load import free_port

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
SIZES = [("1,000", "BENCH_DB_1K"), ("100,000", "BENCH_DB_100K")]
SEED_DATABASES = {"seed", "seed1k"}
SECONDS = float(os.environ.get("BENCH_READ_SECONDS", "3"))
CONNECTIONS = 16
WORKER_REQUESTS = 10_000
SAMPLES = 20
ADMIN_USER = "bench-admin"
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/7"
SEARCH_WORDS = {
    "English": ["railway", "grain", "tourists", "minister", "oil", "passengers", "exports", "gas"],
    "Russian": ["железная дорога", "зерно", "туристы", "министр", "нефть", "экспорт", "газ"],
}
ADMIN_PAGES = {
    "admin home": "/admin/",
    "admin story list": "/admin/articles/story/",
    "admin story list, one status": "/admin/articles/story/?status=in_review",
    "admin wire queue": "/admin/articles/wirestory/",
    "admin audit events": "/admin/translations/auditevent/",
    "admin glossary": "/admin/translations/glossaryterm/",
}
# Issue 9: cost ratios to the floor, and queries "as today or fewer".
COST_BUDGETS = {"story": 4, "home": 5, "section list": 5, "agency list": 5, "ninjs list": 6}
QUERY_BUDGETS = {"story": 4, "home": 3, "section list": 3, "agency list": 3, "ninjs list": 4}
CACHED_BUDGETS = {"local": 1.25, "Redis": 2}
SCALE_BUDGET = 1.10


class Refused(SystemExit):
    def __init__(self, message: str) -> None:
        print(f"error: bench read: {message}", file=sys.stderr)
        super().__init__(2)


def databases() -> list[tuple[str, str]]:
    """The two seeded databases, checked: named, not the seeds themselves, fully migrated."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = {key for key in loader.disk_migrations if key[0] in ("articles", "translations")}
    found = []
    for label, variable in SIZES:
        url = os.environ.get(variable)
        if not url:
            raise Refused(
                f"{variable} is not set: the PostgreSQL URL of a copy of the database seeded with "
                f"{label} stories, migrated (bench/README.md, 'Read paths')."
            )
        name = urlsplit(url).path.lstrip("/")
        if name in SEED_DATABASES:
            raise Refused(
                f"{variable} names the seed database {name!r}, which benchmarks only read; "
                f"copy it (createdb -T {name} {name}_bench) and migrate the copy."
            )
        try:
            with psycopg.connect(url) as db:
                applied = set(db.execute("SELECT app, name FROM django_migrations").fetchall())
                stories = db.execute("SELECT count(*) FROM articles_story").fetchone()[0]
        except psycopg.Error as error:
            raise Refused(f"{variable} ({name}): {error}".strip()) from error
        missing = sorted(ours - applied)
        if missing:
            raise Refused(
                f"{variable} ({name}) lacks {len(missing)} migration(s) of this branch, e.g. "
                f"{missing[0][0]}.{missing[0][1]}: run `DATABASE_URL={url} DEBUG=1 "
                f"python manage.py migrate` on it first."
            )
        print(f"  {label} stories: {name}, {stories:,} stories", flush=True)
        found.append((label, url))
    return found


def prepare(url: str) -> tuple[dict[str, str], str]:
    """The pages to fetch (a live story, a section, an agency) and the admin's password."""
    password = secrets.token_urlsafe(16)
    with psycopg.connect(url) as db:
        slug = db.execute(
            "SELECT slug FROM articles_story WHERE status = 'published' AND publish_at <= now()"
            " ORDER BY publish_at DESC, id DESC OFFSET 50 LIMIT 1"
        ).fetchone()[0]
        section = db.execute(
            "SELECT slug FROM articles_section ORDER BY position, name LIMIT 1"
        ).fetchone()[0]
        agency = db.execute(
            "SELECT a.slug FROM articles_agency a WHERE EXISTS"
            " (SELECT 1 FROM articles_attribution t WHERE t.agency_id = a.id)"
            " ORDER BY a.slug LIMIT 1"
        ).fetchone()[0]
        db.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name,"
            " email, is_staff, is_active, date_joined)"
            " VALUES (%s, true, %s, '', '', '', true, true, now())"
            " ON CONFLICT (username) DO UPDATE SET password = EXCLUDED.password,"
            " is_superuser = true, is_staff = true, is_active = true",
            [make_password(password), ADMIN_USER],
        )
    pages = {
        "story": f"/news/{quote(slug)}/",  # wrk sends the path as given
        "home": "/",
        "section list": f"/sections/{section}/",
        "agency list": f"/agencies/{agency}/",
        "ninjs list": "/api/ninjs/stories/",
    }
    return pages, password


@contextmanager
def gunicorn(database_url: str, **env: str):
    """gunicorn with 2 sync workers on a free loopback port; yields (base URL, process)."""
    port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "REDIS_URL",
            "DJANGO_SETTINGS_MODULE",
            "PUBLIC_CACHE_SECONDS",
            "PUBLIC_FRAGMENT_SECONDS",
            "SERVE_ADMIN",
        }
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-read-only-" + "x" * 40,
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
        **env,
    }
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "--config", str(BENCH_DIR / "gunicorn.conf.py")),
            *("--bind", f"127.0.0.1:{port}"),
        ],
        cwd=REPO_DIR,
        env=environment,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {server.returncode}")
            try:
                httpx.get(base + "/bench/floor/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer within 30 s")
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def wrk(url: str) -> tuple[float, int]:
    """Requests per second and requests served, at CONNECTIONS connections for SECONDS."""
    done = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS:g}s", url],
        capture_output=True,
        text=True,
        check=True,
    )
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    if bad:
        print(f"  warning: {url}: {bad.group(1)} answers other than 2xx/3xx", flush=True)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    served = int(re.search(r"(\d+) requests in", done.stdout).group(1))
    return rate, served


def between_floors(base: str, paths: dict[str, str]) -> tuple[float, dict[str, float], int]:
    """Each page's cost in floors, with the floor measured just before and just after it (the
    machine's pace drifts within a run: a floor measured once, before every page, made a page
    measured a minute later look 5-10 % cheaper or dearer). Returns the first floor (req/s),
    the costs, and the requests served."""
    floor, served = wrk(base + "/bench/floor/")
    before, costs = floor, {}
    for name, path in paths.items():
        rate, count = wrk(base + path)
        after, floors = wrk(base + "/bench/floor/")
        costs[name] = (before + after) / 2 / rate
        served += count + floors
        before = after
    return floor, costs, served


def queries(client: httpx.Client, path: str) -> int:
    response = client.get(path, headers={"X-Bench-Queries": "1"})
    response.raise_for_status()
    return int(response.headers["X-Bench-Queries"])


def timings(client: httpx.Client, paths: list[str]) -> list[float]:
    """Milliseconds for each path, fetched one after another (the first of each warms up)."""
    for path in dict.fromkeys(paths):
        client.get(path).raise_for_status()
    measured = []
    for path in paths:
        started = time.perf_counter()
        client.get(path).raise_for_status()
        measured.append((time.perf_counter() - started) * 1000)
    return measured


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def worker_memory_mib(server: subprocess.Popen) -> float:
    """The largest resident set of gunicorn's workers (the master's children)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return max(sizes)


def logged_in(base: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/?next=/admin/",
        data={
            "username": ADMIN_USER,
            "password": password,
            "csrfmiddlewaretoken": client.cookies["csrftoken"],
            "next": "/admin/",
        },
    )
    if response.status_code != 302:
        raise RuntimeError(f"could not log in as {ADMIN_USER}: {response.status_code}")
    return client


def uncached(label: str, url: str, pages: dict[str, str], password: str) -> dict[str, float]:
    with gunicorn(url, PUBLIC_CACHE_SECONDS="0") as (base, server):
        floor, costs, served = between_floors(base, pages)
        figure(f"floor, 8 KB fixed response, {label} stories", floor, "req/s")
        client = httpx.Client(base_url=base, timeout=60)
        for name, path in pages.items():
            figure(
                f"{name}, page cache off, {label} stories",
                costs[name],
                "x floor",
                COST_BUDGETS[name],
                at_least=False,
            )
            figure(
                f"{name}, queries, {label} stories",
                queries(client, path),
                "queries",
                QUERY_BUDGETS[name],
                at_least=False,
            )
        for language, words in SEARCH_WORDS.items():
            paths = [f"/search/?q={words[n % len(words)]}" for n in range(SAMPLES)]
            measured = timings(client, paths)
            served += len(paths) + len(words)
            for share, budget in ((0.5, 50), (0.95, 150)):
                figure(
                    f"search in {language}, p{share * 100:.0f}, {label} stories",
                    percentile(measured, share),
                    "ms",
                    budget,
                    at_least=False,
                )
        admin = logged_in(base, password)
        for name, path in ADMIN_PAGES.items():
            measured = timings(admin, [path] * SAMPLES)
            served += SAMPLES + 1
            figure(
                f"{name}, p50, {label} stories",
                statistics.median(measured),
                "ms",
                150,
                at_least=False,
            )
            figure(f"{name}, queries, {label} stories", queries(admin, path), "queries")
        served = serve_until(base, pages, served)
        figure(
            f"worker memory, public site and admin, after {served:,} requests, {label} stories",
            worker_memory_mib(server),
            "MiB",
        )
    return costs


def serve_until(base: str, pages: dict[str, str], served: int) -> int:
    """The floor and each page in turns until the workers have served WORKER_REQUESTS between
    them (the floor's are most of the count: it is the fastest)."""
    paths = list(pages.values())
    turn = 0
    while served < WORKER_REQUESTS:
        served += wrk(base + "/bench/floor/")[1] + wrk(base + paths[turn % len(paths)])[1]
        turn += 1
    return served


def public_memory(label: str, url: str, pages: dict[str, str]) -> None:
    """The workers of a public pool (SERVE_ADMIN=0: README, "Production"), which import
    nothing of the admin, after serving the public pages."""
    with gunicorn(url, PUBLIC_CACHE_SECONDS="0", SERVE_ADMIN="0") as (base, server):
        served = serve_until(base, pages, 0)
        figure(
            f"worker memory, public site, after {served:,} requests, {label} stories",
            worker_memory_mib(server),
            "MiB",
            60,
            at_least=False,
        )


def rendered(label: str, url: str, pages: dict[str, str]) -> None:
    """Each page rendered whole on every request (page cache and fragments off): what the
    fragments save, for comparison; no budget."""
    with gunicorn(url, PUBLIC_CACHE_SECONDS="0", PUBLIC_FRAGMENT_SECONDS="0") as (base, _server):
        _, costs, _ = between_floors(base, pages)
        for name, cost in costs.items():
            figure(f"{name}, page cache and fragments off, {label} stories", cost, "x floor")


def cached(label: str, url: str, pages: dict[str, str], where: str, **env: str) -> dict:
    costs = {}
    with gunicorn(url, PUBLIC_CACHE_SECONDS="600", **env) as (base, _server):
        shown = {name: pages[name] for name in ("story", "home", "ninjs list")}
        for path in shown.values():
            httpx.get(base + path, timeout=60).raise_for_status()  # fills the cache
        _, measured, _ = between_floors(base, shown)
        for name, cost in measured.items():
            costs[f"{name}, {where} cache"] = cost
            figure(
                f"{name}, {where} page cache, {label} stories",
                cost,
                "x floor",
                CACHED_BUDGETS[where],
                at_least=False,
            )
    return costs


def run() -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    sizes = databases()
    costs: dict[str, dict[str, float]] = {}
    for label, url in sizes:
        pages, password = prepare(url)
        costs[label] = uncached(label, url, pages, password)
        public_memory(label, url, pages)
        rendered(label, url, pages)
        costs[label] |= cached(label, url, pages, "local")
        costs[label] |= cached(
            label, url, pages, "Redis", REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=f"bench-{label}"
        )
    small, large = (costs[label] for label, _ in sizes)
    for name in small:
        figure(
            f"{name}: cost at 100,000 stories over the cost at 1,000",
            large[name] / small[name],
            "x",
            SCALE_BUDGET,
            at_least=False,
        )
