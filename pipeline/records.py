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

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from .errors import Errors, RecordError, WriteError

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
    base = jsonschema.validators.validator_for(schema)
    base.check_schema(schema)
    # JSON Schema counts 0.0 as an integer; an offset must be a JSON integer (and never a boolean)
    checker = base.TYPE_CHECKER.redefine("integer", lambda _checker, v: is_int(v))
    return jsonschema.validators.extend(base, type_checker=checker)(schema)


def is_int(value) -> bool:
    """A JSON integer: ``0`` yes; ``0.0``, ``True`` and ``"0"`` no."""
    return type(value) is int


_MAX_MESSAGE = 300  # a message quoting a huge value is cut


def schema_errors(record: dict) -> list[str]:
    """Contract violations of one record, as short messages naming the field."""
    if not isinstance(record, dict):
        return [f"expected a JSON object, got {type(record).__name__}"]
    out = []
    for err in sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "record"
        msg = err.message if len(err.message) <= _MAX_MESSAGE else err.message[:_MAX_MESSAGE] + "\u2026"
        out.append(f"{where}: {msg}")
    if record.get("type") in SPAN_TYPES:
        s, e = record.get("start"), record.get("end")
        if is_int(s) and is_int(e) and e <= s:
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
        prefix = "" if field == "record" else f"{field}: "
        if not (is_int(start) and is_int(end)):
            # never skipped: a span whose offsets are not integers is not grounded
            bad = "start" if not is_int(start) else "end"
            out.append(f"{prefix}{bad} {json.dumps(span.get(bad))} is not an integer offset")
            continue
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
        fh = open(path, "rb")  # noqa: SIM115 - closed by the `with fh` below (opened first to name a missing file)
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
            except RecursionError:  # JSON nested deeper than Python's recursion limit
                msg = Errors.E020.format(path=path, line=current, reason="nested too deeply")
                if problems is None:
                    raise RecordError(msg) from None
                problems.append(msg)
                continue
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


# temporary files of atomic writes: ".<target name>.claimex-<pid>-<random>.tmp"
_TMP_NAME = re.compile(r"^\.(?P<target>.+)\.claimex-(?P<pid>\d+)-[\w]+\.tmp$")
STALE_TMP_SECONDS = 3600


def file_mode() -> int:
    """The permissions of a new file under the process umask (0644 with umask 022).

    Read from /proc where it can be (setting and restoring the umask to read
    it would race with files created by other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            mask = next(int(line.split()[1], 8) for line in fh if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_file(path: str | os.PathLike, *, newline: str | None = "\n") -> Iterator[TextIO]:
    """A text file that appears at ``path`` complete or not at all.

    Written to a temporary file in the same folder, flushed and fsynced, then
    renamed over the target; on any error the temporary file is removed and
    an existing target is left as it was. The file gets the permissions of
    any new file (the umask decides), not the temporary file's 0600. An
    ``OSError`` (no space left, a read-only folder, a file-size limit) is
    raised as a :class:`WriteError` naming the target.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.claimex-{os.getpid()}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(write_problem(target, exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
            os.fchmod(fh.fileno(), file_mode())
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteError(write_problem(target, exc)) from None
        raise


def write_problem(target: Path, exc: OSError) -> str:
    """One line saying why ``target`` cannot be written (a folder on its path that is a file, no space ...)."""
    parent = target.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                return Errors.E029.format(path=target, reason=f"'{folder}' is a file, not a folder")
            break
    return Errors.E029.format(path=target, reason=exc.strerror or type(exc).__name__)


def remove_stale_temps(folder: str | os.PathLike, *, max_age: float = STALE_TMP_SECONDS) -> list[Path]:
    """Remove the temporary files that an interrupted claimex left in ``folder``.

    Only claimex's own temporary names, and only those of a process that is
    no longer running or older than ``max_age`` seconds: a write in progress
    in another claimex is never touched. Returns the files removed.
    """
    import time

    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for e in entries:
        m = _TMP_NAME.match(e.name)
        if m is None or not e.is_file(follow_symlinks=False):
            continue
        try:
            old = now - e.stat(follow_symlinks=False).st_mtime > max_age
            if old or not _running(int(m["pid"])):
                os.unlink(e.path)
                removed.append(Path(e.path))
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process (or an odd name): leave it to the age rule
    return True


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
