"""Deployment checks (`manage.py check --deploy`)."""

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
