"""Stage: find every quantity expression once (offsets in the folded text); later stages share them."""
from __future__ import annotations

from ..context import Context
from .numbers import finder
from ..products import QuantityMentions
from ..registry import component


@component("quantities", assigns=("quantities",), rules=("quantities",))
def find_quantities(ctx: Context) -> QuantityMentions:
    """Every number with magnitude, unit, per-unit, range and comparator; what is not a quantity is left out."""
    return QuantityMentions(tuple(finder(ctx.rules).find(ctx.nt.fold)))
