"""Stage 4, extract: run every registered extractor over a parsed document.

Each extractor is a plain function ``find(doc, assets) -> Iterator[Mention]``
in its own module; they are registered in one place, ``claimex.stages``,
with the shared per-document annotations each reads (``annotations.py``).
"""

from __future__ import annotations

import sys
import types

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


# -- ``claimex.extract(text)``, the public API ------------------------------
# This subpackage is the stage, and ``claimex.extract`` is also the documented
# one-call API. So that both hold whether or not the stage was imported first,
# the module object itself is callable: ``claimex.extract(text, ...)`` is
# :func:`claimex.api.extract`.


class _ExtractModule(types.ModuleType):
    def __call__(self, text, *, published=None, doc_id="doc", model=None):
        from ..api import extract as extract_text

        return extract_text(text, published=published, doc_id=doc_id, model=model)


sys.modules[__name__].__class__ = _ExtractModule
