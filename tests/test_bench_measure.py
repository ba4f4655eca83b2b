"""The harness's corpus (``bench/measure.py``): generated once, then reused by every run that asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.measure import Corpus, list_docs


def _corpus(folder: Path, seed: int = 1) -> Corpus:
    return Corpus(folder, n_docs=3, seed=seed, min_bytes=2_000, max_bytes=3_000, variants=True, incremental_docs=1)


def test_a_corpus_and_its_increment_are_generated_once_then_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    first = _corpus(tmp_path)
    first.ensure()
    assert (len(list_docs(first.raw)), len(list_docs(first.staged))) == (3, 1)
    assert first.n_bytes == sum(p.stat().st_size for p in list_docs(first.raw)) and first.incremental_bytes > 0
    monkeypatch.setattr("bench.corpus.generate_corpus", lambda *args, **kwargs: pytest.fail("generated again"))
    again = _corpus(tmp_path)
    again.ensure()
    assert (again.n_bytes, again.incremental_bytes) == (first.n_bytes, first.incremental_bytes)


def test_a_corpus_of_other_params_is_generated_anew(tmp_path: Path):
    _corpus(tmp_path).ensure()
    before = {p.name: p.read_bytes() for p in list_docs(tmp_path / "raw")}
    other = _corpus(tmp_path, seed=2)
    other.ensure()
    after = {p.name: p.read_bytes() for p in list_docs(other.raw)}
    assert len(after) == 3 and after != before
    assert other.n_bytes == sum(len(b) for b in after.values())
