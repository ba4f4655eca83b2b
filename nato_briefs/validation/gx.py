"""The Great Expectations engine of one validation pass: an ephemeral context, created and dropped with it.

Only GX's public API is used: ``gx.get_context(project_config=DataContextConfig(...), mode="ephemeral")``,
a pandas data source, one dataframe asset per validated frame and ``Batch.validate``. Nothing is held in a
process global: a pass creates a :class:`GxEngine`, validates its frames and lets it go, and with it
every dataframe and metric GX cached on its execution engine. Creating one costs ~0.1 s once GX is imported
(importing GX itself takes seconds: :func:`import_gx` lets a caller pay that early, in a thread).

GX names a whole-dataframe batch after its data source and asset only, and caches metrics by that name:
validating a second dataframe under the same asset of the same engine could read the first one's metrics.
Every frame therefore gets an asset of its own (``<frame>-<n>``).
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Sequence
from typing import Any

import pandas as pd

# GX reads this when a context is created.
os.environ["GX_ANALYTICS_ENABLED"] = "false"

SINGLE_LOAD_ROWS = 20_000  # from this many rows a frame is loaded once (see GxEngine.run_suite)
PARTIAL_UNEXPECTED = 20  # row positions GX returns with a SUMMARY: enough to quarantine small failures at once


def quiet_gx() -> None:
    """GX logs at INFO and warns about its own deprecated imports: noise for our users, not theirs to fix.

    Idempotent (logging levels and warning filters are set, not stacked: filterwarnings dedupes).
    """
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"great_expectations(\.|$)")


def import_gx() -> None:
    """Import GX ahead of time (seconds): the module cache keeps it for the pass that follows."""
    quiet_gx()
    import great_expectations  # noqa: F401


class GxEngine:
    """One ephemeral GX context with a pandas data source: in-memory stores, no docs site, no progress bars."""

    def __init__(self, name: str = "nato_briefs") -> None:
        quiet_gx()
        import great_expectations as gx
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        config = DataContextConfig(
            store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
            analytics_enabled=False,
            progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        )
        self.context = gx.get_context(project_config=config, mode="ephemeral")
        self.datasource = self.context.data_sources.add_pandas(name=name)
        self._assets = 0

    def _batch_definition(self, name: str) -> Any:
        self._assets += 1
        asset = self.datasource.add_dataframe_asset(name=f"{name}-{self._assets}")
        return asset.add_batch_definition_whole_dataframe(asset.name)

    def batch(self, name: str, df: pd.DataFrame) -> Any:
        """A GX Batch of ``df`` under an asset of its own (see the module docstring)."""
        return self._batch_definition(name).get_batch(batch_parameters={"dataframe": df})

    def validate(self, batch: Any, expect: Any, result_format: dict[str, Any]) -> Any:
        """Run a suite or one expectation on a batch (GX's ``Batch.validate``)."""
        return batch.validate(expect, result_format=result_format)

    def suite_of(self, name: str, expectations: Sequence[Any]) -> Any:
        """A suite of copies of ``expectations`` (of another suite) that keep their ids, so results map back."""
        import great_expectations as gx

        suite = gx.ExpectationSuite(name=name, expectations=[e.copy(update={"id": None}) for e in expectations])
        for copy, original in zip(suite.expectations, expectations, strict=True):
            copy.id = original.id
        return suite

    def run_suite(self, name: str, df: pd.DataFrame, suite: Any, result_format: dict[str, Any]) -> tuple[Any, list]:
        """Validate ``df`` with ``suite``; returns GX's suite result and the expectation ids its results carry,
        in the suite's order.

        Every load of a dataframe into GX hashes all of it into an informational batch marker (~1.5 s of CPU
        for 100k table rows, whose list columns GX pickles to hash). ``get_batch`` + ``Batch.validate`` loads
        it twice; a ValidationDefinition loads it once but serializes the suite, itself and the results into
        the context's stores (~0.2 s of CPU per frame). Large frames therefore go through a
        ValidationDefinition, small ones (tests, incremental runs) through the batch.
        """
        if len(df) < SINGLE_LOAD_ROWS:
            return self.validate(self.batch(name, df), suite, result_format), [e.id for e in suite.expectations]
        return self._run_definition(name, df, suite, result_format)

    def _run_definition(self, name: str, df: pd.DataFrame, suite: Any, result_format: dict[str, Any]) -> tuple:
        import great_expectations as gx

        definition = self._batch_definition(name)
        copies = [e.copy(update={"id": None}) for e in suite.expectations]  # the caller's suite keeps its ids
        stored = self.context.suites.add(gx.ExpectationSuite(name=definition.name, expectations=copies))
        run = self.context.validation_definitions.add(
            gx.ValidationDefinition(name=definition.name, data=definition, suite=stored)
        )
        result = run.run(batch_parameters={"dataframe": df}, result_format=result_format)
        return result, [e.id for e in stored.expectations]
