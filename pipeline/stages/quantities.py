"""Stage: find every quantity expression once (offsets in the folded text); later stages share them."""
from __future__ import annotations

from ..context import Context
from .numbers import finder
from ..registry import stage


@stage("quantities")
def find_quantities(ctx: Context) -> None:
    ctx.results["_quantities"] = finder(ctx.rules).find(ctx.nt.fold)
