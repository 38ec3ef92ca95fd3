"""chronik: a source-attributed picture of a news story from many articles."""

from chronik.errors import ChronikError, ItemError
from chronik.model import Article, Corpus, Entity, Story

__all__ = ["Article", "ChronikError", "Corpus", "Entity", "ItemError", "Story", "__version__"]
__version__ = "0.1.0"
