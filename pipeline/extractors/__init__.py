"""Stage 4, extract: run every registered extractor over a parsed document.

Each extractor is a plain function ``find(doc, assets) -> Iterator[Mention]``
in its own module; they are registered in one place, ``claimex.stages``,
with the shared per-document annotations each reads (``annotations.py``).
"""

from __future__ import annotations

from ..assets import Assets
from ..document import Document


def extract(doc: Document, assets: Assets, extractors: dict, requires: dict | None = None) -> Document:
    """Set ``doc.mentions[name]`` for each extractor, in registry order, after
    computing the shared annotations it ``requires`` (name -> annotation names)."""
    from .annotations import annotation

    for name, find in extractors.items():
        for needed in (requires or {}).get(name, ()):
            annotation(doc, needed)
        doc.mentions[name] = sorted(find(doc, assets))
    return doc

