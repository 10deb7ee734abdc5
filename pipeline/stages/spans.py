"""Stage spans: every extracted item also as a ``doc.spans`` group, for spaCy's own tools (displaCy).

Groups: ``sections``, ``percentages``, ``delegates``, ``targets``, ``results``,
``officials`` (each mention, label = the name), ``titles``, ``bodies``, ``warnings``
(label = the code). Token-aligned by expanding to the tokens the item touches.
"""
from __future__ import annotations

from ..context import Context
from ..registry import component


@component("spans", requires=("sections", "percentages", "delegates", "figures", "officials", "bodies", "warnings"))
def item_spans(ctx: Context) -> tuple:
    """Each extracted item as a labelled span in doc.spans (one group per kind)."""
    doc, nt = ctx.doc, ctx.nt

    def group(name, pairs):
        out = []
        for item, label in pairs:
            a, b = nt.from_orig(item.span.start), nt.from_orig(item.span.end)
            sp = doc.char_span(a, b, label=label or name, alignment_mode="expand")
            if sp is not None:
                out.append(sp)
        doc.spans[name] = out

    group("sections", ((s.heading, s.kind) for s in ctx.products.sections.items))
    group("percentages", ((p, "percentage") for p in ctx.products.percentages.items))
    d = ctx.products.delegates.stats
    group("delegates", [(getattr(d, k), k) for k in ("summoned", "attended", "absent", "ex_officio", "appointed", "alternates_promoted")
                        if getattr(d, k) is not None] + [(b, b.dimension) for b in d.breakdowns])
    group("targets", ((t, t.indicator_id or "target") for t in ctx.products.figures.targets))
    group("results", ((t, t.indicator_id or "result") for t in ctx.products.figures.results))
    group("officials", ((m, o.name) for o in ctx.products.officials.items for m in o.mentions))
    group("titles", ((t, t.position or "title") for o in ctx.products.officials.items for t in o.titles))
    group("bodies", ((b, "body") for b in ctx.products.bodies.items if getattr(b, "span", None) is not None))
    group("warnings", ((w, w.code) for w in ctx.products.warnings.items))
    return ()
