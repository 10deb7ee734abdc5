"""Scoring against gold annotations (``announce eval``)."""
from .scoring import FIELDS, Score, add_arguments, evaluate, find_pairs, fold, run_cli, score_document  # noqa: F401
