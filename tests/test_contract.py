"""The output contract: committed schema == models, outputs valid (jsonschema), output/ current, spans exact."""
import glob
import json
import os

import jsonschema
import pytest

from conftest import ROOT, SAMPLES
from pipeline import extract_file, to_json
from pipeline.contract.schema import schema, schema_json

SCHEMA_PATH = os.path.join(ROOT, "schemas", "announcement.schema.json")
SAMPLE_TEXTS = sorted(glob.glob(os.path.join(SAMPLES, "*.txt")))


def test_committed_schema_matches_the_models():
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        committed = fh.read()
    assert committed == schema_json(), "schemas/announcement.schema.json is stale: run `announce schema > schemas/announcement.schema.json`"


def test_the_schema_ships_inside_the_package_too():
    from importlib import resources
    packaged = (resources.files("pipeline") / "contract" / "announcement.schema.json").read_text(encoding="utf-8")
    assert packaged == schema_json(), "pipeline/contract/announcement.schema.json is stale: copy schemas/announcement.schema.json"


def test_schema_is_2020_12_with_id_and_version():
    s = schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["$id"].endswith("announcement.schema.json")
    assert s["schema_version"] == s["properties"]["schema_version"]["const"]
    jsonschema.Draft202012Validator.check_schema(s)
    for field in ["schema_version", "source", "document", "sections", "delegates", "percentages", "targets",
                  "results", "officials", "bodies", "warnings"]:
        assert field in s["required"], field


def test_at_least_five_samples():
    assert len(SAMPLE_TEXTS) >= 5


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=os.path.basename)
def test_output_is_current_valid_and_grounded(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    out_path = os.path.join(ROOT, "output", stem + ".json")
    assert os.path.exists(out_path), f"output/{stem}.json missing: regenerate output/ (see README)"
    with open(out_path, encoding="utf-8") as fh:
        committed = fh.read()
    ann = extract_file(path)
    fresh = to_json(ann)
    # source.path differs by how the command was invoked; everything else must be identical
    c, f = json.loads(committed), json.loads(fresh)
    c["source"].pop("path"), f["source"].pop("path")
    assert c == f, f"output/{stem}.json is stale: regenerate output/ (see README)"
    jsonschema.Draft202012Validator(schema()).validate(json.loads(committed))
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    n = 0

    def walk(x):
        nonlocal n
        if isinstance(x, dict):
            if "span" in x and "text" in x and isinstance(x["span"], dict):
                assert text[x["span"]["start"]:x["span"]["end"]] == x["text"]
                n += 1
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(c)
    assert n > 0


def test_output_is_deterministic():
    path = SAMPLE_TEXTS[0]
    assert to_json(extract_file(path)) == to_json(extract_file(path))


def test_json_keeps_vietnamese_unescaped():
    out = to_json(extract_file(os.path.join(SAMPLES, "haiphong-2025.txt")))
    assert "\\u" not in out and "ĐẠI BIỂU" in out


def test_runtime_validator_agrees_with_the_published_schema():
    """The runtime validator uses an equivalent, faster form of the schema: it must accept and reject the same."""
    import copy

    from pipeline.contract.schema import validator

    published = jsonschema.Draft202012Validator(schema())
    good = json.loads(to_json(extract_file(os.path.join(SAMPLES, "haiphong-2025.txt"))))
    bad_docs = []
    for mutate in (
        lambda d: d["percentages"][0].update(value="78,9"),
        lambda d: d["percentages"][0].update(count="x"),
        lambda d: d["document"].update(congress={"ordinal": "I"}),
        lambda d: d["officials"][0].update(birth_year=1961.5),
        lambda d: d["targets"][0].update(period={"start": 2026}),
        lambda d: d["delegates"].update(summoned={"value": 446}),
        lambda d: d.update(extra=1),
        lambda d: d["warnings"].append({"code": "x"}),
        lambda d: d["document"].update(title=None, kind="memo"),
    ):
        doc = copy.deepcopy(good)
        mutate(doc)
        bad_docs.append(doc)
    assert published.is_valid(good) and validator().is_valid(good)
    for doc in bad_docs:
        assert not published.is_valid(doc)
        assert not validator().is_valid(doc)


def test_fastjsonschema_validator_agrees_with_jsonschema_on_outputs_and_broken_outputs():
    import copy
    import random

    from pipeline.contract.schema import fast_validator

    fast = fast_validator()
    published = jsonschema.Draft202012Validator(schema())
    rng = random.Random(0)
    for path in SAMPLE_TEXTS:
        good = json.loads(to_json(extract_file(path)))
        assert fast(good, "") is None and published.is_valid(good)
        # break one value at a time, everywhere: both validators must reject (or accept) alike
        spots = []

        def walk(x, where):
            if isinstance(x, dict):
                for k, v in x.items():
                    spots.append((x, k))
                    walk(v, where + [k])
            elif isinstance(x, list):
                for i, v in enumerate(x):
                    spots.append((x, i))
                    walk(v, where + [i])
        walk(good, [])
        for container, key in rng.sample(spots, min(150, len(spots))):
            for bad in ("x", -1, 1.5, None, [], {}, True):
                old = container[key]
                container[key] = bad
                assert (fast(good, "") is None) == published.is_valid(good), (path, key, bad)
                container[key] = old
        extra = copy.deepcopy(good)
        extra["source"]["unexpected"] = 1
        assert fast(extra, "") is not None and not published.is_valid(extra)


def _every_grounded(x, seen=None):
    """Every Grounded model reachable from ``x``, found by visiting every field (no shortcut)."""
    from pydantic import BaseModel

    from pipeline.contract.models import Grounded

    if isinstance(x, list):
        for y in x:
            yield from _every_grounded(y)
    elif isinstance(x, BaseModel):
        if isinstance(x, Grounded):
            yield x
        for name in type(x).model_fields:
            yield from _every_grounded(getattr(x, name))


def test_span_check_reaches_every_grounded_item_of_the_reference_output():
    """The span check skips scalar fields by reading annotations; a nested item it failed to
    visit (a title inside an official, evidence inside a target, ...) would go unchecked."""
    from pipeline.contract.assemble import _check_spans
    from pipeline.errors import ContractError

    ref = os.path.join(SAMPLES, "haiphong-2025.txt")
    ann = extract_file(ref)
    original = open(ref, encoding="utf-8").read().lstrip("\ufeff")
    _check_spans(ann, original, ref)  # the real output passes
    items = list(_every_grounded(ann))
    kinds = {type(g).__name__ for g in items}
    assert len(items) > 300 and {"Grounded", "Percentage", "Section"} <= kinds, kinds
    for g in items:
        kept = g.text
        object.__setattr__(g, "text", kept + "x")
        with pytest.raises(ContractError):
            _check_spans(ann, original, ref)
        object.__setattr__(g, "text", kept)
