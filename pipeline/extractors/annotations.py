"""Per-document annotations that more than one extractor reads, computed once.

:data:`ANNOTATIONS` names each annotation and the function that computes it
from a segmented, parsed document; ``stages.REQUIRES`` says which extractor
reads which (the extract stage computes them before the extractors run).
:func:`annotation` returns the document's copy, computing it on first use, so
an extractor called on its own still works.

* ``quotation_marks``: the quotation-mark pairs of the claim paragraphs and the
  marks left unpaired (``quote_marks.pair_quotation_marks``). Read by the quote
  extractor (quotes, and warnings for unpaired marks) and the recommendation
  extractor (a recommendation inside a quote is only the quoted words).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..document import Document


def _quotation_marks(doc: Document):
    from .quote_marks import pair_quotation_marks
    from .quotes import claim_paragraphs

    return pair_quotation_marks(claim_paragraphs(doc))


ANNOTATIONS: dict[str, Callable[[Document], Any]] = {
    "quotation_marks": _quotation_marks,
}


def annotation(doc: Document, name: str) -> Any:
    """The annotation ``name`` of ``doc`` (computed once, then kept on the document)."""
    if name not in doc.annotations:
        doc.annotations[name] = ANNOTATIONS[name](doc)
    return doc.annotations[name]
