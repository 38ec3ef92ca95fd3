"""Entities: NER + within-article resolution ("entities") and cross-article linking ("link")."""

from chronik.stages.entities.link import LinkStage
from chronik.stages.entities.stage import EntityStage

__all__ = ["EntityStage", "LinkStage"]
