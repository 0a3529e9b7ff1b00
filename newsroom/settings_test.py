"""Settings for the test suite: production's settings.py, plus what only tests need.

pytest-django selects this module (``DJANGO_SETTINGS_MODULE`` in pyproject.toml); so do
``make lint``'s migrations check and the benchmarks. Nothing else reads it, and settings.py knows
nothing of tests.
"""

import os

# settings.py refuses to load without a secret unless DEBUG is on, and tests run with DEBUG off,
# as production does. A key set in the environment is left alone.
os.environ.setdefault("SECRET_KEY", "django-insecure-test-only-key")

from newsroom.settings import *  # noqa: F403
from newsroom.settings import CACHES, STORAGES

# Tests run without collectstatic: static files come from the finders, unhashed.
# (tests/test_settings.py renders a page with production's manifest storage after collectstatic.)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The test client and the live server speak plain HTTP.
SECURE_SSL_REDIRECT = False

# Tasks run at once, inside the test, so that their effects can be asserted right after the
# commit that enqueued them (tests/articles/test_task_worker.py runs the real worker).
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# pytest-xdist runs the suite in worker processes (PYTEST_XDIST_WORKER: gw0, gw1…), each with its
# own test database. They share REDIS_URL's Redis db, so each keeps its cache under a prefix of
# its own and clears only that (tests/worker_cache.py): a FLUSHDB would empty the others' cache.
if CACHES["default"]["BACKEND"] == "newsroom.cache.RedisCache":
    _worker = os.environ.get("PYTEST_XDIST_WORKER")
    CACHES = {
        "default": {
            **CACHES["default"],
            "BACKEND": "tests.worker_cache.WorkerRedisCache",
            "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + (f"-{_worker}" if _worker else ""),
        }
    }
