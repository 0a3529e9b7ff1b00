"""The translation desk's services: claiming wire stories, saving translations without losing
work, machine suggestions, QA acknowledgements, and rebasing onto a new source. (Reassigning and
review comments belong to the review workflow: services.workflow and services.comments.)

Each is a named function with keyword-only arguments that checks state and permission, runs in
one transaction on locked rows and writes an audit event.
"""

from .claim import ClaimError, EventCoveredError, wire_story_claim, wire_story_discard
from .language import wire_story_confirm_language
from .machine import story_machine_suggest
from .qa import qa_acknowledge
from .rebase import ParagraphChange, SourceChanges, source_changes, translation_rebase
from .text import (
    EDIT_LOCK_TIMEOUT,
    DeskParagraph,
    SaveConflict,
    SaveResult,
    StoryText,
    editing_lock_holder,
    story_autosave,
    story_editing_start,
    story_editing_stop,
    story_save,
    story_text,
    working_copy_text,
)

__all__ = [
    "EDIT_LOCK_TIMEOUT",
    "ClaimError",
    "DeskParagraph",
    "EventCoveredError",
    "ParagraphChange",
    "SaveConflict",
    "SaveResult",
    "SourceChanges",
    "StoryText",
    "editing_lock_holder",
    "qa_acknowledge",
    "source_changes",
    "story_autosave",
    "story_editing_start",
    "story_editing_stop",
    "story_machine_suggest",
    "story_save",
    "story_text",
    "translation_rebase",
    "wire_story_claim",
    "wire_story_confirm_language",
    "wire_story_discard",
    "working_copy_text",
]
