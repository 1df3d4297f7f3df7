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

import json
from pathlib import Path
from typing import NamedTuple

from ..errors import Errors, EvalErrors, InputError, WriteError
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
    "read_brat", "read_timeml", "write_converted", "write_converted_all", "convertible_files", "plan_conversions",
    "conversions",
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


_REMEDY = "remove it, or choose another -o folder"


class Conversion(NamedTuple):
    """One document of a gold file and the name of the files it is written to."""

    path: Path  # the gold file
    gold: GoldFile
    stem: str  # <stem>.txt and <stem>.gold.jsonl: the file stem, or the doc_id in a .csv / .json

    @property
    def name(self) -> str:
        return str(self.path) if self.stem == self.path.stem else f"{self.path} (document '{self.gold.doc_id}')"


def conversions(path: str | Path) -> list[Conversion]:
    """The documents of one gold file, each with the name its files get."""
    p = Path(path)
    if p.suffix.lower() in MULTI_SUFFIXES:
        return [Conversion(p, g, g.doc_id) for g in read_gold_documents(p)]
    return [Conversion(p, read_gold_file(p), p.stem)]


def plan_conversions(items: list[Conversion], out_dir: str | Path) -> list[str]:
    """Problems that stop a conversion before anything is written: two
    documents that would write the same ``<stem>.txt`` / ``<stem>.gold.jsonl``
    (compared case-insensitively), or a written file that is one of the gold
    files or brat texts being converted."""
    out = Path(out_dir)
    problems, first = [], {}
    inputs = {_key(c.path) for c in items} | {_key(c.path.with_suffix(".txt")) for c in items if c.path.suffix.lower() == ".ann"}
    for c in items:
        key = c.stem.casefold()
        if key in first:
            problems.append(Errors.E032.format(path=c.name, other=first[key], target=out / f"{c.stem}.gold.jsonl"))
            continue
        first[key] = c.name
        text_path, gold_path = out / f"{c.stem}.txt", out / f"{c.stem}.gold.jsonl"
        if _key(gold_path) in inputs:
            problems.append(Errors.E033.format(path=c.name, target=gold_path))
        elif _key(text_path) in inputs and not _own_text(c.path, text_path):
            problems.append(Errors.E033.format(path=c.name, target=text_path))
    return problems


def _key(p: Path) -> str:
    return str(p.resolve()).casefold()


def _own_text(path: Path, text_path: Path) -> bool:
    """A brat .txt converted in place: the text file is the gold's own text."""
    return Path(path).suffix.lower() == ".ann" and text_path.resolve() == Path(path).with_suffix(".txt").resolve()


def write_converted_all(path: str | Path, out_dir: str | Path) -> list[Converted]:
    """:func:`write_converted` for one-document formats; for .csv and Label Studio
    .json, ``<doc_id>.txt`` and ``<doc_id>.gold.jsonl`` for each document."""
    return [write_conversion(c, out_dir) for c in conversions(path)]


def write_converted(path: str | Path, out_dir: str | Path) -> Converted:
    """Write ``<stem>.txt`` and ``<stem>.gold.jsonl`` for one gold file (.tml, .ann) into ``out_dir``."""
    return write_conversion(Conversion(Path(path), read_gold_file(path), Path(path).stem), out_dir)


def write_conversion(c: Conversion, out_dir: str | Path) -> Converted:
    """Write ``<stem>.txt`` and ``<stem>.gold.jsonl`` of one converted document.

    Never over a file that is not an earlier conversion of the same document:
    an existing ``<stem>.gold.jsonl`` or ``<stem>.txt`` is replaced only when
    that gold file is of the same doc_id and points at that text (the text is
    left alone when it already holds the text); a brat text converted in place
    is never rewritten."""
    out = Path(out_dir)
    text_path, gold_path = out / f"{c.stem}.txt", out / f"{c.stem}.gold.jsonl"
    ours = _converted_gold(gold_path, c.gold.doc_id, text_path)
    if gold_path.exists() and not ours:
        raise WriteError(Errors.E030.format(path=gold_path, other=f"something else than gold converted from {c.path.name}", remedy=_REMEDY))
    if not _own_text(c.path, text_path) and not _holds(text_path, c.gold.text):
        if text_path.exists() and not ours:
            raise WriteError(Errors.E030.format(path=text_path, other="a text that no conversion wrote", remedy=_REMEDY))
        with atomic_file(text_path, newline="") as fh:
            fh.write(c.gold.text)
    gold = c.gold.with_source(str(text_path))
    write_jsonl_atomic(gold_path, gold.records)
    return Converted(gold, text_path, gold_path)


def _holds(path: Path, text: str) -> bool:
    try:
        if not (path.is_file() and path.stat().st_size == len(text.encode("utf-8"))):
            return False
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read() == text
    except (OSError, UnicodeDecodeError):
        return False


def _converted_gold(gold_path: Path, doc_id: str, text_path: Path) -> bool:
    """``gold_path`` is gold that ``claimex convert`` wrote for ``doc_id``, pointing at ``text_path``."""
    try:
        with open(gold_path, "rb") as fh:
            first = json.loads(fh.readline(1 << 20) or b"null")
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(first, dict) and first.get("doc_id") == doc_id and first.get("source") == str(text_path)
