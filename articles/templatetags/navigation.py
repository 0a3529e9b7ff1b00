"""The site's header: the sections as navigation, and the search form."""

from django import template
from django.core.cache import cache

from articles.cache import public_cache_version
from articles.models import Section

register = template.Library()

# Keyed on the public cache version, so a purge (e.g. a section renamed) refreshes it at once.
NAV_CACHE_KEY = "site-nav:sections:v{version}"
NAV_CACHE_SECONDS = 600


def nav_sections() -> list[dict[str, str]]:
    """The sections in their site order, from the cache: one query per cache period."""
    return cache.get_or_set(
        NAV_CACHE_KEY.format(version=public_cache_version()),
        lambda: [
            {"name": section.name, "url": section.get_absolute_url()}
            for section in Section.objects.only("name", "slug")
        ],
        NAV_CACHE_SECONDS,
    )


@register.inclusion_tag("articles/_site_nav.html", takes_context=True)
def site_nav(context: template.Context) -> dict:
    request = context.get("request")
    return {"sections": nav_sections(), "current_path": request.path if request else ""}
