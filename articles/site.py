"""The site's public address, for links that leave the page: feeds, sitemaps, JSON-LD, the API.

Built from settings.SITE_URL rather than from the request's Host header, so that cached
responses never carry a host that a client chose.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """SITE_URL + path; a URL that is already absolute (media on a CDN) is returned as is."""
    if urlsplit(path).scheme:
        return path
    return f"{settings.SITE_URL}{path}"


def site_protocol() -> str:
    return urlsplit(settings.SITE_URL).scheme or "https"


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).netloc
