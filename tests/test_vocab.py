"""One vocabulary: every stage and reason code the code writes is a member of nato_briefs.vocab."""

from __future__ import annotations

import json
import re

from nato_briefs.config import EXPECTATIONS_DIR, PACKAGE_DIR, PROJECT_DIR
from nato_briefs.schema import DATASETS, RECORD_DATASETS, RECORD_KEYS, SORT_KEYS
from nato_briefs.vocab import Dataset, ReasonCode, Stage

# A reason code or stage written as a string literal where a rejection is built: reject("code", ...),
# ParseLimitError("code", ...), OverBudget("code", ...), Rejection(path, doc_id, "stage", "code", ...).
_LITERALS = [
    re.compile(r'\b(?:reject|ParseLimitError|OverBudget)\(\s*"(?P<code>[a-z_]+)"'),
    re.compile(r'Rejection\([^()]*?,\s*(?:"(?P<stage>[a-z_]+)"|[\w.]+),\s*(?:"(?P<code>[a-z_]+)"|[\w.]+)', re.S),
]
_MEMBERS = re.compile(r"\b(?:ReasonCode|Stage)\.([A-Z_]+)\b")


def _sources() -> dict[str, str]:
    paths = [*PACKAGE_DIR.rglob("*.py"), *(PROJECT_DIR / "flows").glob("*.py")]
    return {p.relative_to(PROJECT_DIR).as_posix(): p.read_text(encoding="utf-8") for p in paths}


def test_reason_codes_and_stages_are_written_as_members_never_as_literals():
    used = 0
    for path, text in _sources().items():
        for pattern in _LITERALS:
            for m in pattern.finditer(text):
                literal = m.groupdict().get("stage") or m.groupdict().get("code")
                assert not literal, f"{path}: write {literal!r} as a ReasonCode/Stage member"
        for m in _MEMBERS.finditer(text):
            used += 1
            assert m.group(1) in ReasonCode.__members__ or m.group(1) in Stage.__members__, f"{path}: {m.group(0)}"
    assert used >= 30  # the scan sees the ingest, budget and parse rejections


def test_members_are_their_strings():
    assert ReasonCode.TOO_LARGE == "too_large" and f"{Stage.VALIDATE}" == "validate"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", code) for code in ReasonCode)


def test_the_quarantine_suite_accepts_exactly_the_stages():
    doc = json.loads((EXPECTATIONS_DIR / "quarantine.json").read_text(encoding="utf-8"))
    stages = next(e["kwargs"]["value_set"] for e in doc["expectations"] if e["kwargs"].get("column") == "stage")
    assert set(stages) == set(Stage)


def test_dataset_names_and_groupings_agree_with_the_schemas():
    assert set(Dataset) == set(DATASETS)
    assert set(RECORD_DATASETS) < set(DATASETS) and "documents" not in RECORD_DATASETS
    for name in DATASETS:
        assert name in SORT_KEYS
    for name, key in RECORD_KEYS.items():
        assert set(key) <= set(DATASETS[name].names)
