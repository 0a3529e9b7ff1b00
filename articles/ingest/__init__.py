"""Parsers that turn wire-agency payloads into :class:`~articles.ingest.base.ParsedItem` objects.

Everything in this package is pure: no models, no database, no settings. The ingest service reads
the ``ParsedItem`` list returned by :func:`articles.ingest.registry.parse` and does the writing.
"""
