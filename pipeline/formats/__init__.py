"""Gold annotations in other formats, converted to contract records.

* :func:`read_gold_file` converts one ``.tml`` (TimeML: dates) or ``.ann``
  (brat standoff: entities and quotes) file, chosen by extension.
* :func:`write_converted` writes ``<stem>.txt`` (the text the offsets refer
  to) and ``<stem>.gold.jsonl`` (contract records, grounded in that text) so
  that ``claimex run`` and ``claimex eval`` can use them.
* :func:`read_gold_documents` also reads the files of ``claimex export`` that
  hold several documents: a claimex ``.csv`` and a Label Studio ``.json``
  export of completed tasks (read when named, not picked from folders);
  :func:`write_converted_all` writes ``<doc_id>.txt`` and
  ``<doc_id>.gold.jsonl`` for each of their documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import EvalErrors, Errors, InputError
from ..records import atomic_file, write_jsonl_atomic
from .brat import read_brat
from .gold import GoldFile, document_record
from .timeml import read_timeml

READERS = {".tml": read_timeml, ".ann": read_brat}
SUFFIXES = tuple(READERS)
MULTI_SUFFIXES = (".csv", ".json")  # several documents per file (claimex export)


def _multi_reader(suffix: str):
    if suffix == ".csv":
        from ..export.csv_format import read_csv

        return read_csv
    from ..export.labelstudio import read_tasks

    return read_tasks


def read_gold_documents(path: str | Path) -> list[GoldFile]:
    """Every document of a gold file: one for .tml and .ann, any number for .csv and Label Studio .json."""
    suffix = Path(path).suffix.lower()
    if suffix in MULTI_SUFFIXES:
        if not Path(path).is_file():
            raise InputError(Errors.E001.format(path=path))
        return _multi_reader(suffix)(path)
    return [read_gold_file(path)]

__all__ = [
    "GoldFile", "Converted", "SUFFIXES", "MULTI_SUFFIXES", "document_record", "read_gold_file", "read_gold_documents",
    "read_brat", "read_timeml", "write_converted", "write_converted_all", "convertible_files",
]  # fmt: skip


def read_gold_file(path: str | Path) -> GoldFile:
    """Convert one TimeML or brat file (by extension) to contract records."""
    reader = READERS.get(Path(path).suffix.lower())
    if reader is None:
        raise InputError(EvalErrors.E051.format(path=path, side="gold", suffix=Path(path).suffix, expected=", ".join(SUFFIXES)))
    return reader(path)


def convertible_files(path: str | Path) -> list[Path]:
    """``path`` itself, or the .tml and .ann files of a folder (sorted)."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES)
        if not files:
            raise InputError(EvalErrors.E050.format(path=path, patterns="*.tml or *.ann"))
        return files
    if not p.exists():
        raise InputError(Errors.E001.format(path=path))
    return [p]


class Converted(NamedTuple):
    gold: GoldFile
    text_path: Path
    gold_path: Path


def write_converted_all(path: str | Path, out_dir: str | Path) -> list[Converted]:
    """:func:`write_converted` for one-document formats; for .csv and Label Studio
    .json, ``<doc_id>.txt`` and ``<doc_id>.gold.jsonl`` for each document."""
    if Path(path).suffix.lower() not in MULTI_SUFFIXES:
        return [write_converted(path, out_dir)]
    out = Path(out_dir)
    done = []
    for gold in read_gold_documents(path):
        text_path, gold_path = out / f"{gold.doc_id}.txt", out / f"{gold.doc_id}.gold.jsonl"
        with atomic_file(text_path, newline="") as f:
            f.write(gold.text)
        gold = gold.with_source(str(text_path))
        write_jsonl_atomic(gold_path, gold.records)
        done.append(Converted(gold, text_path, gold_path))
    return done


def write_converted(path: str | Path, out_dir: str | Path) -> Converted:
    """Write ``<stem>.txt`` and ``<stem>.gold.jsonl`` for one gold file into ``out_dir``."""
    gold = read_gold_file(path)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = Path(path).stem
    text_path = out / f"{stem}.txt"
    gold_path = out / f"{stem}.gold.jsonl"
    own_text = Path(path).suffix.lower() == ".ann" and text_path.resolve() == Path(path).with_suffix(".txt").resolve()
    if not own_text:  # a brat .txt converted in place is left as it is
        text_path.write_text(gold.text, encoding="utf-8", newline="")
    gold = gold.with_source(str(text_path))
    write_jsonl_atomic(gold_path, gold.records)
    return Converted(gold, text_path, gold_path)
