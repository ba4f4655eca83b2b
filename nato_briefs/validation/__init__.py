"""Great Expectations validation of the datasets: the pure core (no Prefect here).

Modules, in the order a run uses them:

* ``suites``: the suites, structure generated from ``nato_briefs/schema.py``, semantics from ``expectations/``;
* ``gx``: the GX engine of one validation pass (public GX API only, no process-global state);
* ``frames``: the datasets and the derived frames (cross-dataset, per-document counts, table shape);
* ``run``: a validation pass (:class:`Validator`, :func:`validate_tables`);
* ``results``: outcomes, per-suite results and the report, and how reports of slices merge;
* ``quarantine``: moving the rows of quarantinable failures into the quarantine dataset;
* ``html_report`` and ``published``: the HTML page and `nato-briefs validate --out DIR`.
"""

from nato_briefs.validation.html_report import write_html_report
from nato_briefs.validation.published import load_published, main_validate
from nato_briefs.validation.quarantine import quarantine_failed_records
from nato_briefs.validation.results import ExpectationOutcome, SuiteResult, ValidationReport, merge_reports
from nato_briefs.validation.run import DERIVED_SUITES, SUITE_NAMES, Validator, validate_tables, warm_up
from nato_briefs.validation.suites import SuiteError, dataset_suite, load_suite, structural_specs

__all__ = [
    "DERIVED_SUITES",
    "SUITE_NAMES",
    "ExpectationOutcome",
    "SuiteError",
    "SuiteResult",
    "ValidationReport",
    "Validator",
    "dataset_suite",
    "load_published",
    "load_suite",
    "main_validate",
    "merge_reports",
    "quarantine_failed_records",
    "structural_specs",
    "validate_tables",
    "warm_up",
    "write_html_report",
]
