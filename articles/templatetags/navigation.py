"""The site's header: the sections as navigation, and the search form."""

from django import template

from articles.cache import public_sections

register = template.Library()


def nav_sections() -> list[dict[str, str]]:
    """The sections in their site order, from the cache (refreshed when the site is purged)."""
    return [
        {"name": section.name, "url": section.get_absolute_url()} for section in public_sections()
    ]


@register.inclusion_tag("articles/_site_nav.html", takes_context=True)
def site_nav(context: template.Context) -> dict:
    request = context.get("request")
    return {"sections": nav_sections(), "current_path": request.path if request else ""}
