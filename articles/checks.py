"""Deployment checks (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def page_cache_is_shared(app_configs, **kwargs) -> list[Warning]:
    """A purge (publish, correction, withdrawal) must reach every worker's page cache."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "The page cache is in each process's memory: a withdrawal purges only the "
                "worker that made it, and the others serve the story until their copy expires.",
                hint="Set REDIS_URL so that every worker shares one cache.",
                id="newsroom.W001",
            )
        ]
    return []


@register(deploy=True)
def site_url_is_public(app_configs, **kwargs) -> list[Warning]:
    """Feeds, sitemaps, mail and the API carry absolute links built on SITE_URL."""
    if urlsplit(settings.SITE_URL).hostname in {"127.0.0.1", "localhost", "::1"}:
        return [
            Warning(
                f"SITE_URL is {settings.SITE_URL}: feeds, sitemaps, mail and the ninjs API "
                "would send readers and machines to this host's loopback address.",
                hint="Set SITE_URL to the public address, e.g. https://news.example.org.",
                id="newsroom.W002",
            )
        ]
    return []
