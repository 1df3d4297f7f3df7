"""The one place where claimex's stages and extractors are composed.

    ingest -> segment -> parse -> extract -> resolve -> write

Each stage is a module with one entry point. Extractors are registered in
:data:`EXTRACTORS` (name -> pure find function), in the order they run;
``models/pipeline.toml`` ([extract] order) may reorder or disable them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .assets import Assets
from .document import Document
from .errors import ClaimexError
from .extractors import extract
from .extractors.dates import find_dates
from .extractors.entities import find_entities
from .extractors.quotes import find_quotes
from .extractors.recommendations import find_recommendations
from .extractors.reported import find_reported_speech
from .extractors.statistics import find_statistics
from .ingest import ingest
from .parse import load_model, model_name, parse
from .resolve import resolve
from .segment import MAX_UNIT_CHARS, segment
from .write import build_records

EXTRACTORS = {
    "entity": find_entities,
    "date": find_dates,
    "quote": find_quotes,
    "reported_speech": find_reported_speech,  # record type "quote" (merged by resolve)
    "recommendation": find_recommendations,
    "statistic": find_statistics,  # after date and entity: a figure inside one is none
}

# the shared per-document annotations (extractors/annotations.py) each extractor reads,
# computed once per document before the first extractor that needs them
REQUIRES = {
    "quote": ("quotation_marks",),
    "recommendation": ("quotation_marks",),
}

STAGES = ("ingest", "segment", "parse", "extract", "resolve", "write")


@dataclass
class Input:
    """One document to process: a path, or text with a name (stdin, tests).

    ``data``, the file's bytes read elsewhere (a cluster's client), stands in
    for reading ``path``.
    """

    path: str
    text: str | None = None
    doc_id: str | None = None
    published: str | None = None
    data: bytes | None = None  # the input's bytes (stdin), read like a file's


@dataclass
class Outcome:
    input: Input
    doc: Document | None = None
    records: list[dict] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline:
    """Loads the assets and the spaCy model once; processes documents in batches."""

    def __init__(self, model: str | None = None, *, assets: Assets | None = None, nlp=None):
        self.assets = assets if assets is not None else Assets()
        self.requested_model = model
        self._nlp = nlp
        self._model_name: tuple | None = None  # (nlp, its name): nlp.meta collects every component's labels
        order = self.assets.config.get("extract", {}).get("order", list(EXTRACTORS))
        unknown = [n for n in order if n not in EXTRACTORS]
        if unknown:
            raise ClaimexError(f"models/pipeline.toml: unknown extractor {unknown[0]!r} in [extract] order (known: {', '.join(EXTRACTORS)})")
        self.extractors = {n: EXTRACTORS[n] for n in order}

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_model(self.requested_model, self.assets)
        return self._nlp

    @property
    def model(self) -> str:
        nlp = self.nlp
        if self._model_name is None or self._model_name[0] is not nlp:
            self._model_name = (nlp, model_name(nlp))  # once, not once a document
        return self._model_name[1]

    @property
    def batch_size(self) -> int:
        return int(self.assets.config.get("model", {}).get("batch_size", 64))

    @property
    def unit_chars(self) -> int:
        """The longest processing unit: ``[model] max_unit_chars``, never more than ``nlp.max_length``."""
        limit = int(self.assets.config.get("model", {}).get("max_unit_chars", MAX_UNIT_CHARS))
        return max(2, min(limit, self.nlp.max_length))

    # -- stages 1-2 per document, 3 per batch, 4-6 per document ------------
    def prepare(self, inp: Input) -> Document:
        doc = ingest(inp.path, self.assets, doc_id=inp.doc_id, published=inp.published, text=inp.text, data=inp.data)
        segment(doc, self.unit_chars)
        return doc

    def finish(self, doc: Document) -> list[dict]:
        extract(doc, self.assets, self.extractors, REQUIRES)
        resolve(doc, self.assets)
        return build_records(doc, self.model)

    def process(self, inputs: Iterable[Input], chunk: int = 16) -> Iterator[Outcome]:
        """Outcomes in input order; a failing document never stops the batch."""
        inputs = list(inputs)
        for k in range(0, len(inputs), chunk):
            prepared: list[Outcome] = []
            for inp in inputs[k : k + chunk]:
                try:
                    prepared.append(Outcome(inp, doc=self.prepare(inp)))
                except ClaimexError as exc:
                    prepared.append(Outcome(inp, error=str(exc)))
                except Exception as exc:  # a bug must not lose the other documents
                    prepared.append(Outcome(inp, error=f"{inp.path}: internal error: {type(exc).__name__}: {_first_line(exc)}"))
            self._parse([o for o in prepared if o.ok])
            for o in prepared:
                if o.ok:
                    try:
                        o.records = self.finish(o.doc)
                    except ClaimexError as exc:
                        o.error = str(exc)
                    except Exception as exc:
                        o.error = f"{o.input.path}: internal error: {type(exc).__name__}: {_first_line(exc)}"
                yield o

    def _parse(self, outcomes: list[Outcome]) -> None:
        """Parse the documents of a chunk together; if that fails, each on its
        own, so that only the document that cannot be parsed fails."""
        try:
            parse([o.doc for o in outcomes], self.nlp, self.batch_size)
            return
        except Exception:  # noqa: BLE001 - retried one by one below
            pass
        for o in outcomes:
            try:
                parse([o.doc], self.nlp, self.batch_size)
            except ClaimexError as exc:
                o.error = str(exc)
            except Exception as exc:
                o.error = f"{o.input.path}: internal error in parse: {type(exc).__name__}: {_first_line(exc)}"

    def process_text(self, text: str, *, doc_id: str = "doc", published: str | None = None, name: str | None = None) -> list[dict]:
        """Records for one text (library use and tests). Raises on failure."""
        (out,) = self.process([Input(name or f"{doc_id}.txt", text=text, doc_id=doc_id, published=published)])
        if not out.ok:
            raise ClaimexError(out.error)
        return out.records


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Input], list[str]]:
    """Expand files and folders (recursively *.txt, *.md, *.html, *.htm, *.pdf, *.docx) into inputs.

    Returns (inputs, errors); a missing path or an empty folder is an error
    for that path only.
    """
    from .errors import Errors
    from .ingest import SUPPORTED_SUFFIXES

    inputs, errors = [], []
    for p in paths:
        p = Path(p)
        if str(p) == "-":
            inputs.append(Input("<stdin>"))
        elif p.is_dir():
            found = sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                errors.append(Errors.E005.format(path=p))
            inputs.extend(Input(str(f)) for f in found)
        elif p.exists():
            inputs.append(Input(str(p)))
        else:
            errors.append(Errors.E001.format(path=p))
    return inputs, errors
