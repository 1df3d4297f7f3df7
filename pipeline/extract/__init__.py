"""Stage 4, extract: run every registered extractor over a parsed document.

Each extractor is a plain function ``find(doc, assets) -> Iterator[Mention]``
in its own module; they are registered in one place, ``claimex.stages``.
"""

from __future__ import annotations

from ..assets import Assets
from ..document import Document


def extract(doc: Document, assets: Assets, extractors: dict) -> Document:
    """Set ``doc.mentions[name]`` for each extractor, in registry order."""
    for name, find in extractors.items():
        doc.mentions[name] = sorted(find(doc, assets))
    return doc
