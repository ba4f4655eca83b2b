"""The manifest model: a real manifest round-trips, and any damage is one ManifestError naming the field."""

from __future__ import annotations

import contextlib
import copy
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_briefs.manifest import Manifest, ManifestError
from nato_briefs.planner import file_checksum
from tests.published_version import part_path


def test_manifest_round_trips_through_json(published):
    root, manifest = published
    assert Manifest.from_json(json.dumps(manifest.to_dict())) == manifest
    record = manifest.batches[0].parts["priorities"]
    assert (record.rows, record.size) == (3, os.path.getsize(part_path(root, 0)))
    assert record.checksum.startswith("blake2b:") and record.checksum == file_checksum(root, part_path(root, 0))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda m: m.pop("batches"), "batches must be a JSON array"),
        (lambda m: m.update(counts={"documents": -1}), "counts.documents must be a non-negative integer"),
        (lambda m: m["batches"][0].pop("sizes"), "batches[0].sizes must be a JSON object"),
        (lambda m: m["batches"][0]["counts"].update(priorities="3"), "batches[0].counts.priorities"),
        (lambda m: m["batches"][0]["parts"].update(secrets="x.parquet"), "unknown dataset 'secrets'"),
        (lambda m: m["batches"][0]["parts"].update(priorities="/etc/passwd"), "inside the version folder"),
        (lambda m: m["batches"][1]["parts"].update(priorities="../../x"), "inside the version folder"),
        (lambda m: m["batches"][0].update(index=True), "batches[0].index"),
        (lambda m: m["batches"][0].update(reusable="yes"), "batches[0].reusable"),
        (lambda m: m.update(run_id=""), "run_id must be a non-empty string"),
    ],
)
def test_wrong_shapes_name_the_field(published, mutate, message):
    payload = published[1].to_dict()
    mutate(payload)
    with pytest.raises(ManifestError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Manifest.from_json(json.dumps(payload))


def test_truncated_manifest_is_a_manifest_error(published):
    text = json.dumps(published[1].to_dict())
    with pytest.raises(ManifestError, match="not valid JSON"):
        Manifest.from_json(text[: len(text) // 2])
    with pytest.raises(ManifestError, match="manifest must be a JSON object"):
        Manifest.from_json("[]")


JSON_VALUES = st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=6) | st.just([]) | st.just({})


def _slots(node, path=()):
    """Every (path) inside a JSON document: where a hand edit can land."""
    yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from _slots(child, (*path, key))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_hand_edit_is_a_manifest_or_a_manifest_error(published, data):
    """Replace or delete any value of a real manifest: parsing gives a Manifest or a ManifestError."""
    payload = copy.deepcopy(published[1].to_dict())  # the fixture is read only
    path = data.draw(st.sampled_from(list(_slots(payload))[1:]))
    parent = payload
    for key in path[:-1]:
        parent = parent[key]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(JSON_VALUES)
    with contextlib.suppress(ManifestError):
        Manifest.from_json(json.dumps(payload))


@given(st.binary(max_size=200))
def test_any_bytes_are_a_manifest_or_a_manifest_error(data):
    with contextlib.suppress(ManifestError):
        Manifest.from_json(data)
