"""`claimex eval`: score predicted records against gold records.

Public API::

    ev = evaluate("outputs/", "corpus/gold/")          # load both sides and score
    ev = score(load_side(pred), load_side(gold))        # the same in two steps
    ev.results["date"].lenient.f1, ev.figures()["date.value"]
    print(format_table(ev)); print(format_errors(ev)); to_json(ev)
    results = check_bounds(ev, parse_bounds(["date.f1=0.8 quote.speakers=0.5"]))

Matching, counts and every metric are defined in docs/evaluation.md.
"""

from __future__ import annotations

from .attributes import COMPARATORS, attribute_scores, normalise_name, set_f1, token_f1
from .bounds import Bound, BoundResult, bounds_line, check_bounds, parse_bounds, split_bound_args, suggest_bounds
from .loaders import Corpus, Doc, document_text, load_file, load_side
from .matching import PRF, SCORED_TYPES, Alignment, Counts, Item, align, count, lenient_prf, match, strict_prf
from .output import format_bounds, format_errors, format_table, sentence_around, to_json
from .scoring import AttributeScore, Evaluation, Finding, TypeResult, evaluate, known_keys, score, score_document

__all__ = [
    "COMPARATORS", "SCORED_TYPES", "Alignment", "AttributeScore", "Bound", "BoundResult", "Corpus", "Counts", "Doc",
    "Evaluation", "Finding", "Item", "PRF", "TypeResult", "align", "attribute_scores", "bounds_line", "check_bounds", "count",
    "document_text", "evaluate", "format_bounds", "format_errors", "format_table", "known_keys", "lenient_prf",
    "load_file", "load_side", "match", "normalise_name", "parse_bounds", "score", "score_document",
    "sentence_around", "set_f1", "split_bound_args", "strict_prf", "suggest_bounds", "to_json", "token_f1",
]  # fmt: skip
