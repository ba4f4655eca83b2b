"""nato-briefs core: NATO news articles -> validated, documented Parquet datasets.

Everything here runs without Prefect; ``flows/`` composes it into Prefect flows.
The library API (``read_article``, ``read_folder``) is loaded on first use, so
the CLI's start-up does not pay for the reader's imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["Article", "ArticleError", "__version__", "read_article", "read_folder"]

if TYPE_CHECKING:
    from nato_briefs.api import Article, ArticleError, read_article, read_folder


def __getattr__(name: str) -> Any:
    if name in ("Article", "ArticleError", "read_article", "read_folder"):
        from nato_briefs import api

        return getattr(api, name)
    raise AttributeError(f"module 'nato_briefs' has no attribute {name!r}")
