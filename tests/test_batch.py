"""Batches without Prefect: the group of batches one task run processes."""

from __future__ import annotations

import pytest

from nato_briefs.batch import plan_batches, process_batches
from nato_briefs.config import Settings
from nato_briefs.ingest import discover
from nato_briefs.publish import OutputRoot

ARTICLE = "# Summit {n}\n\nAllies met in Brussels on 1 May 2024.\n\n## Priorities\n\n- Cyber defence {n}\n"


@pytest.fixture
def plans(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(3):
        (raw / f"doc{n}.md").write_text(ARTICLE.format(n=n), encoding="utf-8")
    files, rejected = discover(raw, Settings().ingest)
    assert len(files) == 3 and not rejected
    return plan_batches(files, 1)  # one file per batch


def test_a_group_runs_each_batch_in_order_with_its_own_reuse(plans, tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    staging = root.staging_dir("r1")
    results = process_batches(plans, Settings(), root.url, staging, {"run_id": "r1"}, [([], {})] * 3)
    assert [r.index for r in results] == [p.index for p in plans] == [0, 1, 2]
    assert [[path for path, _ in r.inputs] for r in results] == [[f"doc{n}.md"] for n in range(3)]
    assert all(r.n_parsed == 1 and r.counts["documents"] == 1 for r in results)
    # Again, each batch told its own file's doc_id and stat signature: nothing is read, every row kept.
    doc_ids = dict(path_and_id for r in results for path_and_id in r.inputs)
    reuse = [([], {f.source_path: (doc_ids[f.source_path], f.signature) for f in plan.files}) for plan in plans]
    again = process_batches(plans, Settings(), root.url, root.staging_dir("r2"), {"run_id": "r2"}, reuse)
    assert [r.n_read for r in again] == [0, 0, 0] and [r.inputs for r in again] == [r.inputs for r in results]


def test_each_batch_needs_its_reuse(plans, tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    with pytest.raises(ValueError):
        process_batches(plans, Settings(), root.url, root.staging_dir("r"), {"run_id": "r"}, [([], {})])


def test_a_document_whose_records_cannot_be_built_is_quarantined_and_its_batch_published(tmp_path, monkeypatch):
    """One document meeting a bug in the normalizer costs that document, not its batch (nor half its rows)."""
    import nato_briefs.normalize as normalize

    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(3):
        (raw / f"doc{n}.md").write_text(ARTICLE.format(n=n), encoding="utf-8")
    (raw / "doc1.md").write_text(ARTICLE.format(n=1) + "\nPoland agreed to act. POISON\n", encoding="utf-8")
    real = normalize.document_mentions

    def failing_for_one(doc, text, *args):
        if "POISON" in text:
            raise ValueError("a bug met by one document")
        return real(doc, text, *args)

    monkeypatch.setattr(normalize, "document_mentions", failing_for_one)  # fault injection, real code elsewhere
    files, _ = discover(raw, Settings().ingest)
    root = OutputRoot.open(tmp_path / "out")
    (result,) = process_batches(plan_batches(files, 3), Settings(), root.url, root.staging_dir("r"), {"run_id": "r"},
                                [([], {})])  # fmt: skip
    assert [path for path, _ in result.inputs] == ["doc0.md", "doc2.md"]
    (rejection,) = result.rejections
    assert rejection.source_path == "doc1.md" and rejection.reason_code == "parse_error"
    assert "ValueError: a bug met by one document" in rejection.reason
    # No row of doc1 in any dataset: statements were computed before the failure, and not added.
    assert result.counts["documents"] == 2 and result.counts["statements"] == 0 and result.counts["quarantine"] == 1
    assert result.counts["initiatives"] == 2 and result.counts["sections"] == 4
