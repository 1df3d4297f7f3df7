"""Gold annotations in other formats, converted to contract records.

* :func:`read_gold_file` converts one ``.tml`` (TimeML: dates) or ``.ann``
  (brat standoff: entities and quotes) file, chosen by extension.
* :func:`write_converted` writes ``<stem>.txt`` (the text the offsets refer
  to) and ``<stem>.gold.jsonl`` (contract records, grounded in that text) so
  that ``claimex run`` and ``claimex eval`` can use them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from ..errors import EvalErrors, Errors, InputError, WriteError
from ..records import atomic_file, write_jsonl_atomic
from .brat import read_brat
from .gold import GoldFile, document_record
from .timeml import read_timeml

READERS = {".tml": read_timeml, ".ann": read_brat}
SUFFIXES = tuple(READERS)

__all__ = ["GoldFile", "Converted", "SUFFIXES", "document_record", "read_gold_file", "read_brat", "read_timeml", "write_converted", "convertible_files", "plan_conversions"]


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


def plan_conversions(files: list[Path], out_dir: str | Path) -> list[str]:
    """Problems that stop a conversion before anything is written: two gold
    files that would write the same ``<stem>.txt`` / ``<stem>.gold.jsonl``
    (stems compared case-insensitively), or a written file that is one of
    the gold files or brat texts being converted."""
    out = Path(out_dir)
    problems, first = [], {}
    inputs = {_key(f) for f in files} | {_key(f.with_suffix(".txt")) for f in files if f.suffix.lower() == ".ann"}
    for f in files:
        stem = Path(f).stem
        if stem.casefold() in first:
            problems.append(Errors.E032.format(path=f, other=first[stem.casefold()], target=out / f"{stem}.gold.jsonl"))
            continue
        first[stem.casefold()] = f
        text_path, gold_path = out / f"{stem}.txt", out / f"{stem}.gold.jsonl"
        if _key(gold_path) in inputs:
            problems.append(Errors.E033.format(path=f, target=gold_path))
        elif _key(text_path) in inputs and not _own_text(f, text_path):
            problems.append(Errors.E033.format(path=f, target=text_path))
    return problems


def _key(p: Path) -> str:
    return str(p.resolve()).casefold()


def _own_text(path: Path, text_path: Path) -> bool:
    """A brat .txt converted in place: the text file is the gold's own text."""
    return Path(path).suffix.lower() == ".ann" and text_path.resolve() == Path(path).with_suffix(".txt").resolve()


def write_converted(path: str | Path, out_dir: str | Path) -> Converted:
    """Write ``<stem>.txt`` and ``<stem>.gold.jsonl`` for one gold file into ``out_dir``.

    Never over a file that is not an earlier conversion of the same gold: an
    existing ``<stem>.txt`` is replaced only when the ``<stem>.gold.jsonl``
    beside it says it was converted to it (and is left alone when it already
    holds the text); a brat text converted in place is never rewritten."""
    gold = read_gold_file(path)
    out = Path(out_dir)
    stem = Path(path).stem
    text_path = out / f"{stem}.txt"
    gold_path = out / f"{stem}.gold.jsonl"
    if gold_path.exists() and not _converted_gold(gold_path, gold.doc_id):
        raise WriteError(Errors.E030.format(path=gold_path, other="something else than gold converted from " + Path(path).name, remedy=_REMEDY))
    if not _own_text(Path(path), text_path) and not _holds(text_path, gold.text):
        if text_path.exists() and not _converted_gold(gold_path, gold.doc_id, text_path):
            raise WriteError(Errors.E030.format(path=text_path, other="a text that no conversion wrote", remedy=_REMEDY))
        with atomic_file(text_path, newline="") as fh:
            fh.write(gold.text)
    gold = gold.with_source(str(text_path))
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


def _converted_gold(gold_path: Path, doc_id: str, text_path: Path | None = None) -> bool:
    """``gold_path`` is gold that ``claimex convert`` wrote for ``doc_id`` (pointing at ``text_path``)."""
    try:
        with open(gold_path, "rb") as fh:
            first = json.loads(fh.readline(1 << 20) or b"null")
    except (OSError, ValueError, RecursionError):
        return False
    if not (isinstance(first, dict) and first.get("doc_id") == doc_id and str(first.get("note", "")).startswith("gold converted from")):
        return False
    return text_path is None or first.get("source") == str(text_path)
