from .agencies import Agency, AgencyAlias, Attribution, AttributionRole
from .feeds import Feed, FeedFormat, FeedKind, FeedQuerySet
from .images import Image, ImageRendition
from .search import StorySearchDocument
from .site import SiteSettings
from .stories import (
    MACHINE_METHODS,
    Correction,
    ParagraphMethod,
    Section,
    Story,
    StoryParagraph,
    StoryQuerySet,
    StoryStatus,
)
from .wire import LanguageSource, PubStatus, WireStory, WireStoryQuerySet

__all__ = [
    "MACHINE_METHODS",
    "Agency",
    "AgencyAlias",
    "Attribution",
    "AttributionRole",
    "Correction",
    "Feed",
    "FeedFormat",
    "FeedKind",
    "FeedQuerySet",
    "Image",
    "ImageRendition",
    "LanguageSource",
    "ParagraphMethod",
    "PubStatus",
    "Section",
    "SiteSettings",
    "Story",
    "StoryParagraph",
    "StoryQuerySet",
    "StorySearchDocument",
    "StoryStatus",
    "WireStory",
    "WireStoryQuerySet",
]
