"""How each record type is shown and edited: one table, read by the report and the review app.

The fields of a type, their kinds and their closed vocabularies come from
``schema.json``; ``static/types.json`` adds the colour, the stacking layer, the
"label" field that number keys set, the fields of a one-line summary, default
values for a new record, hints, and links (who said a quote, who recommends).
A record type the schema knows but ``types.json`` does not is still shown (in
grey, with its schema fields), so a new type needs one entry to look right and
none to work.

Field kinds: ``span`` (a grounded {start, end, text}, ``nullable`` when it may
be null), ``spans`` (a list of them), ``enum``, ``text``, ``names`` (a list of
strings), ``number``, ``range`` (a number or a {low, high} range of numbers),
``json`` (anything else: kept, never edited). A field the table lists under
``kept`` is shown but not edited: an edit keeps the record's value (links to
other records, such as a statistic's date and quote).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..records import SPAN_TYPES, load_schema

FALLBACK_COLORS = ("#7a7f87", "#b5651d", "#2a8c8c", "#8c2a5a", "#5a6b2a")


def _is_number(prop: dict) -> bool:
    return prop.get("type") in ("number", "integer") or prop.get("$ref", "").endswith("/number")


def _is_range(prop: dict) -> bool:
    """A number, or an object of two numbers ``low`` and ``high``."""
    alts = prop.get("oneOf") or prop.get("anyOf") or []
    objs = [a for a in alts if a.get("type") == "object"]
    return (
        len(alts) == 2
        and any(_is_number(a) for a in alts)
        and len(objs) == 1
        and set(objs[0].get("properties", {})) == {"low", "high"}
        and all(_is_number(p) for p in objs[0]["properties"].values())
    )


def _kind(prop: dict) -> dict:
    """The editing kind of one schema property."""
    if _is_range(prop):
        return {"kind": "range", "nullable": False}
    ref = prop.get("$ref", "")
    if ref.endswith("/nullable_span"):
        return {"kind": "span", "nullable": True}
    if ref.endswith("/span") or ref.endswith("/grounded"):
        return {"kind": "span", "nullable": False}
    if "enum" in prop:
        return {"kind": "enum", "enum": [v for v in prop["enum"] if v is not None], "nullable": None in prop["enum"]}
    types = prop.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    nullable = "null" in types
    if "array" in types:
        items = prop.get("items", {})
        if items.get("$ref", "").endswith(("/span", "/grounded")):
            return {"kind": "spans", "nullable": False}
        if items.get("type") == "string":
            return {"kind": "names", "nullable": False}
        return {"kind": "json", "nullable": nullable}
    if "string" in types:
        return {"kind": "text", "nullable": nullable}
    if "number" in types or "integer" in types:
        return {"kind": "number", "nullable": nullable, "integer": "integer" in types and "number" not in types}
    return {"kind": "json", "nullable": True}


def _schema_fields(type_: str) -> tuple[list[dict], list[str]]:
    d = load_schema()["$defs"].get(type_, {})
    required = list(d.get("required", []))
    fields = []
    for name, prop in d.get("properties", {}).items():
        fields.append({"name": name, **_kind(prop), "required": name in required})
    return fields, required


@lru_cache(maxsize=1)
def _overrides() -> dict:
    raw = resources.files(__package__).joinpath("static", "types.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _table() -> str:
    over = _overrides()
    out = {}
    for i, t in enumerate(SPAN_TYPES):
        o = over.get(t, {})
        fields, _ = _schema_fields(t)
        hints = o.get("hints", {})
        for f in fields:
            if f["name"] in hints:
                f["hint"] = hints[f["name"]]
            if f["name"] in o.get("kept", ()):
                f["kept"] = True
        label = o.get("label")
        if label is None and "label" not in o:  # the first closed vocabulary of the type, if any
            label = next((f["name"] for f in fields if f["kind"] == "enum"), None)
        if label is not None and o.get("label_order"):
            for f in fields:  # the label's values in hotkey order (1-9): the frequent ones first
                if f["name"] == label and f["kind"] == "enum":
                    f["enum"] = [v for v in o["label_order"] if v in f["enum"]] + [v for v in f["enum"] if v not in o["label_order"]]
        out[t] = {
            "color": o.get("color", FALLBACK_COLORS[i % len(FALLBACK_COLORS)]),
            "layer": o.get("layer", len(SPAN_TYPES) + i),
            "label": label,
            "brief": o.get("brief", [f["name"] for f in fields if f["kind"] in ("enum", "text")][:2]),
            "defaults": o.get("defaults", {}),
            "required": o.get("required", {}),
            "omit_null": o.get("omit_null", []),
            "links": o.get("links", []),
            "claim": bool(o.get("claim", False)),
            "fields": fields,
            "dated_by": o.get("dated_by"),
            "refs": o.get("refs", {}),
        }
    return json.dumps(out)


def type_table() -> dict[str, dict]:
    """type -> {color, layer, label, brief, defaults, required, omit_null, links, claim, fields, dated_by, refs}, in SPAN_TYPES order."""
    return json.loads(_table())  # a fresh copy: callers may change it


def span_fields(type_: str, table: dict | None = None) -> list[str]:
    """The nested span fields of a type (span or list of spans)."""
    table = table or type_table()
    return [f["name"] for f in table.get(type_, {}).get("fields", []) if f["kind"] in ("span", "spans")]
