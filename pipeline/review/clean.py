"""Records that come from the browser, rebuilt field by field.

:func:`clean_record` reads only the fields the record type has (from the type
table of :mod:`claimex.report.display`, itself read from the schema), checks
the JSON type of each, grounds every span in the source (offsets are code
point offsets; whitespace at the edges is trimmed; ``text`` is re-read from the
source) and returns a record that passes the schema and grounding checks, or
raises one :class:`RecordError` line (E078) saying which field is wrong.
"""

from __future__ import annotations

import math

from ..errors import Errors, RecordError
from ..records import SPAN_TYPES, grounding_errors, schema_errors
from ..report.display import type_table

_SCALARS = (str, int, float, bool)
_KEPT = ("start", "end", "text", "doc_id", "type", "id", "optional", "note")


def _kind_name(v) -> str:
    return "null" if v is None else {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(type(v), type(v).__name__)


def _int(v, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, str) and v.strip().lstrip("-").isdigit() and len(v) < 20:
            return int(v)
        raise ValueError(f"{what} must be an integer, got {_kind_name(v) if not isinstance(v, (str, float)) else repr(v)[:40]}")
    return v


def ground_span(span, source: str, what: str = "span") -> dict:
    """{start, end, text} with whitespace trimmed at both edges and text = source[start:end]."""
    if not isinstance(span, dict):
        raise ValueError(f"{what} must be an object with start and end, got {_kind_name(span)}")
    start, end = _int(span.get("start"), f"{what} start"), _int(span.get("end"), f"{what} end")
    if start < 0 or end > len(source) or end < start:
        raise ValueError(Errors.E080.format(start=start, end=end, length=len(source)))
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    if end <= start:
        raise ValueError(Errors.E081.format(start=span.get("start"), end=span.get("end")))
    return {"start": start, "end": end, "text": source[start:end]}


def _str(v, name: str, default=None):
    if v is None:
        return default
    if not isinstance(v, str):
        raise ValueError(Errors.E173.format(field=name, expected="a string", got=_kind_name(v)))
    s = v.strip()
    return s if s else default


def _span(f: dict, v, source: str, spec: dict):
    if v in (None, "", {}):
        if f["nullable"]:
            return None
        msg = spec.get("required", {}).get(f["name"])
        raise ValueError(msg or f"{f['name']} is required: select it in the document")
    return ground_span(v, source, f["name"])


def _spans(f: dict, v, source: str, spec: dict) -> list:
    if v is None:
        return []
    if not isinstance(v, list):
        raise ValueError(Errors.E173.format(field=f["name"], expected="a list of spans", got=_kind_name(v)))
    return [ground_span(x, source, f"{f['name']}[{i}]") for i, x in enumerate(v)]


def _names(f: dict, v, source: str, spec: dict) -> list:
    if v is None:
        return []
    if isinstance(v, str):
        v = v.split("\n")
    if not isinstance(v, list):
        raise ValueError(Errors.E173.format(field=f["name"], expected="a list of names", got=_kind_name(v)))
    return [s for s in (_str(x, f["name"]) for x in v) if s]


def _number(f: dict, v, source: str, spec: dict):
    if v in (None, ""):
        return None
    if isinstance(v, str):
        try:
            v = float(v) if not f.get("integer") else int(v)
        except ValueError:
            raise ValueError(Errors.E173.format(field=f["name"], expected="a number", got=repr(v)[:40])) from None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError(Errors.E173.format(field=f["name"], expected="a number", got=_kind_name(v)))
    return _finite(v, f["name"])


def _finite(x, what: str):
    if isinstance(x, float) and not math.isfinite(x):
        raise ValueError(Errors.E173.format(field=what, expected="a finite number", got=repr(x)))
    return x


def _parse_number(v, what: str):
    """A number from the browser: a JSON number, or a string such as "41", "1,200", "1.2e9" (integral -> int)."""
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise ValueError(Errors.E173.format(field=what, expected="a number", got=_kind_name(v)))
    if isinstance(v, (int, float)):
        return _finite(v, what)
    try:
        x = float(v.replace(",", "").strip())
    except ValueError:
        raise ValueError(Errors.E173.format(field=what, expected="a number", got=repr(v)[:40])) from None
    return int(x) if _finite(x, what).is_integer() and abs(x) < 2**53 else x


_RANGE_DASHES = ("\u2013", "\u2014", "-")  # en dash (as the report shows a range), em dash, hyphen


def _pair(low, high, name: str) -> dict:
    lo, hi = _parse_number(low, f"{name} low"), _parse_number(high, f"{name} high")
    if lo > hi:
        raise ValueError(f"{name}: a range goes from low to high, got {lo} to {hi}")
    return {"low": lo, "high": hi}


def _range(f: dict, v, source: str, spec: dict):
    """A number, or a range: {"low", "high"} or "low-high" (a statistic's value)."""
    name = f["name"]
    if isinstance(v, dict):
        return _pair(v.get("low"), v.get("high"), name)
    if v in (None, "") and not f["nullable"]:
        raise ValueError(f"{name} is required: a number, or a range such as 3-5")
    if v in (None, ""):
        return None
    if isinstance(v, str):
        s = v.strip()
        try:
            return _parse_number(s, name)  # "-3", "1.2e-3" are numbers, not ranges
        except ValueError:
            for dash in _RANGE_DASHES:
                if dash in s[1:]:
                    cut = s.index(dash, 1)
                    return _pair(s[:cut], s[cut + 1 :], name)
            raise
    return _parse_number(v, name)


def _text(f: dict, v, source: str, spec: dict, text: str = ""):
    default = spec.get("defaults", {}).get(f["name"])
    if default == "$text":
        default = text
    return _str(v, f["name"], default if isinstance(default, str) else None)


def _enum(f: dict, v, source: str, spec: dict):
    return _str(v, f["name"])


_CLEAN = {"span": _span, "spans": _spans, "names": _names, "number": _number, "range": _range, "enum": _enum}


def _same_type(base: dict | None, rec: dict) -> bool:
    """``base`` is the record being edited, as the same type (a base that names no type is taken as one)."""
    return base is not None and base.get("type", rec["type"]) == rec["type"]


def _fields(raw: dict, spec: dict, rec: dict, source: str, base: dict | None) -> None:
    for f in spec["fields"]:
        name = f["name"]
        if name in _KEPT:
            continue
        if f["kind"] == "json" or f.get("kept"):  # not editable here: kept as it was
            if _same_type(base, rec) and name in base:
                rec[name] = base[name]
            elif f["required"] and f["nullable"]:  # a new record (or a new type): not linked yet
                rec[name] = None
            continue
        if f["kind"] == "text":
            value = _text(f, raw.get(name), source, spec, rec["text"])
        else:
            value = _CLEAN[f["kind"]](f, raw.get(name), source, spec)
        if value is None and name in spec.get("omit_null", ()) and not (base and name in base):
            continue
        rec[name] = value


def _extras(rec: dict, base: dict | None, spec: dict) -> None:
    """Scalar fields of the pipeline's record the table does not know (rule, score...): kept after an edit."""
    if not _same_type(base, rec):
        return
    known = {f["name"] for f in spec["fields"]}
    for k, v in base.items():
        if k not in rec and k not in known and k not in _KEPT and isinstance(v, _SCALARS):
            rec[k] = v


def clean_record(raw: dict, *, doc_id: str, rid: str, source: str, base: dict | None = None, table: dict | None = None) -> dict:
    """A contract record built from ``raw`` (browser input); raises RecordError E078 when it is not valid."""
    table = table or type_table()
    try:
        if not isinstance(raw, dict):
            raise ValueError(Errors.E173.format(field="record", expected="a JSON object", got=_kind_name(raw)))
        type_ = raw.get("type") or (base or {}).get("type")
        if not isinstance(type_, str) or type_ not in SPAN_TYPES:
            raise ValueError(Errors.E086.format(value=str(type_)[:40], expected=", ".join(SPAN_TYPES)))
        spec = table[type_]
        rec = {"doc_id": doc_id, "type": type_, "id": rid, **ground_span(raw, source)}
        _fields(raw, spec, rec, source, base)
        _extras(rec, base, spec)
        if raw.get("optional") is True:
            rec["optional"] = True
        note = _str(raw.get("note"), "note")
        if note:
            rec["note"] = note
    except ValueError as exc:
        raise RecordError(Errors.E078.format(id=rid, reason=exc)) from None
    errs = schema_errors(rec) + grounding_errors(rec, source)
    if errs:
        raise RecordError(Errors.E078.format(id=rid, reason=errs[0]))
    return rec
