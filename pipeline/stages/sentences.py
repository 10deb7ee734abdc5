"""Stage sentences: sentence starts over the normalised text; ``doc.sents`` yields them.

Sentences end at sentence punctuation followed by a capital, at blank lines, at
headings and at line breaks (except soft wraps of a hard-wrapped text); see
:func:`pipeline.text.tokenise.sentence_starts`.
"""
from __future__ import annotations

from ..context import Context
from ..registry import component
from ..text.tokenise import sentence_starts, sents_hook


@component("sentences", assigns=("sentence_starts",))
def split_sentences(ctx: Context) -> tuple:
    """Sentence start offsets (norm text); installs the doc.sents hook."""
    starts = tuple(sentence_starts(ctx.nt.fold, ctx.nt.wrapped))
    ctx.doc.user_data["sent_starts"] = starts
    ctx.doc.user_hooks["sents"] = sents_hook
    return starts
