"""Stories: articles grouped by the event they report, across languages and over time.

Public API: `StoriesStage` (registered as "stories"), `StoryClusterer`, `Calibration`.
"""

from __future__ import annotations

from chronik.stages.stories.cluster import Calibration, StoryClusterer
from chronik.stages.stories.stage import StoriesStage

__all__ = ["Calibration", "StoriesStage", "StoryClusterer"]
