"""Newsroom settings, driven by environment variables.

With no variable set, Newsroom runs on SQLite, the local-memory cache and local media, so that
`make run` needs no service. Production sets at least SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL;
the rest scales out the standard way: stateless gunicorn workers, PostgreSQL, Redis, object
storage for media (django-storages via STORAGES), static files by WhiteNoise or a CDN.

Variables (default in brackets):
- DEBUG: "1" or "true" turns debug on [off].
- SERVE_ADMIN: "0" for web workers that serve only the public site (pages, feeds, the API): they
  neither route nor import the admin, where the desk and the review live, so that a pool of
  them, to which a reverse proxy sends every path but /admin/, needs less memory; a smaller
  pool with the default serves /admin/ (README, "Production") [1: the public site and the
  admin].
- SECRET_KEY: required when DEBUG is off: every start (server, worker, any manage.py command)
  refuses to run without it [a development key under DEBUG]. The test suite runs on
  newsroom/settings_test.py, which brings its own.
- ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS: comma-separated [localhost, 127.0.0.1].
- DATABASE_URL: e.g. postgres://user@127.0.0.1:5432/newsroom [SQLite file db.sqlite3].
- REDIS_URL: e.g. redis://127.0.0.1:6379/0: the cache and the task queue [local-memory
  cache, the database's task queue].
- MEDIA_ROOT, STATIC_ROOT: where uploads and collected static files live [./media, ./staticfiles].
- SITE_URL: absolute base URL for mail, feeds, sitemaps and the API [http://127.0.0.1:8000].
- SITE_NAME: the publisher's name in feeds, JSON-LD and the API [Newsroom].
- PUBLIC_CACHE_SECONDS: lifetime of a rendered public page in the page cache [60].
- PUBLIC_FRAGMENT_SECONDS: how long an unused rendered fragment (story page, teaser, ninjs item)
  may stay in the cache; 0 turns fragments off [86400].
- PUBLIC_MAX_AGE: Cache-Control max-age of public responses for browsers and CDNs [0].
- PUBLIC_SHARED_MAX_AGE, PUBLIC_STALE_WHILE_REVALIDATE: s-maxage and stale-while-revalidate
  for a CDN that purges by surrogate key [0: not sent; 30]; PUBLIC_PURGE_HOOK: a dotted path
  to a callable given the tags of each purge, to purge that CDN [none].
- MAIL_BACKEND, EMAIL_HOST, EMAIL_PORT: outgoing mail [console under DEBUG, else SMTP]; for
  SMTP also EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_TIMEOUT [10 s]; for the
  file backend EMAIL_FILE_PATH. Any other backend gets no options.
- HTTPS: "0" to serve plain HTTP with DEBUG off [on: secure cookies, redirect to HTTPS, HSTS].
- SECURE_HSTS_SECONDS, SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD: HSTS [one year
  under HTTPS; no; no]. Both opt-ins bind every subdomain of the site's domain, hence left to the
  operator (README, "Production").
- CSP_REPORT_ONLY: "1" sends the Content-Security-Policy as Content-Security-Policy-Report-Only,
  for a rollout that watches before it blocks [off: enforced]; CSP_REPORT_URI: where browsers
  report violations [none].
- LOGIN_FAILURE_LIMIT, LOGIN_LOCKOUT_MINUTES: failed admin logins by one user from one address
  before a lockout, and how long it lasts [10; 60].
- MT_BACKEND, MT_URL, MT_API_KEY, MT_TIMEOUT: machine translation for the desk's "Suggest"
  (a dotted path, e.g. translations.mt.libretranslate.LibreTranslate or
  translations.mt.deepl.DeepL; its server; its key; seconds) [none: no machine translation].

Background tasks (renditions, workflow mail, search re-indexing) go through django.tasks and
run in the worker that `make worker` starts: with REDIS_URL set, a Redis queue
(django-tasks-redis, worker `manage.py run_redis_tasks`) that workers on several hosts share;
otherwise a queue table in the database (django-tasks-db, worker `manage.py db_worker`). The
tests run tasks at once (the immediate backend).
- NEWSROOM_TASK_RETRY_SECONDS: a failed task is tried again after this, doubled at every
  further failure [30].
- NEWSROOM_TASK_MAX_ATTEMPTS: attempts before a task is left failed in the admin [8].

Media (uploads and renditions) go to object storage when a bucket is named (django-storages'
S3 backend; any S3-compatible server), else to MEDIA_ROOT:
- AWS_STORAGE_BUCKET_NAME: the bucket [none: files under MEDIA_ROOT].
- AWS_S3_ENDPOINT_URL: the server, for one that is not AWS (MinIO, Ceph, R2...) [AWS].
- AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: credentials [boto3's own: environment, instance
  role...].
- AWS_S3_REGION_NAME: the bucket's region [boto3's default].
- AWS_S3_CUSTOM_DOMAIN: host (and path) the public reads pictures from, e.g. a CDN's
  [the endpoint's URL of the bucket]; AWS_S3_URL_PROTOCOL: its scheme ["https:"].
- AWS_S3_ADDRESSING_STYLE: "path" or "virtual" [boto3 chooses].
- AWS_QUERYSTRING_AUTH: "1" signs picture URLs, for a private bucket [off: pictures are
  public, their URLs stable and cacheable, so the bucket (or the CDN) must allow reading].
- FEED_HTTP_TIMEOUT, FEED_MAX_BYTES, FEED_DROP_SETTLE_SECONDS: feed polling's limits (seconds,
  bytes, seconds) [30, 20 MiB, 2].
- EVENT_CLUSTER_WINDOW_HOURS, EVENT_CLUSTER_THRESHOLD: two reports of one event are at most this
  many hours apart [36]; the score from which a wire story joins an event [2.75].
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

# Which process is starting is no guide (a command run on the production host by hand, with its
# environment missing a variable, must not fall back to a key anyone can read here): only DEBUG
# earns the development key, and everything else stops until SECRET_KEY is set.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (or DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-development-only-key"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

SERVE_ADMIN = env_bool("SERVE_ADMIN", True)

INSTALLED_APPS = [
    # django.contrib.admin, checking query parameters; without the admin's pages, its models
    # stay (the history of changes) and no app's admin module is imported.
    "newsroom.admin.NewsroomAdminConfig" if SERVE_ADMIN else "newsroom.admin.ModelsOnlyAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "axes",
    "articles",
    "translations",
]

# Background tasks: the database queue is always there (its table, its admin); the Redis
# queue's app (no table) only when it is the one used.
INSTALLED_APPS += ["django_tasks_db"]
if os.environ.get("REDIS_URL"):
    INSTALLED_APPS += ["django_tasks_redis"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiles a statement whose estimated cost is high; for this site's short statements it
    # costs more than it saves: half a second on the translation memory look-up of a long story,
    # a statement that runs in a few milliseconds a paragraph. A DATABASE_URL may say otherwise.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "newsroom.cache.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Media on S3-compatible object storage when a bucket is named; see the docstring.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "url_protocol": os.environ.get("AWS_S3_URL_PROTOCOL", "https:"),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH"),
            # Two uploads named alike get two names, as on the file system: a picture a
            # story shows is never replaced under it.
            "file_overwrite": False,
        },
    }

# Without collectstatic (development), serve straight from the app and project folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django 6.1 mailers. Console in development; SMTP (EMAIL_HOST, EMAIL_PORT) otherwise. Each
# backend takes its own options, and an option it does not know makes every send fail, so the
# SMTP ones go to SMTP only (and EMAIL_FILE_PATH to the file backend only).
MAIL_BACKEND = os.environ.get(
    "MAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAIL_OPTIONS: dict[str, object] = {}
if MAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
    MAIL_OPTIONS = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER") or None,
        "password": os.environ.get("EMAIL_HOST_PASSWORD") or None,
        "use_tls": env_bool("EMAIL_USE_TLS"),
        "timeout": int(os.environ.get("EMAIL_TIMEOUT", "10")),
    }
elif MAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend":
    MAIL_OPTIONS = {"file_path": os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "mail"))}
MAILERS = {"default": {"BACKEND": MAIL_BACKEND, "OPTIONS": MAIL_OPTIONS}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Background tasks (django.tasks), enqueued once the work that needs them has committed. The
# tests run each task at once, inside the test; a test that needs a queue overrides this.
if REDIS_URL:
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_redis.RedisTaskBackend",
            "QUEUES": ["default"],
            "OPTIONS": {
                "REDIS_URL": REDIS_URL,
                "REDIS_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom") + "-tasks",
            },
        }
    }
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Retries with backoff (newsroom.retry): 30 s, 1, 2, 4... minutes, about an hour in all.
NEWSROOM_TASK_RETRY_SECONDS = float(os.environ.get("NEWSROOM_TASK_RETRY_SECONDS", "30"))
NEWSROOM_TASK_MAX_ATTEMPTS = int(os.environ.get("NEWSROOM_TASK_MAX_ATTEMPTS", "8"))

# HTTPS in production, where a TLS-terminating proxy sets X-Forwarded-Proto; HTTPS=0 serves plain
# HTTP (a closed network, or a proxy that redirects by itself).
HTTPS = not DEBUG and env_bool("HTTPS", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Newsroom's own settings.
NEWSROOM_LANGUAGE = os.environ.get("NEWSROOM_LANGUAGE", "en")
PAGINATE_BY = 20
# How long a rendered public page stays in the server's page cache. A purge (publish,
# correction, withdrawal) retires the pages the story is on at once (articles.cache).
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
# How long a rendered fragment of a public page (a story's page, its teaser, its ninjs item)
# may stay in the cache, which keeps it under the versions of what it shows (articles.fragments):
# a change gives it a new key at once, and this only bounds how long an unused one takes room.
# 0 renders every fragment on every request.
PUBLIC_FRAGMENT_SECONDS = int(os.environ.get("PUBLIC_FRAGMENT_SECONDS", "86400"))
# max-age sent to browsers and shared caches. 0 (the default) makes them revalidate every time
# (cheap: ETag and Last-Modified answer 304), so that nobody outside is left showing a
# withdrawn story; raise it only behind a CDN that is purged with the site.
PUBLIC_MAX_AGE = int(os.environ.get("PUBLIC_MAX_AGE", "0"))
# s-maxage and stale-while-revalidate for a CDN or Varnish in front, which must then purge by
# the Surrogate-Key / Cache-Tag headers when the site purges (README.md, "Caching"); 0 (the
# default) sends neither, and shared caches follow PUBLIC_MAX_AGE.
PUBLIC_SHARED_MAX_AGE = int(os.environ.get("PUBLIC_SHARED_MAX_AGE", "0"))
PUBLIC_STALE_WHILE_REVALIDATE = int(os.environ.get("PUBLIC_STALE_WHILE_REVALIDATE", "30"))
# A callable (dotted path) given the tags of every purge, to purge a CDN by surrogate key; it
# runs once the change commits, in the request that made it, so it should enqueue a task.
PUBLIC_PURGE_HOOK = os.environ.get("PUBLIC_PURGE_HOOK", "")
# The name the site publishes under, in feeds, JSON-LD and the API.
SITE_NAME = os.environ.get("SITE_NAME", "Newsroom")

# Machine translation is off unless a backend is named (see translations/mt/).
MT_BACKEND = os.environ.get("MT_BACKEND", "")
MT_URL = os.environ.get("MT_URL", "")
MT_API_KEY = os.environ.get("MT_API_KEY", "")
MT_TIMEOUT = float(os.environ.get("MT_TIMEOUT", "15"))

# Feed polling (articles.services.feeds): how long one HTTP fetch may take, the largest body
# taken (bigger ones are aborted mid-stream), and how long a drop-folder file must sit unchanged
# before it counts as completely written.
FEED_HTTP_TIMEOUT = float(os.environ.get("FEED_HTTP_TIMEOUT", "30"))
FEED_MAX_BYTES = int(os.environ.get("FEED_MAX_BYTES", str(20 * 1024 * 1024)))
FEED_DROP_SETTLE_SECONDS = float(os.environ.get("FEED_DROP_SETTLE_SECONDS", "2"))

# --- Hardening ----------------------------------------------------------------------------------
# The largest wire file `ingest` reads; a bigger one is refused before it is read.
NEWSROOM_INGEST_MAX_BYTES = int(os.environ.get("NEWSROOM_INGEST_MAX_BYTES", str(20 * 1024 * 1024)))

# Content-Security-Policy (Django's own). Nothing inline runs: the site's scripts are files, and
# the admin's few inline blocks carry the request's nonce (the csp context processor). A media or
# static origin of its own (object storage, a CDN) is allowed for what it serves.
_OWN_ORIGINS = [url for url in (MEDIA_URL, STATIC_URL) if url.startswith(("https://", "http://"))]


def _object_storage_origins() -> list[str]:
    """Where readers' browsers fetch pictures from when media are on object storage (see
    STORAGES): the custom domain, else the endpoint (path or virtual-host style), else AWS."""
    if not AWS_STORAGE_BUCKET_NAME:
        return []
    bucket = AWS_STORAGE_BUCKET_NAME
    if custom := os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        protocol = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
        return [f"{protocol}//{custom.split('/')[0]}"]
    if endpoint := os.environ.get("AWS_S3_ENDPOINT_URL"):
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = os.environ.get("AWS_S3_REGION_NAME")
    return [f"https://{bucket}.s3.amazonaws.com"] + (
        [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    )


_OWN_ORIGINS += _object_storage_origins()
CONTENT_SECURITY_POLICY = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *_OWN_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if CSP_REPORT_URI := os.environ.get("CSP_REPORT_URI", ""):
    CONTENT_SECURITY_POLICY["report-uri"] = [CSP_REPORT_URI]
# Roll-out: CSP_REPORT_ONLY=1 reports what the policy would block without blocking it.
if env_bool("CSP_REPORT_ONLY"):
    SECURE_CSP, SECURE_CSP_REPORT_ONLY = {}, CONTENT_SECURITY_POLICY
else:
    SECURE_CSP, SECURE_CSP_REPORT_ONLY = CONTENT_SECURITY_POLICY, {}

# Permissions-Policy (django-permissions-policy): no page of ours uses a device or sensor, so
# none may, nor may anything embedded.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failures of one username from one
# address, that pair is locked out for LOGIN_LOCKOUT_MINUTES, even with the right password. The
# count lives in the Redis cache when there is one, so every worker sees it at no database cost;
# without Redis, in the database (a local-memory cache is per process). A superuser lifts a lock
# with `manage.py axes_reset_ip_username ADDRESS USERNAME` (the lockout is logged with both) or,
# without Redis, also by deleting the access attempt in the admin. Behind a proxy, REMOTE_ADDR
# must be the client's (gunicorn --forwarded-allow-ips).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_VERBOSE = False
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "60")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Event clusters: how far apart in time two reports of one event may be, and the score
# from which a wire story joins an event (see articles/services/clusters.py for the weights).
EVENT_CLUSTER_WINDOW_HOURS = float(os.environ.get("EVENT_CLUSTER_WINDOW_HOURS", "36"))
EVENT_CLUSTER_THRESHOLD = float(os.environ.get("EVENT_CLUSTER_THRESHOLD", "2.75"))
