from .agencies import Agency, AgencyAlias, Attribution, AttributionRole
from .images import Image, ImageRendition
from .search import StorySearchDocument
from .stories import Correction, Section, Story, StoryParagraph, StoryQuerySet, StoryStatus
from .wire import LanguageSource, PubStatus, WireStory, WireStoryQuerySet

__all__ = [
    "Agency",
    "AgencyAlias",
    "Attribution",
    "AttributionRole",
    "Correction",
    "Image",
    "ImageRendition",
    "LanguageSource",
    "PubStatus",
    "Section",
    "Story",
    "StoryParagraph",
    "StoryQuerySet",
    "StorySearchDocument",
    "StoryStatus",
    "WireStory",
    "WireStoryQuerySet",
]
