"""Tests of the synthetic benchmark corpus (bench/corpus.py).

Besides determinism, sizes and the CLI, the ground truth of every generated
article is re-derived here by an independent, deliberately simple reader of the
contract's line-oriented rules, and, for articles whose blocks are all separated
by blank lines, checked against cmark-gfm (which the contract says must agree).
"""

from __future__ import annotations

import html
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the repository root, wherever pytest is started from
    sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.corpus import (  # noqa: E402
    Expected,
    draw_target_bytes,
    expected_path,
    generate_article,
    generate_corpus,
    load_expected,
)

SEEDS = ROOT.parent / "shared" / "seeds"

# --------------------------------------------------------------------------- reference reader

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ATX = re.compile(r"^(#{1,6}) +(.*?)(?: +#+)? *$")
_SETEXT = re.compile(r"^(=+|-+) *$")
_BOLD = re.compile(r"^\*\*([^*]+)\*\*$")
_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)]) (.*)$")
_DELIM_CELL = re.compile(r"^ *:?-{3,}:? *$")
_PIPE = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`([^`]*)`")

AREA = {"Priority Area", "Focus Area", "Strategic Focus", "Area"}
FOCUS = {"Key Focus", "Key Initiative", "Focus", "Initiative"}
OUTCOME = {"Expected Outcome", "Outcome", "Impact", "Result"}


def plain(md: str) -> str:
    """Inline markup removal as the contract describes it (for what we generate)."""
    text = _LINK.sub(r"\1", md)
    text = _CODE.sub(r"\1", text)
    text = text.replace("**", "").replace("\\|", "|")
    return " ".join(html.unescape(text).split())


def split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip() for cell in _PIPE.split(line)]


def is_bare_title(line: str) -> bool:
    words = line.split()
    return (
        0 < len(line) <= corpus.TITLE_MAX_CHARS
        and line[-1].isalnum()
        and words[-1].lower() not in corpus.STOPWORDS
        and not _PIPE.search(line)
        and not _ITEM.match(line)
        and all(w[0].isupper() or w in corpus.STOPWORDS or not w[0].isalpha() for w in words)
    )


def initiative(md: str) -> tuple[str, str | None]:
    bold = re.match(r"^\*\*([^*]+)\*\*: (.*)$", md)
    if bold:
        return plain(bold.group(1)), plain(bold.group(2)) or None
    text = plain(md)
    cuts = [(text.find(sep), sep) for sep in (":", "\u2014", " - ") if sep in text]
    if not cuts:
        return text, None
    pos, sep = min(cuts)
    return text[:pos].strip(), text[pos + len(sep) :].strip() or None


def read_reference(text: str) -> dict:
    """Headings, tables, lists... of an article under the contract's line rules.

    Asserts the properties the generator promises (no ambiguous constructs).
    """
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    out = dict(
        title=None,
        headings=[],
        n_tables=0,
        n_table_rows=0,
        n_priorities=0,
        n_lists=0,
        n_list_items=0,
        first_initiative=None,
        cells=set(),
        items=set(),
    )
    seen_block = False
    prev_blank = True
    i = 0

    def heading(text: str) -> None:
        if not out["headings"] and not seen_block:
            out["title"] = text
        out["headings"].append(text)

    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip():
            prev_blank, i = True, i + 1
            continue
        assert line == line.strip() or _ITEM.match(line), f"stray indentation: {line!r}"
        if _FENCE.match(line):
            i += 1
            while not _FENCE.match(lines[i]):
                i += 1
            prev_blank, i = False, i + 1
            continue
        if m := _ATX.match(line):
            heading(plain(m.group(2)))
        elif _SETEXT.match(nxt) and not _PIPE.search(line) and not _ITEM.match(line):
            assert prev_blank, f"setext heading without a blank line above: {line!r}"
            heading(plain(line))
            i += 1
        elif m := _BOLD.match(line):
            heading(plain(m.group(1)))
        elif _PIPE.search(line) and _PIPE.search(nxt) and all(_DELIM_CELL.match(c) for c in split_row(nxt)):
            headers = split_row(line)
            assert len(split_row(nxt)) == len(headers)
            seen_block = True
            out["n_tables"] += 1
            mapped = (
                headers[0] in AREA
                and headers[2:]
                and headers[2] in OUTCOME
                and len(headers) == 3
                and (headers[1] in FOCUS or headers[:2] == ["Strategic Focus", "Priority Area"])
            )
            i += 2
            while i < len(lines) and _PIPE.search(lines[i]):
                cells = split_row(lines[i])
                assert 1 <= len(cells) <= len(headers)
                out["cells"].update(plain(c) for c in cells)
                out["n_table_rows"] += 1
                out["n_priorities"] += bool(mapped)
                i += 1
            prev_blank = False
            continue
        elif m := _ITEM.match(line):
            assert m.group(1) == "", "a list starts at the margin"
            seen_block = True
            out["n_lists"] += 1
            top_marker = m.group(2)[-1]
            parent_width = len(m.group(2)) + 1
            sub_marker = None
            while i < len(lines) and (m := _ITEM.match(lines[i])):
                indent, marker, body = m.groups()
                if indent:
                    assert len(indent) >= parent_width, f"nested item not past its parent: {lines[i]!r}"
                    if sub_marker is None:
                        out["n_lists"] += 1
                        sub_marker = marker[-1]
                    assert marker[-1] == sub_marker, "one nested list, one marker"
                else:
                    assert marker[-1] == top_marker, "one list, one marker"
                    parent_width, sub_marker = len(marker) + 1, None
                out["n_list_items"] += 1
                name, detail = initiative(body)
                out["items"].add(name)
                if out["first_initiative"] is None:
                    out["first_initiative"] = (name, detail)
                i += 1
            prev_blank = False
            continue
        elif is_bare_title(line):
            heading(plain(line))
        else:
            assert line.endswith((".", ":")), f"prose line without closing punctuation: {line!r}"
            assert not _SETEXT.match(nxt), "a paragraph line directly followed by an underline"
        prev_blank, i = False, i + 1
    return out


def check(text: str, exp: Expected) -> None:
    ref = read_reference(text)
    got = {
        k: ref[k]
        for k in (
            "title",
            "headings",
            "n_tables",
            "n_table_rows",
            "n_priorities",
            "n_lists",
            "n_list_items",
            "first_initiative",
        )
    }
    want = {k: getattr(exp, k) for k in got}
    assert got == want, exp.file_name
    assert len(set(exp.headings)) == len(exp.headings), "headings are distinct"
    assert not set(exp.headings) & (ref["cells"] | ref["items"]), "headings differ from content"
    assert exp.n_bytes == len(text.encode("utf-8"))


def sample(n: int, seed: int = 0, variants: bool = True, max_bytes: int = 12_000):
    for index in range(n):
        rng = random.Random(f"test:{seed}:{index}")
        target = draw_target_bytes(rng, 2_000, max_bytes)
        yield generate_article(rng, index, target, variants=variants, max_bytes=max_bytes)


@pytest.fixture(scope="module")
def docs() -> list[tuple[str, Expected]]:
    return list(sample(300))


# --------------------------------------------------------------------------- the reader itself


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not available")
def test_reference_reader_reads_the_seed_as_the_contract_says():
    text = (SEEDS / "004_664f1cef579698de.txt").read_text(encoding="utf-8")
    ref = read_reference(text)
    assert ref["title"] == "NATO Deputy Secretary General Engages with U.S. Officials to Strengthen Transatlantic Ties"
    assert ref["headings"][-1] == "Closing Remarks"
    assert (ref["n_tables"], ref["n_table_rows"], ref["n_priorities"]) == (3, 9, 9)
    assert (ref["n_lists"], ref["n_list_items"]) == (4, 14)
    assert ref["first_initiative"] == ("Strengthening intelligence-sharing frameworks", None)
    seed0 = read_reference((SEEDS / "000_cd744a2011959f1e.txt").read_text(encoding="utf-8"))
    assert seed0["headings"] == ["NATO Leadership Meeting: Responding to Global Security Challenges"]


# --------------------------------------------------------------------------- ground truth


def test_ground_truth_matches_reference_reader(docs):
    for text, exp in docs:
        check(text, exp)


def test_ground_truth_without_variants_matches_reference_reader():
    for text, exp in sample(40, seed=1, variants=False):
        check(text, exp)


@settings(max_examples=25)
@given(seed=st.integers(0, 2**32), target=st.integers(1_000, 20_000), variants=st.booleans())
def test_ground_truth_property(seed, target, variants):
    text, exp = generate_article(random.Random(seed), 7, target, variants=variants, max_bytes=target + 2_000)
    check(text, exp)
    assert exp.n_bytes <= target + 2_000


def test_conventional_articles_agree_with_cmark_gfm(docs):
    cmarkgfm = pytest.importorskip("cmarkgfm")
    conventional = [(t, e) for t, e in docs if "blank_all" in e.variants]
    assert len(conventional) > 50
    for text, exp in conventional:
        src = text.removeprefix("\ufeff").replace("\r\n", "\n")
        out = cmarkgfm.github_flavored_markdown_to_html(src)
        assert out.count("<table>") == exp.n_tables, exp.file_name
        assert out.count("<tr>") - out.count("<thead>") == exp.n_table_rows, exp.file_name
        assert out.count("<ul>") + out.count("<ol") == exp.n_lists, exp.file_name
        assert out.count("<li>") == exp.n_list_items, exp.file_name
        found = [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h[1-6]>(.*?)</h[1-6]>", out)]
        rest = iter(exp.headings)
        assert all(h in rest for h in found), (exp.file_name, found)  # in order


# --------------------------------------------------------------------------- variants


def test_every_variant_appears(docs):
    seen = set().union(*(e.variants for _, e in docs))
    wanted = {
        "crlf",
        "lf",
        "bom",
        "blank_none",
        "blank_all",
        "blank_mixed",
        "start_title_first",
        "start_lead_then_title",
        "start_no_title",
        "start_no_headings",
        "heading_bare",
        "heading_atx1",
        "heading_atx2",
        "heading_atx3",
        "heading_atx_closing",
        "heading_setext_eq",
        "heading_setext_dash",
        "heading_bold",
        "heading_amp",
        "table_outer_pipes",
        "table_no_outer_pipes",
        "align_left",
        "align_center",
        "align_right",
        "escaped_pipe",
        "ragged_row",
        "table_unmapped",
        "markup_bold",
        "markup_link",
        "markup_code",
        "markup_amp",
        "prose_markup",
        "list_dash",
        "list_star",
        "list_plus",
        "list_ordered_dot",
        "list_ordered_paren",
        "nested_2",
        "nested_4",
        "item_bold",
        "item_colon",
        "item_emdash",
        "item_hyphen",
        "item_plain",
        "code_fence",
        "no_final_newline",
        "trailing_blank_lines",
    }
    wanted |= {f"header_area:{h}" for h in corpus.AREA_HEADERS}
    wanted |= {f"header_focus:{h}" for h in [*corpus.FOCUS_HEADERS, "Priority Area"]}
    wanted |= {f"header_outcome:{h}" for h in corpus.OUTCOME_HEADERS}
    assert wanted <= seen, sorted(wanted - seen)
    assert any(e.title is None for _, e in docs)
    assert any(e.first_initiative and e.first_initiative[1] is None for _, e in docs)
    assert any(e.n_priorities < e.n_table_rows for _, e in docs)
    # the raw text shows the variants too
    texts = [t for t, _ in docs]
    assert any(t.startswith("\ufeff") for t in texts)
    assert any("\r\n" in t for t in texts)
    assert any("\\|" in t for t in texts)
    assert any(":---:" in t or ":----:" in t or ":-----:" in t for t in texts)
    assert any("&amp;" in t for t in texts)


def test_no_variants_is_the_style_of_seed_004():
    for text, exp in sample(30, seed=2, variants=False):
        body = text.rstrip("\n")
        assert "\r" not in text and not text.startswith("\ufeff")
        assert "\n\n" not in body, "no blank lines between blocks"
        lines = body.split("\n")
        assert exp.title == lines[1] and not lines[0].endswith(tuple("abcdefghijklmnopqrstuvwxyz"))
        for line in lines:
            assert not line.startswith(("#", "*", "+", "1", " ", "```")), line
            if line.startswith("|"):
                assert line.endswith("|")
        delims = [line for line in lines if line.startswith("|-")]
        assert set(delims) <= {"|---|---|---|"}
        headers = {tuple(split_row(lines[i - 1])) for i, line in enumerate(lines) if line.startswith("|-")}
        assert headers <= set(corpus.SEED_HEADERS)
        assert exp.n_priorities == exp.n_table_rows
        assert exp.variants and not any(v.startswith(("nested", "markup", "heading_atx")) for v in exp.variants)


