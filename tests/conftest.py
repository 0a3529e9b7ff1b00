"""Shared fixtures: the people of the product's permission table, and the sample story."""

import importlib
import os
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.factories import EditorFactory, TranslatorFactory, UserFactory

REPO_DIR = Path(__file__).resolve().parent.parent
# Copies of the sample story and of IPTC's ninjs examples, with their origin (fixtures/*/README.md).
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
SAMPLE_PATH = FIXTURES_DIR / "sample" / "kazinform-nato-partner.txt"
NINJS_DIR = FIXTURES_DIR / "ninjs"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep `--dist loadgroup` (Makefile) grouping the tests marked `xdist_group`.

    pytest-xdist 3.8 tells its scheduler a test's group by appending "@<group>" to the
    attribute pytest 9.1 read node ids from; pytest 9.2 reads them from another, so every group
    silently fell apart (pytest-xdist issue #1386). Here the suffix goes where 9.2 reads it; once
    xdist sets it itself, this finds it there and does nothing.
    """
    if not getattr(config.option, "loadgroup", False):  # set in xdist's workers only
        return
    from _pytest.nodeid import NodeId

    for item in items:
        groups = {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
        if groups and not item.nodeid.endswith("@" + "_".join(sorted(groups))):
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(sorted(groups))}")


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty page cache, as a fresh deployment would."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users are made by the dozen in the permission matrix; real hashing would dominate."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads and renditions go to a fresh directory per test, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _axes_aware_client_login(monkeypatch):
    """django-axes needs the request in authenticate(), and the test client's login() passes
    none; give it one, so that client.login() keeps working (force_login needs nothing)."""
    login = Client.login

    def login_with_request(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        return login(self, **credentials)

    monkeypatch.setattr(Client, "login", login_with_request)


@pytest.fixture
def translator(db):
    return TranslatorFactory()


@pytest.fixture
def other_translator(db):
    return TranslatorFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def other_editor(db):
    return EditorFactory()


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_PATH


@pytest.fixture
def ninjs_dir() -> Path:
    return NINJS_DIR


@pytest.fixture(autouse=True)
def _roles_after_flush(request):
    """Put back the Translators and Editors groups for tests that run outside a transaction.

    Such tests end with a flush of every table, which takes the groups made by the data
    migration with it; the migration's own function makes them again.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    roles = importlib.import_module("translations.migrations.0002_roles")
    roles.create_groups(django_apps, None)


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started only once the test database exists.

    Session fixtures are made before function ones, so without this the server could start
    before the in-memory SQLite test database and give each request a database of its own.
    """
    return live_server


# --- Hypothesis (property tests of the parsers and the ingest normalisation) -----------------
# The default profile is CI's: at least 2,000 examples per parser, no example database written
# into the checkout, no deadline (a shared CI machine is slow at random). HYPOTHESIS_PROFILE=dev
# runs a quick 200 while working on a parser.
hypothesis_settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.register_profile(
    "dev", parent=hypothesis_settings.get_profile("ci"), max_examples=200
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """An archive of 100,000 stories seeded in SQL (tests/explain.py), for the module's tests;
    PostgreSQL only. Committed, so each test's own transaction leaves it alone; cleared after."""
    from django.db import connection

    from tests.explain import clear_archive, seed_archive

    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans at archive scale need PostgreSQL (DATABASE_URL)")
    with django_db_blocker.unblock():
        seeded = seed_archive()
    yield seeded
    with django_db_blocker.unblock():
        clear_archive()
