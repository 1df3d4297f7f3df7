"""Gold annotations in other formats, converted to contract records.

* :func:`read_gold_file` converts one ``.tml`` (TimeML: dates) or ``.ann``
  (brat standoff: entities and quotes) file, chosen by extension.
* :func:`write_converted` writes ``<stem>.txt`` (the text the offsets refer
  to) and ``<stem>.gold.jsonl`` (contract records, grounded in that text) so
  that ``claimex run`` and ``claimex eval`` can use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import EvalErrors, Errors, InputError
from ..records import write_jsonl_atomic
from .brat import read_brat
from .gold import GoldFile, document_record
from .timeml import read_timeml

READERS = {".tml": read_timeml, ".ann": read_brat}
SUFFIXES = tuple(READERS)

__all__ = ["GoldFile", "Converted", "SUFFIXES", "document_record", "read_gold_file", "read_brat", "read_timeml", "write_converted", "convertible_files"]


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
