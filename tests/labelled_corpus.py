"""A folder of articles labelled by hand in ``expected.yaml``, read through the public API.

Shared by the shapes corpus (``tests/test_shapes_corpus.py``) and the real-world repros
(``tests/test_reader_realworld.py``). Keys of an article's label: ``title``, ``headings`` (every
section heading, in order), ``priorities`` ([area, focus, outcome] of every row), ``initiatives``
(every name); and optionally ``rows`` (every table row's cells), ``prose_has`` (phrases that must
stay in some section's prose) and ``prose_lacks`` (phrases that must not reach it). Known losses are
xfail, strictly, so a fix that makes one pass must remove its mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import nato_briefs


class LabelledCorpus:
    def __init__(self, folder: Path, known_losses: dict[str, str]) -> None:
        self.folder = folder
        self.known_losses = known_losses
        text = (folder / "expected.yaml").read_text(encoding="utf-8")
        # libyaml's parser when PyYAML has it (the same safe constructor, so the same labels): the shapes corpus'
        # 580 kB of labels parse in 0.2 s instead of 1.4, at collection, in every xdist worker
        self.expected: dict[str, dict] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    def params(self) -> list:
        """One pytest param per labelled article, a known loss marked strict xfail with its reason."""
        out = []
        for name in sorted(self.expected):
            reason = self.known_losses.get(name)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(name, marks=marks, id=name))
        return out

    def articles_on_disk(self) -> set[str]:
        return {p.name for p in self.folder.iterdir() if p.suffix in (".md", ".txt")}

    def check(self, name: str) -> None:
        """The article reads as labelled: its structure equal, its prose holding and lacking the phrases."""
        want = dict(self.expected[name])
        phrases, unwanted = want.pop("prose_has", []), want.pop("prose_lacks", [])
        article = nato_briefs.read_article((self.folder / name).read_bytes(), source_path=name)
        got = {
            "title": article.title,
            "headings": [s.heading for s in article.sections if s.heading is not None],
            "priorities": [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")],
            "initiatives": [r["name"] for r in article.rows("initiatives")],
        }
        if "rows" in want:
            got["rows"] = [r["cells"] for r in article.rows("table_rows")]
        assert got == want
        prose = "\n".join(s.text for s in article.sections)
        assert [p for p in phrases if p not in prose] == []
        assert [p for p in unwanted if p in prose] == []
