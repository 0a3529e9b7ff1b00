"""Machine translation, pluggable: settings.MT_BACKEND names the backend class (none by default).

A backend takes a list of texts and returns their translations; see base.MachineTranslator.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import MachineTranslator, MTError

__all__ = ["MTError", "MachineTranslator", "machine_translator"]


def machine_translator() -> MachineTranslator | None:
    """The configured backend, or None when machine translation is off."""
    if not settings.MT_BACKEND:
        return None
    try:
        backend = import_string(settings.MT_BACKEND)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"MT_BACKEND={settings.MT_BACKEND!r} names no importable class: {error}"
        ) from error
    return backend(url=settings.MT_URL, api_key=settings.MT_API_KEY, timeout=settings.MT_TIMEOUT)
