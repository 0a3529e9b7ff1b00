from .agencies import Agency, AgencyAlias, Attribution, AttributionRole
from .feeds import Feed, FeedFormat, FeedKind, FeedQuerySet
from .images import Image, ImageRendition
from .search import StorySearchDocument
from .stories import Correction, Section, Story, StoryParagraph, StoryQuerySet, StoryStatus
from .wire import PubStatus, WireStory, WireStoryQuerySet

__all__ = [
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
