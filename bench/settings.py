"""Settings for the read benchmark's servers (bench/read.py): production's, plus a floor.

The product's settings.py and URLs are untouched: this module only adds /bench/floor/, a fixed
8 KB response served through the same middleware, workers and database connection as the pages
it is compared with, and the query count a request asks for with an X-Bench-Queries header.
Static files are served from the finders, as in the tests, so that no collectstatic is needed.
"""

import warnings

from newsroom.settings import *  # noqa: F403
from newsroom.settings import MIDDLEWARE, STORAGES

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.urls.count_queries", *MIDDLEWARE]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# WhiteNoise warns that STATIC_ROOT does not exist, which is as intended here.
warnings.filterwarnings("ignore", "No directory at", UserWarning)
