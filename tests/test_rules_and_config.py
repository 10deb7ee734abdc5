"""Issue: one shape for stages and rules. The config is checked before any document, every bad
rule file or key is a usage error naming the file and the key, a user directory extends the rules
without code, and a user's own component runs in the pipeline."""
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from pipeline import extract
from pipeline.errors import RuleError
from pipeline.rules import BUILTIN_DIR, Rules

PY = sys.executable
SEED = os.path.join(ROOT, "samples", "haiphong-2025.txt")
FIXTURES = os.path.join(ROOT, "tests", "fixtures")


def run(*args, env=None):
    return subprocess.run([PY, "-m", "pipeline", *args], capture_output=True, cwd=ROOT, timeout=120, env=env, stdin=subprocess.DEVNULL)


def config_with(tmp_path, edit):
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    text = open(os.path.join(BUILTIN_DIR, "pipeline.cfg"), encoding="utf-8").read()
    (d / "pipeline.cfg").write_text(edit(text), encoding="utf-8")
    return d


def usage_error(d, *needles):
    r = run("extract", SEED, "--rules", str(d))
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "Traceback" not in err and r.stdout == b""
    for n in needles:
        assert n in err, (n, err)
    return err


# --- the config -------------------------------------------------------------------------------

def test_misordered_config_names_the_missing_producer(tmp_path):
    d = config_with(tmp_path, lambda t: t.replace('"percentages", "delegates"', '"delegates", "percentages"'))
    usage_error(d, "pipeline.cfg", "nlp.pipeline", "'delegates' requires doc._.percentages", "assigned by 'percentages', which comes later")


def test_a_component_left_out_names_the_product_nobody_assigns(tmp_path):
    d = config_with(tmp_path, lambda t: t.replace('"quantities", ', ""))
    usage_error(d, "pipeline.cfg", "requires doc._.quantities, which no component in nlp.pipeline assigns")


def test_unknown_stage_factory(tmp_path):
    d = config_with(tmp_path, lambda t: t.replace('factory = "announce_bodies"', 'factory = "announce_bodys"'))
    usage_error(d, "pipeline.cfg", "components.bodies.factory: unknown factory 'announce_bodys'")


def test_a_stage_named_in_the_pipeline_without_a_block(tmp_path):
    d = config_with(tmp_path, lambda t: t.replace('"spans"]', '"spans", "sentiment"]'))
    usage_error(d, "components.sentiment.factory: missing")


def test_unknown_key_in_a_component_block(tmp_path):
    d = config_with(tmp_path, lambda t: t.replace('[components.bodies]\n', '[components.bodies]\nrulez = ["x"]\n'))
    usage_error(d, "components.bodies.rulez: unknown key")


def test_dropping_a_final_component_is_allowed_and_leaves_its_field_empty(tmp_path):
    d = config_with(tmp_path, lambda t: t.replace(', "checks", "spans"]', "]"))
    doc = extract(open(SEED, encoding="utf-8").read(), rules_dir=str(d))
    assert doc.warnings == [] and doc.targets


def test_stage_graph_command_matches_the_components(tmp_path):
    r = run("stages", "--json")
    assert r.returncode == 0, r.stderr
    import json
    rows = json.loads(r.stdout)
    names = [x["component"] for x in rows]
    assert names[1:] == ["sentences", "sections", "quantities", "percentages", "delegates", "bodies", "document",
                         "targets", "officials", "checks", "spans"]
    byname = {x["component"]: x for x in rows}
    assert byname["delegates"]["requires"] == ["percentages"] and byname["targets"]["assigns"] == ["figures"]


def test_every_product_a_stage_reads_is_declared_and_every_declaration_is_read():
    """The declared contracts match the code: a product read in a stage module (`ctx.products.X`,
    or `doc._.X`) is in its requires."""
    from pipeline.compose import register_builtins
    contracts = {c.module: c for c in register_builtins().values() if c.module.startswith("pipeline.stages")}
    assert len(contracts) >= 10
    for module, c in contracts.items():
        path = os.path.join(ROOT, *module.split(".")) + ".py"
        src = open(path, encoding="utf-8").read()
        read = set(re.findall(r"(?:doc\._|products)\.(\w+)", src))
        if re.search(r"section_(?:at|chain)\(", src):
            read.add("sections")
        assert read <= set(c.requires) | set(c.assigns), (module, read - set(c.requires))
        assert set(c.requires) <= read, (module, "declared but never read", set(c.requires) - read)


