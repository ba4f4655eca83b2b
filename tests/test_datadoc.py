"""The committed data dictionary must say what the schemas say."""

from __future__ import annotations

import re

import pyarrow as pa
import pytest

import nato_briefs
from nato_briefs.config import PROJECT_DIR
from nato_briefs.datadoc import DATASET_NOTES, DOC_PATH, EXAMPLES, description, main, render_data_dictionary
from nato_briefs.schema import DATASETS, RECORD_KEYS


def test_committed_dictionary_matches_the_schemas() -> None:
    committed = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.exists() else ""
    assert committed == render_data_dictionary(), (
        "docs/DATASETS.md is out of date with nato_briefs/schema.py or nato_briefs/themes.yaml: "
        "run `python -m nato_briefs.datadoc`"
    )


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_field_is_described(name: str) -> None:
    missing = [f.name for f in DATASETS[name] if not description(f).strip()]
    assert missing == [], f"{name}: fields without a 'description' in their metadata: {missing}"


def test_every_example_names_a_real_column_and_fits_its_type() -> None:
    for (name, column), value in EXAMPLES.items():
        assert name in DATASETS, f"example for unknown dataset {name!r}"
        assert column in DATASETS[name].names, f"example for unknown column {name}.{column}"
        field = DATASETS[name].field(column)
        assert value is not None or field.nullable, f"null example for non-nullable {name}.{column}"
        pa.array([value], type=field.type)  # raises when the example could not be stored in the column


def test_every_dataset_and_column_appears_in_the_rendering() -> None:
    text = render_data_dictionary()
    for name, schema in DATASETS.items():
        assert f"### `{name}`" in text
        assert all(f"| `{column}` |" in text for column in schema.names)


def test_every_dataset_column_the_dictionary_names_exists() -> None:
    """`dataset.column` and the join keys in the prose of the dictionary name real columns."""
    text = render_data_dictionary()
    for dataset, column in re.findall(r"`([a-z_]+)\.([a-z_]+)`", text):
        if dataset in DATASETS:
            assert column in DATASETS[dataset].names, f"{dataset}.{column}"
    for name, note in DATASET_NOTES.items():
        assert name in DATASETS, name
        for key in re.findall(r"\(((?:`[a-z_]+`, )+`[a-z_]+`)\)", note):
            columns = re.findall(r"`([a-z_]+)`", key)
            assert set(columns) <= set(DATASETS[name].names), (name, columns)


def test_the_notes_joins_are_the_record_keys() -> None:
    """A join the notes recommend must be on a key that identifies one row on both sides."""
    for name, note in DATASET_NOTES.items():
        for other, key in re.findall(r"`([a-z_]+)` [a-z ]*?\(((?:`[a-z_]+`, )+`[a-z_]+`)\)", note):
            columns = tuple(re.findall(r"`([a-z_]+)`", key))
            assert columns == RECORD_KEYS[name] == RECORD_KEYS[other], (name, other, columns)


def test_the_examples_are_real_values_of_the_sample_article() -> None:
    """The dictionary says its examples come from raw/004: they must still be what the reader gives for it."""
    article = nato_briefs.read_article(PROJECT_DIR / "raw" / "004_664f1cef579698de.txt")
    for (name, column), value in EXAMPLES.items():
        if name == "quarantine":  # 004 is not quarantined: those examples mimic what ingest writes
            continue
        values = article.records[name].column(column).to_pylist()
        if isinstance(value, str) and value.endswith("…"):  # a long text, cut for the table
            assert any(isinstance(v, str) and v.startswith(value[:-1]) for v in values), (name, column)
        else:
            assert value in values, (name, column, value)


def test_help_is_not_taken_for_a_path(tmp_path, monkeypatch, capsys):
    """`python -m nato_briefs.datadoc --help` printed "wrote --help" and left a file of that name."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "usage" in capsys.readouterr().out and not (tmp_path / "--help").exists()
    main([str(tmp_path / "d.md")])
    assert (tmp_path / "d.md").read_text(encoding="utf-8") == DOC_PATH.read_text(encoding="utf-8")
