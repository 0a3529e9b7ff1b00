from .agencies import Agency, AgencyAlias, Attribution, AttributionRole
from .clusters import (
    EventCluster,
    EventClusterDecision,
    EventClusterMembership,
    EventSummary,
    Placement,
    WireStoryFeature,
)
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
    "EventCluster",
    "EventClusterDecision",
    "EventClusterMembership",
    "EventSummary",
    "Feed",
    "FeedFormat",
    "FeedKind",
    "FeedQuerySet",
    "Image",
    "ImageRendition",
    "LanguageSource",
    "ParagraphMethod",
    "Placement",
    "PubStatus",
    "Section",
    "SiteSettings",
    "Story",
    "StoryParagraph",
    "StoryQuerySet",
    "StorySearchDocument",
    "StoryStatus",
    "WireStory",
    "WireStoryFeature",
    "WireStoryQuerySet",
]
