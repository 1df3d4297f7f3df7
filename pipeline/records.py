"""The record contract (schema version 2): validation, grounding, JSONL I/O.

Every claimex JSONL file is a sequence of records described by
``pipeline/schema.json``. This module is the one place that knows how to

* validate a record against the schema (:func:`schema_errors`),
* check that a record is grounded, ``text == source[start:end]``, for the
  record itself and for every nested span (:func:`grounding_errors`),
* read JSONL with line numbers and clean errors (:func:`read_jsonl`),
* write JSONL atomically: a temporary file in the same folder, flushed and
  fsynced, then renamed over the target (:func:`write_jsonl_atomic`).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from contextlib import contextmanager
from typing import Iterable, Iterator, TextIO

from .errors import Errors, RecordError

SCHEMA_VERSION = 2
RECORD_TYPES = ("document", "entity", "date", "quote", "recommendation", "statistic")
SPAN_TYPES = RECORD_TYPES[1:]
# nested span fields, per record type, that must be grounded too
NESTED_SPANS = {
    "document": ("key_points", "disclaimer"),
    "quote": ("speaker_spans", "cue"),
    "recommendation": ("trigger", "actor", "action"),
    "statistic": ("measure", "comparison.cue"),
}


def schema_path() -> Path:
    return Path(__file__).with_name("schema.json")


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(schema_path().read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def schema_errors(record: dict) -> list[str]:
    """Contract violations of one record, as short messages naming the field."""
    if not isinstance(record, dict):
        return [f"expected a JSON object, got {type(record).__name__}"]
    out = []
    for err in sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "record"
        out.append(f"{where}: {err.message}")
    if record.get("type") in SPAN_TYPES:
        s, e = record.get("start"), record.get("end")
        if isinstance(s, int) and isinstance(e, int) and e <= s:
            out.append(f"end ({e}) must be greater than start ({s})")
    return out


def iter_spans(record: dict) -> Iterator[tuple[str, dict]]:
    """Yield (field name, span dict) for the record and each nested span."""
    if record.get("type") in SPAN_TYPES:
        yield "record", record
    for field in NESTED_SPANS.get(record.get("type"), ()):
        value = _field(record, field)
        if isinstance(value, dict):
            yield field, value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    yield f"{field}[{i}]", item


def _field(record: dict, path: str):
    """A (dotted) field of a record, or None when a step is missing."""
    value = record
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def grounding_errors(record: dict, source: str) -> list[str]:
    """Messages for every span of ``record`` whose text is not source[start:end]."""
    out = []
    for field, span in iter_spans(record):
        start, end, text = span.get("start"), span.get("end"), span.get("text")
        if not (isinstance(start, int) and isinstance(end, int)):
            continue  # reported by the schema check
        prefix = "" if field == "record" else f"{field}: "
        if start < 0 or end > len(source) or end < start:
            out.append(f"{prefix}offsets [{start}:{end}] outside the source (length {len(source)})")
        elif source[start:end] != text:
            out.append(f"{prefix}text {text!r} != source[{start}:{end}] {source[start:end]!r}")
    return out


@dataclass(frozen=True)
class Line:
    path: str
    line: int
    record: dict


def read_jsonl(path: str | os.PathLike, *, problems: list[str] | None = None) -> Iterator[Line]:
    """Yield the records of a JSONL file with their 1-based line numbers.

    Lines are read with ``jsonlines`` (UTF-8 per line). Blank lines are
    skipped. A line that is not a JSON object raises :class:`RecordError`
    naming the file and line or, when a ``problems`` list is given, is
    reported there and skipped, so a whole file can be checked in one pass.
    """
    import jsonlines

    path = str(path)
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise RecordError(Errors.E001.format(path=path)) from None
    except IsADirectoryError:
        raise RecordError(Errors.E008.format(path=path, reason="is a directory")) from None
    current = 0

    def numbered():
        nonlocal current
        for current, raw in enumerate(fh, 1):  # noqa: B007 - read by the loop below
            yield raw

    with fh, jsonlines.Reader(numbered()) as reader:
        while True:
            try:
                obj = reader.read(type=dict, skip_empty=True)
            except EOFError:
                return
            except jsonlines.InvalidLineError as exc:
                msg = _line_problem(path, exc)
                if problems is None:
                    raise RecordError(msg) from None
                problems.append(msg)
                continue
            yield Line(path, current, obj)


def _line_problem(path: str, exc) -> str:
    cause = exc.__cause__
    if cause is None and "requested type" in str(exc):
        try:
            kind = type(json.loads(exc.line)).__name__
        except ValueError:
            kind = "something else"
        return Errors.E025.format(path=path, line=exc.lineno, kind=kind)
    if isinstance(cause, UnicodeDecodeError):
        return Errors.E021.format(path=path, line=exc.lineno, reason=f"not valid UTF-8 (byte 0x{cause.object[cause.start]:02x} at column {cause.start + 1})")
    if isinstance(cause, json.JSONDecodeError):
        return Errors.E020.format(path=path, line=exc.lineno, reason=cause.msg)
    return Errors.E021.format(path=path, line=exc.lineno, reason=str(exc).split(" (line")[0])


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


@contextmanager
def atomic_file(path: str | os.PathLike, *, newline: str | None = "\n") -> Iterator[TextIO]:
    """A text file that appears at ``path`` complete or not at all.

    Written to a temporary file in the same folder, flushed and fsynced, then
    renamed over the target; on any error the temporary file is removed and
    an existing target is left as it was.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_jsonl_atomic(path: str | os.PathLike, records: Iterable[dict]) -> Path:
    """Write records as JSONL to ``path`` atomically (see :func:`atomic_file`)."""
    import jsonlines

    with atomic_file(path) as fh, jsonlines.Writer(fh, dumps=dumps, flush=False) as writer:
        writer.write_all(records)
    return Path(path)


def find_source(jsonl_path: str | os.PathLike, source: str) -> Path | None:
    """Locate a document record's ``source`` path.

    Tried in order: as given (absolute, or relative to the working folder),
    then relative to the JSONL file's folder and each of its parents.
    """
    cand = Path(source)
    if cand.is_file():
        return cand
    if not cand.is_absolute():
        for parent in Path(jsonl_path).resolve().parents:
            p = parent / cand
            if p.is_file():
                return p
    return None


def group_by_doc(lines: Iterable[Line]) -> dict[str, list[Line]]:
    """Records grouped by doc_id, in file order."""
    out: dict[str, list[Line]] = {}
    for ln in lines:
        out.setdefault(str(ln.record.get("doc_id")), []).append(ln)
    return out


LEGACY_REVIEW_SUFFIX = ".review.jsonl"


def is_review_log(path: str | os.PathLike) -> bool:
    """Whether a ``.jsonl`` file is a `claimex review` log rather than records.

    Decided by content, so that an output whose name happens to end in
    ``.review.jsonl`` (the output of an input named ``x.review.md``) is still
    read as records: a log starts with a review ``start`` event, an output
    with a record (an object with a ``type``). A file that is neither keeps
    the old rule (skipped when its name ends in ``.review.jsonl``).
    """
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            first = fh.readline(1 << 20)
    except OSError:
        return False
    try:
        obj = json.loads(first.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        obj = None
    if isinstance(obj, dict) and obj.get("event") == "start":
        return True
    if isinstance(obj, dict) and "type" in obj:
        return False
    return p.name.endswith(LEGACY_REVIEW_SUFFIX)
