"""CSV: one row per record with its attributes, for spreadsheets.

Columns (the same for every record type, empty where a type has no such
attribute): ``doc_id, id, type, start, end, text, rule`` then the attributes.
A nested span (``cue``, ``trigger``, ``actor``, ``action``) is three columns
``<name>_start, <name>_end, <name>_text``; ``speakers`` and ``authors`` are
joined with ``"; "``; ``speaker_spans`` and ``key_points`` are JSON lists.
The document row carries ``source``, ``sha256``, ``title``, ``authors``,
``published``, ``series`` and ``number``.

:func:`read_csv` reads such a file back into contract records (the text from
each document row's ``source``), so an edited spreadsheet can be scored with
``claimex eval`` or converted to gold with ``claimex convert``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..errors import GoldFormatError, InputError
from ..records import Line, atomic_file, find_source, grounding_errors, schema_errors

SPAN_FIELDS = ("cue", "trigger", "actor", "action")
COLUMNS = (
    "doc_id", "id", "type", "start", "end", "text", "rule",
    "label", "canonical", "title",
    "timex_type", "value", "mod", "anchor",
    "kind", "speakers", "speaker_spans",
    *(f"{f}_{k}" for f in SPAN_FIELDS for k in ("start", "end", "text")),
    "holder", "strength", "polarity",
    "source", "sha256", "authors", "published", "series", "number", "key_points", "disclaimer", "original",
    "unit", "measure_start", "measure_end", "measure_text", "subject", "time", "approx", "comparison", "quote",
)  # fmt: skip
# statistics: ``value`` (JSON: a number or {low, high}), ``unit``, ``measure`` (three columns),
# ``subject``, ``time``, ``source`` (who it is credited to), ``approx``, ``comparison`` (JSON), ``quote``
STATISTIC_JSON = ("value", "comparison")
NAME_SEPARATOR = "; "
FILE_NAME = "claims.csv"


def row_of(rec: dict) -> dict:
    row = {c: "" for c in COLUMNS}
    for key, value in rec.items():
        if key in SPAN_FIELDS and rec["type"] != "document":
            if value is not None:
                row.update({f"{key}_start": value["start"], f"{key}_end": value["end"], f"{key}_text": value["text"]})
        elif key in ("speakers", "authors"):
            row[key] = NAME_SEPARATOR.join(value)
        elif rec["type"] == "statistic" and key in STATISTIC_JSON + ("measure",):
            _statistic_cell(row, key, value)
        elif key in ("speaker_spans", "key_points", "disclaimer", "original"):
            row[key] = json.dumps(value, ensure_ascii=False) if value is not None else ""
        elif key in row:
            row[key] = "" if value is None else value
    return row


def _statistic_cell(row: dict, key: str, value) -> None:
    if key == "measure":
        if value is not None:
            row.update(measure_start=value["start"], measure_end=value["end"], measure_text=value["text"])
    else:
        row[key] = "" if value is None else json.dumps(value, ensure_ascii=False)


def write_csv(docs, out_dir: Path, *, dry_run: bool = False, warnings=None) -> list[Path]:
    target = out_dir / FILE_NAME
    if dry_run:
        return [target]
    with atomic_file(target, newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\r\n")
        w.writeheader()
        for d in docs:
            for rec in d.records:
                row = row_of(rec)
                if rec["type"] == "document" and d.source_path is not None:
                    row["source"] = _relative(d.source_path, out_dir)  # found from the CSV's folder
                w.writerow(row)
    return [target]


def _relative(path: Path, folder: Path) -> str:
    import os

    try:
        return os.path.relpath(Path(path).resolve(), Path(folder).resolve())
    except ValueError:  # another drive
        return str(Path(path).resolve())


# -- reading back ------------------------------------------------------------------


def _int(row: dict, key: str, where: str) -> int:
    try:
        return int(row[key])
    except (TypeError, ValueError):
        raise GoldFormatError(f"{where}: column '{key}' must be an integer, got {row.get(key)!r}") from None


def _opt(v: str) -> str | None:
    return v if v != "" else None


def _json(row: dict, key: str, where: str, default):
    if not row.get(key):
        return default
    try:
        return json.loads(row[key])
    except ValueError:
        raise GoldFormatError(f"{where}: column '{key}' is not valid JSON") from None


def _names(v: str) -> list[str]:
    return [x.strip() for x in v.split(";") if x.strip()] if v else []


def record_of(row: dict, where: str) -> dict:
    """The contract record of one CSV row (the inverse of :func:`row_of`)."""
    t = row.get("type")
    rec = {"doc_id": row.get("doc_id"), "type": t, "id": row.get("id")}
    if row.get("rule"):
        rec["rule"] = row["rule"]
    if t == "document":
        rec.update(
            source=row["source"], sha256=row["sha256"], title=_opt(row["title"]), authors=_names(row["authors"]),
            published=_opt(row["published"]), series=_opt(row["series"]), number=_opt(row["number"]),
            key_points=_json(row, "key_points", where, []), disclaimer=_json(row, "disclaimer", where, None),
            pipeline={"version": "csv", "model": None},
        )  # fmt: skip
        if row.get("original"):
            rec["original"] = _json(row, "original", where, None)
        return rec
    rec.update(start=_int(row, "start", where), end=_int(row, "end", where), text=row["text"])
    if t == "entity":
        rec.update(label=row["label"], canonical=row["canonical"], title=_opt(row["title"]))
    elif t == "date":
        rec.update(timex_type=row["timex_type"], value=row["value"], mod=_opt(row["mod"]), anchor=_opt(row["anchor"]))
    elif t == "quote":
        rec.update(kind=row["kind"], speakers=_names(row["speakers"]), speaker_spans=_json(row, "speaker_spans", where, []), cue=_span(row, "cue", where))
    elif t == "recommendation":
        rec.update({f: _span(row, f, where) for f in ("trigger", "actor", "action")})
        rec.update(holder=row["holder"], strength=row["strength"], polarity=row["polarity"])
    elif t == "statistic":
        rec.update(value=_json(row, "value", where, None), unit=_opt(row["unit"]), measure=_span(row, "measure", where),
                   subject=_opt(row["subject"]), time=_opt(row["time"]), source=_opt(row["source"]), approx=_opt(row["approx"]),
                   comparison=_json(row, "comparison", where, None), quote=_opt(row["quote"]))  # fmt: skip
    return rec


def _span(row: dict, name: str, where: str) -> dict | None:
    if row.get(f"{name}_start", "") == "":
        return None
    return {"start": _int(row, f"{name}_start", where), "end": _int(row, f"{name}_end", where), "text": row.get(f"{name}_text", "")}


def read_csv(path: str | Path):
    """The documents of a claimex CSV (:class:`~claimex.formats.gold.GoldFile` each)."""
    path_s = str(path)
    by_doc = _rows_by_doc(path_s, _read_text(path, path_s))
    return [_gold_file(path_s, doc_id, lines) for doc_id, lines in by_doc.items()]


def _read_text(path: str | Path, path_s: str) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:  # line breaks inside fields kept as they are
            return f.read()
    except FileNotFoundError:
        raise InputError(f"{path_s}: no such file or directory") from None
    except UnicodeDecodeError:
        raise GoldFormatError(f"{path_s}: not valid UTF-8") from None


def _rows_by_doc(path_s: str, raw: str) -> dict[str, list[Line]]:
    """The rows as records, checked against the schema, grouped by document."""
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    missing = [c for c in ("doc_id", "id", "type", "start", "end", "text") if c not in (reader.fieldnames or [])]
    if missing:
        raise GoldFormatError(f"{path_s}: not a claimex CSV (no column {missing[0]!r})")
    by_doc: dict[str, list[Line]] = {}
    for n, row in enumerate(reader, 2):
        row = {c: (row.get(c) or "") for c in COLUMNS}
        where = f"{path_s}:{n}"
        rec = record_of(row, where)
        problems = schema_errors(rec)
        if problems:
            raise GoldFormatError(f"{where}: {problems[0]}")
        by_doc.setdefault(rec["doc_id"], []).append(Line(path_s, n, rec))
    return by_doc


def _gold_file(path_s: str, doc_id: str, lines: list[Line]):
    """One document's rows with its source text, every record grounded in it."""
    from ..formats.gold import GoldFile
    from ..ingest import read_source

    doc = next((ln for ln in lines if ln.record["type"] == "document"), None)
    if doc is None:
        raise GoldFormatError(f"{path_s}: document '{doc_id}' has no document row (it names the source the offsets refer to)")
    found = find_source(path_s, doc.record["source"])
    if found is None:
        raise GoldFormatError(f"{path_s}:{doc.line}: source '{doc.record['source']}' not found")
    text = read_source(found)
    for ln in lines:
        errs = grounding_errors(ln.record, text)
        if errs:
            raise GoldFormatError(f"{path_s}:{ln.line}: {errs[0]}")
    spans = [ln for ln in lines if ln is not doc]
    types = ("entity", "date", "quote", "recommendation") + (("statistic",) if doc.record.get("schema_version", 2) >= 2 else ())
    return GoldFile(doc_id, path_s, text, types, (doc, *spans))
