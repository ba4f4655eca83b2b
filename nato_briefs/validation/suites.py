"""Expectation suites: the structural half generated from the schemas, the semantic half read from JSON.

A dataset's suite is built at load time from two sources:

* **structure**, generated from its pyarrow schema in ``nato_briefs/schema.py``: the columns in schema
  order, the exact Arrow type of every column and a not-null check for every non-nullable field. A schema
  change is therefore one edit in one file; the suites follow.
* **semantics**, hand-written in ``expectations/<dataset>.json`` (GX 1.x suite JSON, reviewed by hand):
  keys, ranges, value sets, regexes. A dataset without a file gets its structural suite alone.

Derived frames (``cross_dataset``, ...) have no schema of their own: their suites are entirely hand-written.

Every expectation is built explicitly (GX's own ``ExpectationSuite(expectations=[dict, ...])`` logs and
*drops* an expectation of an unknown type), so a typo fails loudly with :class:`SuiteError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from nato_briefs.schema import DATASETS
from nato_briefs.validation.gx import quiet_gx
from nato_briefs.vocab import Dataset

NATIVE_SEVERITY = {"error": "critical", "warning": "warning"}
STRUCTURAL_TYPES = frozenset(
    {"expect_table_columns_to_match_ordered_list", "expect_column_type_to_be", "expect_column_values_to_be_of_type"}
)
NOT_NULL = "expect_column_values_to_not_be_null"
ORDERED_COLUMNS = "expect_table_columns_to_match_ordered_list"
# A duplicate key fails these: the first occurrence is kept, the others quarantined.
UNIQUENESS = frozenset({"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"})
# Datasets whose rows can never be moved to quarantine (the quarantine dataset itself).
NEVER_QUARANTINED = frozenset({Dataset.QUARANTINE.value})


class SuiteError(ValueError):
    """An expectation suite file is missing or invalid (a configuration error, not a data error)."""


@dataclass(frozen=True)
class Check:
    """One expectation of a suite with the policy GX does not model (severity, quarantine)."""

    index: int
    expectation: Any  # great_expectations Expectation
    type: str
    kwargs: dict[str, Any]
    severity: str
    quarantine: bool
    description: str | None

    @property
    def columns(self) -> list[str]:
        kw = self.kwargs
        if self.type.startswith("expect_table_"):
            return []
        if "column" in kw:
            return [kw["column"]]
        if "column_list" in kw:
            return list(kw["column_list"])
        return [kw[k] for k in ("column_A", "column_B") if k in kw]


@dataclass(frozen=True)
class LoadedSuite:
    name: str
    suite: Any  # great_expectations ExpectationSuite
    checks: tuple[Check, ...]
    meta: dict[str, Any]


def _spec(type_: str, kwargs: dict[str, Any], description: str, *, quarantine: bool = False) -> dict[str, Any]:
    return {
        "type": type_,
        "kwargs": kwargs,
        "meta": {"severity": "error", "quarantine": quarantine},
        "severity": "critical",
        "description": description,
    }


def pandas_type_name(type_: pa.DataType) -> str:
    """The dtype name GX observes for an Arrow column converted with ``types_mapper=pd.ArrowDtype``."""
    return f"{type_}[pyarrow]"


def structural_specs(name: str, schema: pa.Schema) -> list[dict[str, Any]]:
    """Suite JSON specs of a dataset's structure: columns in order, Arrow types, nullability.

    Structural failures are never quarantinable (a missing column is not a bad row), except that a null
    in a non-nullable column of a record dataset is a bad row. pandas cannot parse a nested ArrowDtype
    name, so list columns are checked with ``expect_column_values_to_be_of_type(type_="list")``; their
    element type is enforced by the derived frames' prerequisites.
    """
    specs = [
        _spec(
            "expect_table_columns_to_match_ordered_list",
            {"column_list": list(schema.names)},
            f"The columns of the {name} schema (nato_briefs.schema), in schema order.",
        )
    ]
    for f in schema:
        if pa.types.is_list(f.type) or pa.types.is_large_list(f.type):
            specs.append(
                _spec(
                    "expect_column_values_to_be_of_type",
                    {"column": f.name, "type_": "list"},
                    f"{f.name} is a list column ({f.type} in the schema).",
                )
            )
        else:
            specs.append(
                _spec(
                    "expect_column_type_to_be",
                    {"column": f.name, "type_": pandas_type_name(f.type)},
                    f"{f.name} has the Arrow type {f.type} of the schema.",
                )
            )
    quarantine = name not in NEVER_QUARANTINED
    specs += [
        _spec(NOT_NULL, {"column": f.name}, f"{f.name} is never null.", quarantine=quarantine)
        for f in schema
        if not f.nullable
    ]
    return specs


def country_codes() -> list[str]:
    """Every code a ``countries`` list may hold: ISO 3166-1 alpha-3 from pycountry, plus the gazetteer's
    ``extra_countries`` (Kosovo ``XKX``, which the contract names and ISO lacks).

    Read from the gazetteer the pipeline finds countries with, so validation accepts exactly the codes the
    producer can write: a pycountry upgrade or a new extra country reaches both at once.
    """
    from nato_briefs.countries import COUNTRY, load_gazetteer

    return sorted(e.entity_id for e in load_gazetteer().entities.values() if e.entity_type == COUNTRY)


_COUNTRY_ROW = {"column": {"name": "entity_type"}, "operator": "==", "parameter": "country", "type": "comparison"}


def vocabulary_specs(columns: pa.Schema | Iterable[str]) -> list[dict[str, Any]]:
    """Checks whose allowed values live in a rule file or a library, by the columns a frame has.

    * ``theme``: an id of themes.yaml, or null;
    * ``entity_id`` next to ``entity_type`` (mentions): a country's id is a code of :func:`country_codes`;
    * ``country`` (the derived ``countries`` frame): a code of :func:`country_codes`.

    Generated like the structure, so editing the taxonomy or upgrading pycountry never leaves a suite behind.
    """
    names = set(columns.names if isinstance(columns, pa.Schema) else columns)
    specs = []
    if "theme" in names:
        from nato_briefs.themes import load_taxonomy

        specs.append(
            _spec(
                "expect_column_values_to_be_in_set",
                {"column": "theme", "value_set": sorted(load_taxonomy().ids)},
                "theme is an id of the taxonomy (nato_briefs/themes.yaml) or null.",
                quarantine=True,
            )
        )
    if {"entity_id", "entity_type"} <= names:
        specs.append(
            _spec(
                "expect_column_values_to_be_in_set",
                {"column": "entity_id", "value_set": country_codes(), "row_condition": _COUNTRY_ROW},
                "A country's entity_id is an ISO 3166-1 alpha-3 code (pycountry's, plus XKX for Kosovo).",
                quarantine=True,
            )
        )
    if "country" in names:
        specs.append(
            _spec(
                "expect_column_values_to_be_in_set",
                {"column": "country", "value_set": country_codes()},
                "Every code of a countries list is an ISO 3166-1 alpha-3 code (pycountry's, plus XKX for Kosovo).",
                quarantine=True,
            )
        )
    return specs


def _read_file(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise SuiteError(f"expectation suite not found: {path}") from e
    except json.JSONDecodeError as e:
        raise SuiteError(f"{path}: not valid JSON: {e}") from e
    if doc.get("name") != path.stem:
        raise SuiteError(f"{path}: suite name {doc.get('name')!r} differs from the file name {path.stem!r}")
    return doc


def _policy(spec: Mapping[str, Any], where: str) -> tuple[str, bool, str | None]:
    meta = spec.get("meta") or {}
    severity = meta.get("severity")
    if severity not in NATIVE_SEVERITY:
        raise SuiteError(f"{where}: meta.severity must be 'error' or 'warning', not {severity!r}")
    native = spec.get("severity", "critical")
    if native != NATIVE_SEVERITY[severity]:
        raise SuiteError(f"{where}: severity {native!r} contradicts meta.severity {severity!r}")
    quarantine = meta.get("quarantine", False)
    if not isinstance(quarantine, bool) or (quarantine and severity != "error"):
        raise SuiteError(f"{where}: meta.quarantine must be a boolean, true only for an error")
    return severity, quarantine, spec.get("description")


def build_suite(
    name: str, parts: Iterable[tuple[str, list[dict[str, Any]]]], meta: dict[str, Any] | None, notes: Any = None
) -> LoadedSuite:
    """One GX ExpectationSuite from (source label, specs) parts, strictly; ids are '<suite>#<position>'."""
    quiet_gx()
    from great_expectations.core import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    expectations, policies = [], []
    for source, specs in parts:
        for i, spec in enumerate(specs):
            where = f"{source}: expectation #{i} ({spec.get('type')})"
            policies.append(_policy(spec, where))
            try:
                expectations.append(ExpectationConfiguration(**spec).to_domain_obj())
            except Exception as e:  # unknown type, bad kwargs (pydantic), ...
                raise SuiteError(f"{where}: invalid expectation: {e}") from e
    suite = ExpectationSuite(name=name, expectations=expectations, meta=meta, notes=notes)
    if len(suite.expectations) != len(policies):
        raise SuiteError(f"{name}: GX kept {len(suite.expectations)} of {len(policies)} expectations")
    checks = []
    for i, (exp, (severity, quarantine, description)) in enumerate(zip(suite.expectations, policies, strict=True)):
        exp.id = f"{name}#{i}"  # results carry the id back: maps each result to its check
        kwargs = {k: v for k, v in exp.configuration.kwargs.items() if k != "batch_id"}
        checks.append(Check(i, exp, exp.expectation_type, kwargs, severity, quarantine, description))
    return LoadedSuite(name, suite, tuple(checks), dict(meta or {}))


def load_suite(path: Path) -> LoadedSuite:
    """Read one suite file as it is (the hand-written part only), strictly."""
    path = Path(path)
    doc = _read_file(path)
    return build_suite(doc["name"], [(path.name, doc.get("expectations") or [])], doc.get("meta"), doc.get("notes"))


def _restated(
    specs: list[dict[str, Any]], generated: list[dict[str, Any]], path: Path, *, structural: bool = True
) -> None:
    """A hand-written structural check or value set would drift from its source: refuse it."""
    keys = {(s["type"], s["kwargs"].get("column")) for s in generated}
    for i, spec in enumerate(specs):
        kwargs = spec.get("kwargs") or {}
        key = (spec.get("type"), kwargs.get("column"))
        if (structural and spec.get("type") in STRUCTURAL_TYPES) or (key[1] is not None and key in keys):
            raise SuiteError(
                f"{path.name}: expectation #{i} ({spec.get('type')}) restates the schema or a generated value set; "
                "structural checks are generated from nato_briefs/schema.py and value sets from their rule file "
                "or library (suites.vocabulary_specs): keep only the other checks in the file"
            )


def dataset_suite(name: str, suites_dir: Path, schema: pa.Schema | None = None) -> LoadedSuite:
    """The suite a run uses for dataset ``name``: generated structure, then the file's semantic checks."""
    schema = DATASETS[name] if schema is None else schema
    generated = structural_specs(name, schema) + vocabulary_specs(schema)
    path = Path(suites_dir) / f"{name}.json"
    parts = [(f"{name} (generated from nato_briefs.schema)", generated)]
    meta: dict[str, Any] = {"kind": "dataset", "dataset": name}
    notes = None
    if path.exists():
        doc = _read_file(path)
        specs = doc.get("expectations") or []
        _restated(specs, generated, path)
        parts.append((path.name, specs))
        meta = {**meta, **(doc.get("meta") or {})}
        notes = doc.get("notes")
    return build_suite(name, parts, meta, notes)


def derived_suite(name: str, suites_dir: Path) -> LoadedSuite:
    """The suite of a derived frame: its file (which names the frame's columns), then the value-set checks
    generated for those columns (:func:`vocabulary_specs`)."""
    path = Path(suites_dir) / f"{name}.json"
    doc = _read_file(path)
    specs = doc.get("expectations") or []
    columns = next((s["kwargs"].get("column_list") or [] for s in specs if s.get("type") == ORDERED_COLUMNS), [])
    generated = vocabulary_specs(columns)
    _restated(specs, generated, path, structural=False)
    parts = [(path.name, specs), (f"{name} (generated value sets)", generated)]
    return build_suite(doc["name"], parts, doc.get("meta"), doc.get("notes"))


def run_suites(suites_dir: Path, datasets: Iterable[str], derived: Iterable[str]) -> dict[str, LoadedSuite]:
    """Every suite of one validation run: one per dataset and one per derived frame (generated + file)."""
    suites = {name: dataset_suite(name, suites_dir) for name in datasets}
    suites.update({name: derived_suite(name, suites_dir) for name in derived})
    return suites
