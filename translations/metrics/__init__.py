"""Wire speed: how fast the desk turns wire stories into published translations.

Every figure is derived from the audit log and the wire timestamps (timelines.py), never
typed in; figures.py aggregates them and charts.py draws them for the admin's metrics page
(translations.admin.metrics).
"""

from .figures import Figures, Summary, wire_speed_figures
from .timelines import Stage, StoryTimeline, published_timelines, waiting_longest

__all__ = [
    "Figures",
    "Stage",
    "StoryTimeline",
    "Summary",
    "published_timelines",
    "waiting_longest",
    "wire_speed_figures",
]
