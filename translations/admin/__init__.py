from . import audit, glossary, story, wire  # noqa: F401  (registers the ModelAdmins)
