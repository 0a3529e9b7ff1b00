from .admin import WireStoryAdmin

__all__ = ["WireStoryAdmin"]
