"""nato-briefs: NATO news articles (markdown) -> validated, documented Parquet datasets."""

__version__ = "0.1.0"
