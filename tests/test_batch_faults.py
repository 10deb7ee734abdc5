"""Batch faults: every input is accounted for (written, skipped as done, or reported) whatever
happens - a worker killed, an unwritable output, a full disk, SIGKILL or SIGINT of the run."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SAMPLES, SEED

NOTICE = os.path.join(SAMPLES, "tnt_98be6e047028fade.txt")

PY = sys.executable
SUMMARY = re.compile(r"read (\d+) files \(\d+ chars\), wrote (\d+), rejected (\d+)(?:, skipped (\d+) already done)?(?:, not processed (\d+))?")


def run(*args, **kw):
    return subprocess.run([PY, "-m", "pipeline", *args], capture_output=True, cwd=ROOT, timeout=600, **kw)


def start(*args):
    return subprocess.Popen([PY, "-m", "pipeline", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)


def summary(err: str) -> dict:
    m = SUMMARY.search(err)
    assert m, err
    read, wrote, rejected, skipped, left = (int(x or 0) for x in m.groups())
    return {"read": read, "wrote": wrote, "rejected": rejected, "skipped": skipped, "left": left}


def accounted(err: str) -> dict:
    s = summary(err)
    assert s["read"] == s["wrote"] + s["rejected"] + s["skipped"] + s["left"], err
    errors = [l for l in err.splitlines() if l.startswith("error: ")]
    assert len(errors) == s["rejected"], err
    return s


def make_inputs(d, n, src=SEED):
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        shutil.copy(src, d / f"doc{i:03d}.txt")
        # distinct bytes, so that each input is its own document
        with open(d / f"doc{i:03d}.txt", "a", encoding="utf-8") as fh:
            fh.write(f"\nBản số {i}.\n")
    return d


def no_temp_files(out):
    return [p for p in out.rglob("*") if p.name.startswith(".tmp-") or p.name.endswith(".tmp")]


def all_valid_json(out):
    for p in out.rglob("*.json"):
        json.loads(p.read_text(encoding="utf-8"))


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def wait_for(cond, timeout=120):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if cond():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc to find worker processes")
def test_a_killed_worker_costs_only_its_input(tmp_path):
    src = make_inputs(tmp_path / "in", 30)
    out = tmp_path / "out"
    p = start("extract", str(src), "-o", str(out), "--jobs", "2")
    assert wait_for(lambda: len(children(p.pid)) >= 2 and out.exists() and len(list(out.glob("*.json"))) >= 2)
    os.kill(children(p.pid)[0], signal.SIGKILL)
    _, err = p.communicate(timeout=300)
    err = err.decode()
    s = accounted(err)
    assert s["read"] == 30 and s["wrote"] == len(list(out.glob("*.json")))
    assert all("worker process died (signal 9)" in l for l in err.splitlines() if l.startswith("error: "))
    assert p.returncode == (1 if s["rejected"] else 0)
    assert not no_temp_files(out)


def test_an_unwritable_output_is_that_files_error(tmp_path):
    src = make_inputs(tmp_path / "in", 3)
    shutil.copy(SEED, src / ("x" * 251 + ".txt"))  # the output name (.json) is too long
    out = tmp_path / "out"
    r = run("extract", str(src), "-o", str(out), "--jobs", "2")
    err = r.stderr.decode()
    s = accounted(err)
    assert (s["read"], s["wrote"], s["rejected"]) == (4, 3, 1)
    assert "File name too long" in err and r.returncode == 1
    for p in out.glob("*.json"):
        assert oct(p.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask():
    m = os.umask(0)
    os.umask(m)
    return m


def test_a_full_disk_is_each_files_error(tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs: {r.stderr.decode().strip()}")
    try:
        src = make_inputs(tmp_path / "in", 12, src=NOTICE)  # ~45 KB of JSON each: 4 fit
        r = run("extract", str(src), "-o", str(mnt / "out"), "--jobs", "2")
        err = r.stderr.decode()
        s = accounted(err)
        assert s["read"] == 12 and s["wrote"] >= 1 and s["rejected"] >= 1, err
        assert "No space left on device" in err and r.returncode == 1
        assert len(list((mnt / "out").glob("*.json"))) == s["wrote"]
        all_valid_json(mnt / "out")
        assert not no_temp_files(mnt / "out")
        # JSON Lines to a full disk: nothing half-written, every document reported
        r = run("extract", str(src), "--jsonl", str(mnt / "all.jsonl"))
        s = accounted(r.stderr.decode())
        assert s["wrote"] == 0 and s["rejected"] == 12 and not (mnt / "all.jsonl").exists()
        assert not [p for p in mnt.iterdir() if p.name not in ("out",)]
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


@pytest.mark.parametrize("mode", ["out_dir", "jsonl"])
def test_sigkill_leaves_no_partial_output_and_resume_finishes(tmp_path, mode):
    n = 30 if mode == "out_dir" else 90  # enough work that the kill lands mid-run
    src = make_inputs(tmp_path / "in", n)
    out = tmp_path / "out"
    out.mkdir()
    target = ["-o", str(out)] if mode == "out_dir" else ["--jsonl", str(out / "all.jsonl")]
    p = start("extract", str(src), *target, "--jobs", "2")
    if mode == "out_dir":
        assert wait_for(lambda: len(list(out.glob("*.json"))) >= 3)
    else:
        time.sleep(1.5)
        assert p.poll() is None, "the run ended before it could be killed"
    p.kill()
    p.communicate(timeout=60)
    # the workers notice their parent is gone and remove their temporary files (on a loaded machine this takes
    # longer than on an idle one: waited for, up to 30 s, rather than a fixed 5 s)
    assert wait_for(lambda: not no_temp_files(out), timeout=30), no_temp_files(out)
    all_valid_json(out)
    if mode == "jsonl":
        assert list(out.iterdir()) == []  # no partial JSON Lines file
    done = len(list(out.glob("*.json")))
    r = run("extract", str(src), *target, "--jobs", "2", "--resume")
    s = accounted(r.stderr.decode())
    assert r.returncode == 0
    assert s["read"] == n and s["skipped"] == (done if mode == "out_dir" else 0) and s["wrote"] == n - s["skipped"]
    if mode == "jsonl":
        assert len((out / "all.jsonl").read_text(encoding="utf-8").splitlines()) == n
        r = run("extract", str(src), *target, "--resume")
        assert accounted(r.stderr.decode())["skipped"] == n
        assert len((out / "all.jsonl").read_text(encoding="utf-8").splitlines()) == n


@pytest.mark.parametrize("mode", ["out_dir", "jsonl"])
def test_sigint_stops_cleanly_and_says_what_was_not_processed(tmp_path, mode):
    src = make_inputs(tmp_path / "in", 150)  # enough work that the signal lands mid-run (~0.1 s a file)
    out = tmp_path / "out"
    out.mkdir()
    target = ["-o", str(out)] if mode == "out_dir" else ["--jsonl", str(out / "all.jsonl")]
    p = start("extract", str(src), *target, "--jobs", "2")
    assert wait_for(lambda: len(children(p.pid)) >= 2)  # the run is under way
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=120)
    err = err.decode()
    assert p.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    s = accounted(err)
    assert s["read"] == 150
    assert not no_temp_files(out)
    if mode == "jsonl":
        assert list(out.iterdir()) == []
    else:
        assert len(list(out.glob("*.json"))) == s["wrote"]
        all_valid_json(out)


def test_one_input_by_two_spellings_is_processed_once(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED, d / "a.txt")
    os.symlink(d / "a.txt", d / "link.txt")
    r = run("extract", str(d / "a.txt"), str(d) + "/./a.txt", str(d), "--jsonl", "-")
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.decode().splitlines()) == 1


def test_a_non_utf8_file_name_is_shown_escaped(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    name = os.path.join(os.fsencode(d), b"bad\xff\xfe.txt")
    with open(name, "wb") as fh:
        fh.write("I. KẾT QUẢ\n1. Nội dung: tốt.".encode())
    r = run("extract", str(d), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    (out,) = list((tmp_path / "out").iterdir())
    raw = out.read_bytes()
    raw.decode("utf-8")  # the JSON is UTF-8
    assert json.loads(raw)["source"]["path"].endswith("bad\\xff\\xfe.txt")


def test_validate_checks_every_file(tmp_path):
    good = tmp_path / "good.json"
    r = run("extract", SEED)
    good.write_bytes(r.stdout)
    doc = json.loads(r.stdout)
    bad = dict(doc, percentages=[dict(doc["percentages"][0], span={"start": 50, "end": 40})] + doc["percentages"][1:])
    (tmp_path / "reversed.json").write_text(json.dumps(bad), encoding="utf-8")
    shifted = dict(doc, percentages=[dict(doc["percentages"][0], span={"start": 5, "end": 10}, text="abcde")])
    (tmp_path / "shifted.json").write_text(json.dumps(shifted), encoding="utf-8")
    (tmp_path / "nan.json").write_text(json.dumps(dict(doc, percentages=[dict(doc["percentages"][0], value=float("nan"))])), encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    (tmp_path / "chars.json").write_text(json.dumps(dict(doc, source=dict(doc["source"], chars=10))), encoding="utf-8")
    changed = tmp_path / "changed.txt"
    changed.write_text(open(SEED, encoding="utf-8").read().replace("Đại hội", "Đại  hội", 1), encoding="utf-8")
    files = ["good.json", "reversed.json", "shifted.json", "nan.json", "deep.json", "chars.json"]
    r = run("validate", *[str(tmp_path / f) for f in files])
    out, err = r.stdout.decode(), r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert out.strip().endswith("good.json: valid")
    for f, problem in [("reversed.json", "reversed (50 > 40)"), ("shifted.json", "is not the text at 5-10"),
                       ("nan.json", "non-finite number NaN"), ("deep.json", "nested too deeply"), ("chars.json", "source/chars: 10")]:
        assert any(f in l and problem in l for l in err.splitlines()), (f, err)
    r = run("validate", str(good), "--text", str(changed))
    assert r.returncode == 1 and "SHA-256 differs" in r.stderr.decode()