def test_items_are_also_spacy_span_groups():
    from pipeline.extract import run_components
    from pipeline.rules import load_rules
    doc = run_components(open(SEED, encoding="utf-8").read(), load_rules())
    assert len(doc.spans["targets"]) == len(doc._.figures.targets) > 40
    assert {s.label_ for s in doc.spans["warnings"]} == {"date_outside_event", "heading_duplicate"}
    assert any(s.text.startswith("Lê Tiến Châu") for s in doc.spans["officials"])


def test_a_user_component_from_outside_the_package_runs_in_the_pipeline(tmp_path):
    d = config_with(tmp_path, lambda t: t.replace("import = []", 'import = ["shouting_titles"]')
                    .replace('"spans"]', '"spans", "shouting_titles"]')
                    + '\n[components.shouting_titles]\nfactory = "my_shouting_titles"\n')
    env = dict(os.environ, PYTHONPATH=os.path.join(FIXTURES, "user_component"))
    r = run("stages", "--rules", str(d), env=env)
    assert r.returncode == 0, r.stderr
    assert b"shouting_titles" in r.stdout and b"requires: doc._.sections" in r.stdout
    code = ("import sys; from pipeline.extract import run_components; from pipeline.rules import load_rules;"
            f"doc = run_components(open({SEED!r}, encoding='utf-8').read(), load_rules({str(d)!r}));"
            "print('|'.join(doc._.shouting_titles.items))")
    out = subprocess.run([PY, "-c", code], capture_output=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "VỀ CÔNG TÁC CHUẨN BỊ" in out.stdout.decode()
    # the JSON output is unchanged by a component that only adds its own product
    r = run("extract", SEED, "--rules", str(d), env=env)
    assert r.returncode == 0 and b'"targets"' in r.stdout


# --- rule files ------------------------------------------------------------------------------

def rules_dir(tmp_path, name, text):
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return d


def test_misspelt_key_names_the_file_and_suggests(tmp_path):
    d = rules_dir(tmp_path, "people.yaml", "positon:\n  - Giám đốc Sở Số\n")
    usage_error(d, "people.yaml", "positon: unknown key (did you mean 'positions'?)")


def test_wrong_type_names_the_key(tmp_path):
    d = rules_dir(tmp_path, "quantities.yaml", "units:\n  - bài báo\n")
    usage_error(d, "quantities.yaml", "units")


def test_bad_regex_names_the_file_and_the_key(tmp_path):
    d = rules_dir(tmp_path, "furniture.yaml", "hard_tail_markers:\n  - '(?:Xem thêm'\n")
    usage_error(d, "furniture.yaml", "hard_tail_markers[0]: pattern does not compile")


def test_catastrophic_regex_is_reported_not_run(tmp_path):
    d = rules_dir(tmp_path, "furniture.yaml", "inline:\n  - '(a+)+$'\n")
    usage_error(d, "furniture.yaml", "inline[0]: pattern takes over", "catastrophic backtracking")


def test_unknown_category_value_is_rejected(tmp_path):
    d = rules_dir(tmp_path, "targets.yaml", "categories:\n  khoa học: Science & Tech\n")
    usage_error(d, "targets.yaml", "categories.khoa học")


def test_unknown_rule_file_and_wrong_suffix(tmp_path):
    d = rules_dir(tmp_path, "peoples.yaml", "positions: []\n")
    usage_error(d, "peoples.yaml", "unknown rule file (did you mean people.yaml?")
    os.remove(d / "peoples.yaml")
    (d / "notes.txt").write_text("hello", encoding="utf-8")
    usage_error(d, "notes.txt", "not a rule file")


@pytest.mark.parametrize("content,needle", [
    (b"positions: [\xff\xfe]\n", "not UTF-8"),
    (b"positions:" + b" [" * 60 + b"]" * 60 + b"\n", "nested too deeply"),
    (b"title_max_chars: 1" + b"0" * 40 + b"\n", "number out of range"),
])
def test_hostile_rule_file_contents(tmp_path, content, needle):
    d = tmp_path / "rules"
    d.mkdir()
    name = "headings.yaml" if b"title_max" in content else "people.yaml"
    (d / name).write_bytes(content)
    usage_error(d, name, needle)


def test_a_fifo_is_refused_without_hanging(tmp_path):
    d = tmp_path / "rules"
    d.mkdir()
    os.mkfifo(d / "people.yaml")
    usage_error(d, "people.yaml", "not a regular file")


def test_a_symlink_out_of_the_directory_is_refused(tmp_path):
    d = tmp_path / "rules"
    d.mkdir()
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("positions: []\n", encoding="utf-8")
    os.symlink(outside, d / "people.yaml")
    usage_error(d, "people.yaml", "outside the rules directory")


# --- a user directory extends the rules without code -------------------------------------------

USER_RULES = {
    "quantities.yaml": "# my units\nunits:\n  sáng kiến: sáng kiến\n",
    "indicators.yaml": "indicators:\n  innovation_count:\n    - số sáng kiến\n",
    "people.yaml": "positions:\n  - Trưởng Ban Đổi mới sáng tạo\n",
    "headings.yaml": "kinds:\n  - kind: clause\n    pattern: '(?:Khoản|KHOẢN)\\s+(?P<label>\\d{1,3})[.:]'\n    list_item: false\n",
    "targets.yaml": "categories:\n  sáng kiến: innovation\n",
}
USER_TEXT = ("KẾ HOẠCH PHÁT TRIỂN NĂM 2026\n"
             "Khoản 1. Mục tiêu\n"
             "Phấn đấu đến năm 2030, số sáng kiến được công nhận đạt 500 sáng kiến.\n"
             "Đồng chí Nguyễn Văn An, Trưởng Ban Đổi mới sáng tạo, phát biểu.\n")


def test_a_user_yaml_directory_adds_a_unit_indicator_title_heading_kind_and_category(tmp_path):
    d = tmp_path / "rules"
    d.mkdir()
    for name, text in USER_RULES.items():
        (d / name).write_text(text, encoding="utf-8")
    before = extract(USER_TEXT)
    doc = extract(USER_TEXT, rules_dir=str(d))
    assert [s.kind for s in doc.sections] == ["clause"] and not any(s.kind == "clause" for s in before.sections)
    t = [t for t in doc.targets if t.value == 500]
    assert t and t[0].unit == "sáng kiến" and t[0].indicator_id == "innovation_count" and t[0].category == "innovation"
    off = {o.name: o for o in doc.officials}
    assert [x.position for x in off["Nguyễn Văn An"].titles] == ["Trưởng Ban Đổi mới sáng tạo"]


def test_remove_and_replace(tmp_path):
    d = rules_dir(tmp_path, "people.yaml", "remove:\n  surnames: [Nguyễn]\n")
    rules = Rules(str(d))
    assert "Nguyễn" not in rules["people"]["surnames"] and "Trần" in rules["people"]["surnames"]
    d2 = rules_dir(tmp_path / "x" if (tmp_path / "x").mkdir() is None else tmp_path, "furniture.yaml", "replace:\n  tail_line_markers: ['Bản quyền']\n")
    assert Rules(str(d2))["furniture"]["tail_line_markers"] == ["Bản quyền"]
    d3 = rules_dir(tmp_path / "y" if (tmp_path / "y").mkdir() is None else tmp_path, "people.yaml", "remove:\n  surnames: [Smith]\n")
    with pytest.raises(RuleError, match=r"remove.surnames: not in the rules: 'Smith'"):
        Rules(str(d3))


def test_no_import_circle_between_the_package_modules():
    """Module-level imports form no cycle (stages register with spaCy; nothing imports them back)."""
    import ast
    root = os.path.join(ROOT, "pipeline")
    mods = {}
    for dp, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(".py"):
                p = os.path.join(dp, f)
                name = os.path.relpath(p, ROOT)[:-3].replace(os.sep, ".")
                mods[name[:-9] if name.endswith(".__init__") else name] = p
    edges = {m: set() for m in mods}
    for m, p in mods.items():
        pkg = m if p.endswith("__init__.py") else m.rsplit(".", 1)[0]
        for node in ast.parse(open(p, encoding="utf-8").read()).body:
            if isinstance(node, ast.ImportFrom):
                parts = pkg.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else [])) if node.level else (node.module or "")
                for cand in [base] + [f"{base}.{a.name}" for a in node.names]:
                    if cand in mods and cand != m:
                        edges[m].add(cand)
    state, cycles = {}, []

    def visit(u, path):
        state[u] = 1
        path.append(u)
        for v in edges[u]:
            if state.get(v) == 1:
                cycles.append(path[path.index(v):] + [v])
            elif not state.get(v):
                visit(v, path)
        path.pop()
        state[u] = 2

    for m in mods:
        if not state.get(m):
            visit(m, [])
    assert not cycles, cycles
