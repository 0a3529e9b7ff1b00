"""Web workers do not import what only the desk, ingest or the benchmarks need.

A worker loads every app and every admin module when it starts, and then serves mostly public
pages. The libraries of language detection, event clustering (datasketch, which brings numpy,
scipy and redis), the XML and feed parsers, schema validation, fuzzy matching, diffs and Pillow
are imported inside the functions that use them, so that a worker stays small (bench/README.md
has its memory after 10,000 requests). This serves the public pages in a fresh interpreter, as
gunicorn's worker would, and looks at what it imported.
"""

import json
import os
import subprocess
import sys

from tests.conftest import REPO_DIR

NOT_FOR_PUBLIC_PAGES = [
    "datasketch",
    "numpy",
    "scipy",
    "py3langid",
    "langcodes",
    "lxml",
    "defusedxml",
    "feedparser",
    "jsonschema",
    "jsonschema_rs",
    "referencing",
    "urllib3",
    "rapidfuzz",
    "diff_match_patch",
    "PIL",
]

MAKE_DATA = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.factories import (
    AgencyFactory, AttributionFactory, PublishedStoryFactory, SectionFactory, TranslationFactory,
    WireStoryFactory,
)
section = SectionFactory(name="World", slug="world")
trend = AgencyFactory(name="Trend", slug="trend")
story = PublishedStoryFactory(slug="talks-in-astana", section=section)
TranslationFactory(story=story, wire_story=WireStoryFactory(agency=trend))
AttributionFactory(story=story, agency=trend, role="translated_from")
"""

GET = """
import io, json, sys
from newsroom.wsgi import application

def get(path, query=""):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    statuses = []
    b"".join(application(environ, lambda status, headers, *rest: statuses.append(status)))
    return statuses[0]
"""

SERVE_PAGES = (
    GET
    + """
pages = [
    ("/", ""), ("/news/talks-in-astana/", ""), ("/sections/world/", ""), ("/agencies/trend/", ""),
    ("/search/", "q=paragraph"), ("/api/ninjs/stories/", ""),
    ("/api/ninjs/stories/talks-in-astana/", ""), ("/feeds/latest.rss", ""),
    ("/sitemap.xml", ""), ("/sitemap-news.xml", ""), ("/robots.txt", ""),
]
statuses = {path: get(path, query) for path, query in pages}
print(json.dumps({"statuses": statuses, "modules": sorted(sys.modules)}))
"""
)


def run_python(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def site_env(tmp_path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SERVE_ADMIN"}
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings_test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": str(REPO_DIR),
        **extra,
    }


def test_serving_the_public_pages_imports_none_of_the_desks_or_ingests_libraries(tmp_path):
    env = site_env(tmp_path)
    run_python(MAKE_DATA, env)

    served = json.loads(run_python(SERVE_PAGES, env).splitlines()[-1])

    assert set(served["statuses"].values()) == {"200 OK"}, served["statuses"]
    top_level = {name.partition(".")[0] for name in served["modules"]}
    assert "articles.views" in served["modules"]  # the pages were really served
    assert sorted(top_level & set(NOT_FOR_PUBLIC_PAGES)) == []


def test_public_workers_serve_the_site_without_importing_the_admin(tmp_path):
    """SERVE_ADMIN=0: a pool of workers for everything but /admin/ (README, "Production")."""
    run_python(MAKE_DATA, site_env(tmp_path))
    env = site_env(tmp_path, SERVE_ADMIN="0")

    served = json.loads(run_python(SERVE_PAGES, env).splitlines()[-1])
    admin = run_python(GET + "print(get('/admin/'), get('/admin/login/'))", env)

    assert set(served["statuses"].values()) == {"200 OK"}, served["statuses"]
    assert admin.splitlines()[-1] == "404 Not Found 404 Not Found"
    ours = ("translations.admin", "articles.admin", "translations.services.desk")
    assert sorted(name for name in served["modules"] if name.startswith(ours)) == []
