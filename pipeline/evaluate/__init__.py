from .scoring import *  # noqa: F401,F403
from .scoring import add_arguments, evaluate, find_pairs, fold, run_cli, score_document  # noqa: F401
