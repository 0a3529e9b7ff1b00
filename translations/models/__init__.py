from .audit import AuditEvent, EventType
from .memory import GlossaryTerm, MemoryEntry, MemoryOffers
from .provenance import (
    ParagraphAlignment,
    ParagraphOrigin,
    Translation,
    TranslationMethod,
    TranslationQuerySet,
)
from .review import QAAcknowledgement, ReviewComment, StoryRevision, WorkingCopy

__all__ = [
    "AuditEvent",
    "EventType",
    "GlossaryTerm",
    "MemoryEntry",
    "MemoryOffers",
    "ParagraphAlignment",
    "ParagraphOrigin",
    "QAAcknowledgement",
    "ReviewComment",
    "StoryRevision",
    "Translation",
    "TranslationMethod",
    "TranslationQuerySet",
    "WorkingCopy",
]
