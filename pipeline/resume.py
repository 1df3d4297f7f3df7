"""Resumable batches: which inputs already have an up-to-date output.

An output ``<out_dir>/<doc_id>.jsonl`` is up to date when its document record
(the first line) names the same source path, the same source sha256, this
pipeline version and build (:func:`build_fingerprint`: a digest of the code
and the models/ assets, so that a changed rule in development redoes
documents too) and the same model (and, with ``--published``, the same
publication date). Outputs are written atomically, one document at a time, so
a batch killed at any point leaves only complete outputs: running it again
redoes just the documents that have none. ``--force`` redoes everything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .stages import Input


@cache
def build_fingerprint(models_dir: str | None = None) -> str:
    """A short digest of this claimex's code (*.py, schema) and its assets
    (default: the models folder in use): what, with the model, makes the records."""
    from .assets import default_models_dir

    package = Path(__file__).resolve().parent
    models = Path(models_dir) if models_dir else default_models_dir()
    h = hashlib.sha256()
    for root, pattern in ((package, "*.py"), (package, "*.json"), (models, "*")):
        for f in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            h.update(f"{root.name}/{f.relative_to(root).as_posix()}\0".encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def output_path(out_dir: str | Path, doc_id: str) -> Path:
    return Path(out_dir) / f"{doc_id}.jsonl"


def first_record(path: Path) -> dict | None:
    """The first JSON object of a JSONL file, or None (missing, unreadable, not JSON)."""
    try:
        with open(path, "rb") as fh:
            line = fh.readline()
        rec = json.loads(line)
    except (OSError, ValueError):
        return None
    return rec if isinstance(rec, dict) else None


def source_sha256(inp: Input) -> str | None:
    if inp.data is not None:
        return hashlib.sha256(inp.data).hexdigest()
    if inp.text is not None or inp.path == "<stdin>":
        return None  # no file to compare: always processed
    h = hashlib.sha256()
    try:
        with open(inp.path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None  # processing reports why it cannot be read
    return h.hexdigest()


def _shas(rec: dict) -> set:
    """Every sha256 the document record gives for its source (top level or one level down)."""
    out = {v for k, v in rec.items() if k.endswith("sha256") and isinstance(v, str)}
    for v in rec.values():
        if isinstance(v, dict):
            out |= {x for k, x in v.items() if k.endswith("sha256") and isinstance(x, str)}
    return out


def up_to_date(inp: Input, out_dir: str | Path, model: Callable[[], str]) -> bool:
    """True if ``inp``'s output exists and was made from the same source by this
    pipeline version and model. ``model`` is called only when an output exists."""
    from .write import display_path

    rec = first_record(output_path(out_dir, inp.doc_id))
    if rec is None or rec.get("type") != "document" or rec.get("doc_id") != inp.doc_id:
        return False
    original = rec.get("original") if isinstance(rec.get("original"), dict) else {}  # an HTML/PDF/DOCX input
    if display_path(inp.path) not in (rec.get("source"), original.get("path")):
        return False
    if inp.published is not None and rec.get("published") != inp.published:
        return False
    pipe = rec.get("pipeline") or {}
    if pipe.get("version") != __version__ or pipe.get("build") != build_fingerprint():
        return False
    sha = source_sha256(inp)
    return sha is not None and sha in _shas(rec) and pipe.get("model") == model()


def split_done(inputs: list[Input], out_dir: str | Path, model: Callable[[], str]) -> tuple[list[Input], list[Input]]:
    """(inputs to process, inputs whose output is up to date), each in input order."""
    todo, done = [], []
    for inp in inputs:
        (done if up_to_date(inp, out_dir, model) else todo).append(inp)
    return todo, done
