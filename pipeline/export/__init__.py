"""``claimex export``: records in the formats reviewers and analysts use.

* ``csv``: one row per record with its attributes (``claims.csv``);
* ``brat``: ``<doc_id>.ann`` + ``<doc_id>.txt`` per document (and an
  ``annotation.conf`` / ``visual.conf`` for the brat server);
* ``labelstudio``: ``tasks.json``, one Label Studio task per document with
  the records as pre-annotations, and ``labelstudio.xml``, the labelling
  config to create the project with;
* ``timeml``: ``<doc_id>.tml`` per document, the dates as TIMEX3.

Each format reads back (``claimex convert`` and ``claimex eval`` take
``.csv``, Label Studio ``.json``, brat ``.ann`` and ``.tml``) into the same
records, so ``export -> import -> claimex eval`` scores 1.0. The command line
(:func:`claimex.cli.export`) is a thin layer over :func:`export`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimexError, Errors, InputError, RecordError
from ..ingest import read_source
from ..records import find_source, group_by_doc, read_jsonl, schema_errors

FORMATS = ("csv", "brat", "labelstudio", "timeml")


@dataclass
class ExportDoc:
    """One document of the outputs: its records (document record first) and its text."""

    doc_id: str
    path: str  # the JSONL file
    records: list[dict]
    text: str
    source_path: Path | None = None  # the file the text was read from

    @property
    def document(self) -> dict:
        return self.records[0]


@dataclass
class Exported:
    written: list[Path] = field(default_factory=list)
    documents: int = 0
    records: int = 0
    warnings: list[str] = field(default_factory=list)


def output_files(paths) -> list[Path]:
    """The JSONL files of ``paths`` (files, or folders: their own ``*.jsonl`` but review logs and hidden files)."""
    from ..report.load import collect_jsonl

    return collect_jsonl(paths, recursive=False, error=InputError)


def load_outputs(paths, source: str | Path | None = None) -> list[ExportDoc]:
    """Every document of the JSONL ``paths``, checked against the contract, with its text."""
    docs: list[ExportDoc] = []
    for f in output_files(paths):
        lines = list(read_jsonl(f))
        for ln in lines:
            problems = schema_errors(ln.record)
            if problems:
                raise RecordError(Errors.E021.format(path=f, line=ln.line, reason=problems[0]))
        for doc_id, group in group_by_doc(lines).items():
            records = [ln.record for ln in group]
            document = next((r for r in records if r["type"] == "document"), None)
            if document is None:
                raise RecordError(Errors.E027.format(path=f))
            records = [document] + [r for r in records if r is not document]
            found = Path(source) if source is not None else find_source(f, str(document.get("source")))
            if found is None:
                raise InputError(Errors.E024.format(path=f, source=document.get("source")))
            docs.append(ExportDoc(doc_id, str(f), records, read_source(found), found))
    return docs


def export(paths, fmt: str, out_dir: str | Path, *, source: str | Path | None = None, force: bool = False) -> Exported:
    """Write the records of the JSONL ``paths`` in ``fmt`` into ``out_dir``."""
    if fmt not in FORMATS:
        raise ClaimexError(f"unknown export format '{fmt}' (expected one of {', '.join(FORMATS)})")
    docs = load_outputs(paths, source)
    ids = [d.doc_id for d in docs]
    dup = next((i for i in ids if ids.count(i) > 1), None)
    if dup is not None:
        raise RecordError(f"document '{dup}' is in more than one of the given files; export each once")
    if fmt == "csv":
        from .csv_format import write_csv as writer
    elif fmt == "brat":
        from .brat_format import write_brat as writer
    elif fmt == "labelstudio":
        from .labelstudio import write_tasks as writer
    else:
        from .timeml_format import write_timeml as writer
    out = Path(out_dir)
    planned = writer(docs, out, dry_run=True)
    existing = [p for p in planned if p.exists()]
    if existing and not force:
        raise ClaimexError(f"{existing[0]}: exists; not overwritten (pass --force to replace the files of an earlier export)")
    result = Exported(documents=len(docs), records=sum(len(d.records) - 1 for d in docs))
    result.written = writer(docs, out, warnings=result.warnings)
    return result
