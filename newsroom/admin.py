"""The admin site: Django's, with every query parameter checked before a view reads it.

Admin list filters and search pass the address's values to the ORM as they come. PostgreSQL
refuses a NUL character in a text value with an error, so ``?language=%00`` or ``?q=%00`` on any
list would answer 500. No admin value needs a control character or ten kilobytes, so such a
parameter is dropped here, for every admin page at once, with a message saying which one and why.
"""

import re
from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin.apps import AdminConfig, SimpleAdminConfig
from django.http import HttpResponseRedirect

_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MAX_PARAMETER_LENGTH = 1000


def _unusable(text: str) -> bool:
    return len(text) > MAX_PARAMETER_LENGTH or _CONTROL_CHARACTER.search(text) is not None


def refuse_unusable_parameters(view):
    """Redirect to the same page without the parameters no admin page can use, saying so."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        bad = [
            name
            for name, values in request.GET.lists()
            if _unusable(name) or any(_unusable(value) for value in values)
        ]
        if not bad:
            return view(request, *args, **kwargs)
        query = request.GET.copy()
        for name in bad:
            del query[name]
        shown = ", ".join(repr(name[:40]) for name in bad)
        messages.error(
            request,
            f"Ignored the address's parameter {shown}: its value holds a control character or "
            f"is over {MAX_PARAMETER_LENGTH} characters long.",
        )
        return HttpResponseRedirect(
            f"{request.path}?{query.urlencode()}" if query else request.path
        )

    return checked


class NewsroomAdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        return super().admin_view(refuse_unusable_parameters(view), cacheable)


class NewsroomAdminConfig(AdminConfig):
    default_site = "newsroom.admin.NewsroomAdminSite"


class ModelsOnlyAdminConfig(SimpleAdminConfig):
    """The admin's app without its pages (settings.SERVE_ADMIN off): the apps' admin modules,
    the desk's and the review's views among them, are not imported."""

    default_site = "newsroom.admin.NewsroomAdminSite"
