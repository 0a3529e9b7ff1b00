from .agencies import Agency, AgencyAlias, Attribution, AttributionRole
from .clusters import (
    EventCluster,
    EventClusterDecision,
    EventClusterMembership,
    Placement,
    WireStoryFeature,
)
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
    "EventCluster",
    "EventClusterDecision",
    "EventClusterMembership",
    "Feed",
    "FeedFormat",
    "FeedKind",
    "FeedQuerySet",
    "Image",
    "ImageRendition",
    "Placement",
    "PubStatus",
    "Section",
    "Story",
    "StoryParagraph",
    "StoryQuerySet",
    "StorySearchDocument",
    "StoryStatus",
    "WireStory",
    "WireStoryFeature",
    "WireStoryQuerySet",
]