# --------------------------------------------------------------------------- corpus and sizes


def test_same_seed_same_bytes(tmp_path):
    a = generate_corpus(tmp_path / "a", 25, seed=7, max_bytes=30_000)
    b = generate_corpus(tmp_path / "b", 25, seed=7, max_bytes=30_000)
    assert a == b
    for exp in a:
        assert (tmp_path / "a" / exp.file_name).read_bytes() == (tmp_path / "b" / exp.file_name).read_bytes()
    assert expected_path(tmp_path / "a").read_bytes() == expected_path(tmp_path / "b").read_bytes()
    c = generate_corpus(tmp_path / "c", 25, seed=8, max_bytes=30_000)
    assert [e.file_name for e in c] != [e.file_name for e in a]
    text1, exp1 = generate_article(random.Random(3), 1, 5_000)
    text2, exp2 = generate_article(random.Random(3), 1, 5_000)
    assert (text1, exp1) == (text2, exp2)


def test_document_does_not_depend_on_corpus_size(tmp_path):
    small = generate_corpus(tmp_path / "s", 3, seed=1, max_bytes=20_000)
    large = generate_corpus(tmp_path / "l", 6, seed=1, max_bytes=20_000)
    assert large[:3] == small


def test_sizes_within_range(tmp_path):
    exps = generate_corpus(tmp_path / "c", 60, seed=3, min_bytes=2_500, max_bytes=40_000)
    for exp in exps:
        size = (tmp_path / "c" / exp.file_name).stat().st_size
        assert size == exp.n_bytes
        assert 2_500 <= size <= 40_000, (exp.file_name, size)
    sizes = [e.n_bytes for _, e in sample(300, seed=4, max_bytes=100_000)]
    assert min(sizes) >= 2_000 and max(sizes) <= 100_000
    seed_sized = sum(3_000 <= s <= 9_000 for s in sizes)
    assert seed_sized >= 0.65 * len(sizes), "most articles are seed-sized"
    assert sum(s > 20_000 for s in sizes) >= 10, "a long tail"


