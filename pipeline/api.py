"""The documented Python API: ``claimex.extract`` and ``claimex.Pipeline``.

>>> import claimex
>>> records = claimex.extract("The government should cut fuel taxes before the winter.", published="2024-03-01")
>>> [(r["type"], r["text"]) for r in records if r["type"] != "document"]
[('date', 'the winter'), ('recommendation', 'The government should cut fuel taxes before the winter')]

Records are the same dicts as the JSONL lines of ``claimex run`` (the record
contract, ``claimex schema``); their offsets point into the text given. The
spaCy model is loaded once per process and model name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import stages
from .errors import ClaimexError

__all__ = ["extract", "Pipeline", "Result"]


@dataclass
class Result:
    """One document of a batch: its records, or the one-line reason it failed.

    ``text`` is the text the records' offsets point into: the input text, or
    for an HTML, PDF or DOCX file the text extracted from it.
    """

    doc_id: str
    records: list[dict] | None
    error: str | None = None
    text: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline(stages.Pipeline):
    """claimex for many documents: the assets and the spaCy model are loaded once.

    ``Pipeline(model=None, nlp=None)``: ``model`` names an installed spaCy
    pipeline (default: the one in ``models/pipeline.toml``); ``nlp`` is an
    already loaded ``Language`` to use instead.
    """

    def extract(self, text: str, *, published: str | None = None, doc_id: str = "doc") -> list[dict]:
        """The records of one text; raises :class:`~claimex.errors.ClaimexError` on bad input."""
        return self.process_text(text, doc_id=_doc_id(doc_id), published=_iso_date(published))

    def pipe(self, texts: Iterable[Any], *, published: str | None = None) -> Iterator[Result]:
        """One :class:`Result` per text, in order, processed in batches.

        Each item is a text, or a ``(text, context)`` pair whose dict may set
        ``doc_id`` and ``published``. Default doc ids are ``doc-1``, ``doc-2``...
        A text that fails gives a Result with ``error`` set; the batch goes on.
        """
        inputs = []
        for n, item in enumerate(texts, 1):
            text, ctx = item if isinstance(item, tuple) else (item, {})
            doc_id = _doc_id(ctx.get("doc_id", f"doc-{n}"))
            inputs.append(stages.Input(f"{doc_id}.txt", text=text, doc_id=doc_id, published=_iso_date(ctx.get("published", published))))
        yield from self._results(inputs)

    def read(self, paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[Result]:
        """One :class:`Result` per file (``.txt``, ``.md``, ``.html``, ``.pdf``, ``.docx``; folders searched).

        ``Result.text`` is the text the records point into (for HTML, PDF and
        DOCX the extracted text, which ``claimex run`` writes next to its output).
        A path that cannot be read gives a Result with ``error`` set.
        """
        from .runner import unique_doc_ids

        inputs, errors = stages.collect_inputs(paths)
        for msg in errors:
            yield Result("", None, msg)
        for inp in inputs:
            inp.published = _iso_date(published)
        yield from self._results(unique_doc_ids(inputs))

    def run(self, paths: Iterable[str | Path], out_dir: str | Path, *, published: str | None = None):
        """``claimex run PATHS -o OUT_DIR``: write one ``<doc_id>.jsonl`` per document; returns the summary."""
        from .runner import run

        inputs, errors = stages.collect_inputs(paths)
        for inp in inputs:
            inp.published = _iso_date(published)
        summary = run(inputs, self, out_dir=out_dir)
        summary.documents += len(errors)
        summary.failed[:0] = errors
        return summary

    def _results(self, inputs: list[stages.Input]) -> Iterator[Result]:
        for out in self.process(inputs):
            doc_id = out.doc.doc_id if out.doc is not None else (out.input.doc_id or "")
            text = out.doc.source.text if out.doc is not None else None
            yield Result(doc_id, out.records if out.ok else None, out.error, text)


def _iso_date(value: str | None) -> str | None:
    from datetime import date

    from .errors import Errors

    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ClaimexError(Errors.E010.format(value=value)) from None


def _doc_id(value: str) -> str:
    import re

    from .errors import Errors

    if not isinstance(value, str) or not re.fullmatch(r"[\w.-]+", value):
        raise ClaimexError(Errors.E012.format(value=value))
    return value


_DEFAULT: dict[str | None, Pipeline] = {}


def default_pipeline(model: str | None = None) -> Pipeline:
    """The Pipeline ``extract`` uses (one per model name, loaded on first use)."""
    if model not in _DEFAULT:
        _DEFAULT[model] = Pipeline(model)
    return _DEFAULT[model]


def extract(text: str, *, published: str | None = None, doc_id: str = "doc", model: str | None = None) -> list[dict]:
    """Entities, dates, quotes and recommendations of ``text`` as contract records.

    ``published`` (``YYYY-MM-DD``) anchors relative dates ("last Tuesday")
    when the text has no dateline; ``doc_id`` names the records
    (``<doc_id>:<type>:<n>``). Returns the records as dicts, the document
    record first, in the order ``claimex run`` writes them. Raises
    :class:`~claimex.errors.ClaimexError` for empty or unusable text.
    """
    if not isinstance(text, str):
        raise ClaimexError(f"claimex.extract: expected text (str), got {type(text).__name__}")
    return default_pipeline(model).extract(text, published=published, doc_id=doc_id)
