"""The spaCy component: ``nlp.add_pipe("claimex")``.

The factory is registered with spaCy's ``Language.factory`` when this module is
imported, and spaCy imports it by itself through the package's
``spacy_factories`` entry point, so ``nlp.add_pipe("claimex")`` works without
importing claimex first.

The component runs the whole claimex pipeline on ``doc.text`` and sets

* ``doc._.entities``, ``doc._.dates``, ``doc._.quotes``,
  ``doc._.recommendations``: the records of each type (dicts, as in the JSONL
  output), offsets relative to ``doc.text``;
* ``doc._.claimex``: all records, the document record first.

claimex parses each paragraph on its own (so sentences never cross a
paragraph), with the host pipeline when it has a parser and an entity
recognizer (the claimex component itself left out), else with claimex's
default model (or the ``model`` of the config).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ClaimexError

# Doc extension -> record type
EXTENSIONS = {"entities": "entity", "dates": "date", "quotes": "quote", "recommendations": "recommendation", "statistics": "statistic"}
ALL_RECORDS = "claimex"


@Language.factory(
    "claimex",
    default_config={"published": None, "model": None},
    assigns=[f"doc._.{name}" for name in (*EXTENSIONS, ALL_RECORDS)],
)
def make_claimex(nlp: Language, name: str, published: str | None, model: str | None) -> ClaimexComponent:
    return ClaimexComponent(nlp, name, published=published, model=model)


class _Host:
    """The host pipeline without the claimex component (parsing a paragraph must not recurse)."""

    def __init__(self, nlp: Language, name: str):
        self._nlp, self._name = nlp, name

    def pipe(self, texts, **kw):
        return self._nlp.pipe(texts, disable=[self._name], **kw)

    def __getattr__(self, attr):
        return getattr(self._nlp, attr)


class ClaimexComponent:
    def __init__(self, nlp: Language, name: str = "claimex", *, published: str | None = None, model: str | None = None):
        self.nlp, self.name, self.published, self.model = nlp, name, published, model
        self._pipeline = None
        for ext in (*EXTENSIONS, ALL_RECORDS):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    @property
    def pipeline(self):
        if self._pipeline is None:
            from .api import Pipeline

            if self.model is None and self.nlp.has_pipe("parser") and self.nlp.has_pipe("ner"):
                self._pipeline = Pipeline(nlp=_Host(self.nlp, self.name))
            else:
                self._pipeline = Pipeline(self.model)
        return self._pipeline

    def __call__(self, doc: Doc) -> Doc:
        (doc,) = self.pipe([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> Iterator[Doc]:
        texts = [(d.text, {"doc_id": "doc", "published": self.published}) for d in docs if d.text.strip()]
        results = iter(self.pipeline.pipe(texts)) if texts else iter(())
        for doc in docs:
            records = []
            if doc.text.strip():
                res = next(results)
                if not res.ok:
                    raise ClaimexError(res.error)
                records = res.records
            set_extensions(doc, records)
            yield doc


def set_extensions(doc: Doc, records: list[dict]) -> Doc:
    """Set ``doc._.<type>s`` and ``doc._.claimex`` from records whose offsets point into ``doc.text``."""
    doc._.set(ALL_RECORDS, records)
    for ext, rtype in EXTENSIONS.items():
        doc._.set(ext, [r for r in records if r["type"] == rtype])
    return doc
