"""Prefect flows, tasks, task runners and deployments composing the nato_briefs core."""

from nato_briefs import __version__

__all__ = ["__version__"]
