"""The app of the run's own ephemeral Prefect API, imported only in the server's process.

``nato_briefs.processes.ApiServer`` starts uvicorn on ``APP`` before the CLI
imports Prefect; only this factory, in the child, imports Prefect's server.
"""

APP = f"{__name__}:ephemeral_app"


def ephemeral_app():
    """The uvicorn factory: Prefect's API without UI or services, as the ephemeral server runs it."""
    from prefect.server.api.server import create_app

    return create_app(ephemeral=True, final=True)
