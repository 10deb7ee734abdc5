"""Gold hygiene: a target's or result's ``key`` is a phrase as written in its text.

The scorer matches a gold figure when its key is found (case and diacritics folded) inside the
predicted item's indicator or text, which is a span of the input. A key the text does not contain
(a paraphrase, words glued across a gap: "di dời người ở dọc sông Hồng" for "di dời khoảng
200.000 người ở dọc sông Hồng") can never be matched, and silently counts a miss and a spurious
item against any extractor. This test fails when gold drifts from its texts."""
import json
import os

import pytest

from pipeline.evaluate.scoring import _read, find_pairs, fold

from conftest import SHARED
from test_ratchet import SETS

TEXT_DIRS = [os.path.join(SHARED, "corpus", "dev"), os.path.join(SHARED, "corpus", "seed"), os.path.join(SHARED, "corpus")]


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_figure_key_is_written_in_its_text(name):
    pairs, problems = find_pairs([SETS[name]], TEXT_DIRS)
    if problems and name != "samples":
        pytest.skip(f"shared corpus not present: {problems[0]}")
    assert not problems, problems
    bad = []
    for text_path, gold_path in pairs:
        with open(gold_path, encoding="utf-8") as fh:
            gold = json.load(fh)
        text = fold(_read(text_path))
        for field in ("targets", "results"):
            for item in gold.get(field, []):
                key = fold(str(item.get("key", "")))
                if not key or key not in text:
                    # held-out keys are not printed: the count and the file are enough to mend them blind
                    shown = item.get("key") if "heldout" not in name else "(held-out)"
                    bad.append(f"{os.path.basename(gold_path)} {field}: {shown!r}")
    assert not bad, f"{len(bad)} keys not in their texts: {bad[:20]}"
