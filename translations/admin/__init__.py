from . import audit, story, wire  # noqa: F401  (registers the ModelAdmins)
