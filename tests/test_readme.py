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


def test_package_docstring_example_runs():
    import doctest

    import pipeline

    result = doctest.testmod(pipeline)
    assert result.attempted >= 1 and result.failed == 0


def test_readme_python_example():
    from pipeline import extract

    doc = extract("I. KẾT QUẢ ĐẠI HỘI\n1. Công tác nhân sự: Đại hội công bố quyết định.")
    assert [s.id for s in doc.sections] == ["I", "I.1"]
