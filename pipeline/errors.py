"""Errors the pipeline reports to users (never as tracebacks)."""


class InputError(Exception):
    """An input that cannot be processed: names the input and what is wrong."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class RuleError(Exception):
    """A rule data file that cannot be loaded: names the file and the problem."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ContractError(Exception):
    """The pipeline produced output that breaks its own schema: a bug."""
