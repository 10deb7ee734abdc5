import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("ANNOUNCE_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
SAMPLES = os.path.join(ROOT, "samples")
SEED = os.path.join(SAMPLES, "haiphong-2025.txt")


def shared_path(*parts: str) -> str:
    p = os.path.join(SHARED, *parts)
    if not os.path.exists(p):
        pytest.skip(f"shared material not present: {p}")
    return p


@pytest.fixture(scope="session")
def seed_text() -> str:
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="session")
def seed_doc():
    from pipeline import extract_file

    return extract_file(SEED)
