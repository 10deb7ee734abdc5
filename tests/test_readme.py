"""CI must run the README's test command exactly; the README's commands must exist."""
import os
import re

from conftest import ROOT


def _blocks():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        return re.findall(r"```sh\n(.*?)```", fh.read(), re.S)


def test_ci_runs_the_readme_test_command():
    test_cmd = next(b.strip() for b in _blocks() if "pytest" in b)
    with open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8") as fh:
        lines = [l.strip() for l in fh if l.strip() and not l.startswith("#")]
    assert test_cmd in lines


def test_readme_has_the_run_command_on_samples():
    assert any("announce extract samples/ -o output/" in b for b in _blocks())