def test_tight_size_range(tmp_path):
    exps = generate_corpus(tmp_path / "c", 15, seed=5, min_bytes=1_000, max_bytes=1_300)
    for exp in exps:
        assert 1_000 <= exp.n_bytes <= 1_300, exp


def test_expected_jsonl_beside_out_dir(tmp_path):
    out = tmp_path / "corpus"
    exps = generate_corpus(out, 12, seed=0, max_bytes=20_000)
    path = expected_path(out)
    assert path == tmp_path / "corpus.expected.jsonl" and path.is_file()
    assert not any(p.suffix == ".jsonl" for p in out.rglob("*"))
    assert sorted(p.name for p in out.rglob("*.txt")) == sorted(e.file_name for e in exps)
    assert load_expected(path) == exps
    assert all(re.fullmatch(r"\d{6}_[0-9a-f]{16}\.txt", e.file_name) for e in exps)


def test_refuses_non_empty_out_dir(tmp_path):
    out = tmp_path / "corpus"
    generate_corpus(out, 2, seed=0, max_bytes=20_000)
    with pytest.raises(FileExistsError):
        generate_corpus(out, 2, seed=0, max_bytes=20_000)
    exps = generate_corpus(out, 3, seed=0, max_bytes=20_000, overwrite=True)
    assert len(list(out.glob("*.txt"))) == 3 == len(exps)


def test_sub_folders_for_large_corpora(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "FILES_PER_FOLDER", 4)
    out = tmp_path / "corpus"
    exps = generate_corpus(out, 10, seed=0, max_bytes=10_000)
    assert [e.file_name.split("/")[0] for e in exps] == ["0000"] * 4 + ["0001"] * 4 + ["0002"] * 2
    for exp in exps:
        text = (out / exp.file_name).read_bytes().decode("utf-8")
        check(text, exp)


def test_cli(tmp_path):
    out = tmp_path / "raw"
    cmd = [sys.executable, "-m", "bench.corpus", str(out), "--n", "5", "--seed", "3", "--max-bytes", "20000"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "wrote 5 articles" in done.stdout
    exps = load_expected(tmp_path / "raw.expected.jsonl")
    assert len(exps) == 5 and len(list(out.glob("*.txt"))) == 5
    assert exps == generate_corpus(tmp_path / "again", 5, seed=3, max_bytes=20_000)
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "not empty" in again.stderr
    forced = subprocess.run([*cmd, "--force", "--no-variants"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert forced.returncode == 0, forced.stderr
    for exp in load_expected(tmp_path / "raw.expected.jsonl"):
        assert "blank_none" in exp.variants and "lf" in exp.variants
