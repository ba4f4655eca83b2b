"""nato-briefs core: NATO news articles -> validated, documented Parquet datasets.

Everything here runs without Prefect; ``flows/`` composes it into Prefect flows.
"""

__version__ = "0.2.0"
