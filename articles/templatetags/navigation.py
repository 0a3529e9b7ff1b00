"""The site's header: the sections as navigation, and the links every page carries."""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe

from articles.cache import NAV_KEY, cached_for_site, public_sections

register = template.Library()


def render_nav() -> dict[str, str]:
    """The navigation as every page shows it: keyed by the path of the page it marks as the
    current one ("" for a page it does not link to)."""
    links = [("Latest", reverse("articles:home"))]
    links += [(section.name, section.get_absolute_url()) for section in public_sections()]
    return {
        current: render_to_string(
            "articles/_site_nav.html", {"links": links, "current_path": current}
        )
        for current in ("", *(url for _, url in links))
    }


@register.simple_tag(takes_context=True)
def site_nav(context: template.Context) -> SafeString:
    """Rendered once until the site is purged (as a section's change does), not on each page:
    one cache look-up instead of reading the sections and reversing each one's URL."""
    request = context.get("request")
    rendered = cached_for_site(NAV_KEY, render_nav)
    return mark_safe(rendered.get(request.path if request else "", rendered[""]))


@register.simple_tag
def site_url(name: str, **kwargs: str) -> str:
    """The URL of a page of the site (the home page, the feeds, a section's feed...), reversed
    once rather than on every page that links to it."""
    return _reversed(name, tuple(sorted(kwargs.items())), get_script_prefix())


@lru_cache(maxsize=1024)
def _reversed(name: str, kwargs: tuple[tuple[str, str], ...], script_prefix: str) -> str:
    return reverse(name, kwargs=dict(kwargs))
