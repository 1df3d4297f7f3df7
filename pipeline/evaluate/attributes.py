"""Attribute agreement of a lenient match (a gold and a predicted record).

Every comparator returns a score in [0, 1] for one pair; the evaluator
averages them over all lenient matches of a record type. Names are compared
normalised (:func:`normalise_name`); see docs/evaluation.md for each rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .matching import overlap

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
HOLDER_SEPARATOR = ";"


def normalise_name(name: str | None) -> str:
    """Case-folded, whitespace collapsed, a leading "the " dropped."""
    s = _SPACE.sub(" ", (name or "").casefold()).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def name_set(names) -> frozenset[str]:
    return frozenset(n for n in (normalise_name(x) for x in names or ()) if n)


def holder_set(holder: str | None) -> frozenset[str]:
    """A holder string may join several names with '; '."""
    return name_set((holder or "").split(HOLDER_SEPARATOR))


def set_f1(a: frozenset, b: frozenset) -> float:
    """2|A&B| / (|A|+|B|); two empty sets agree (1.0)."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def token_f1(a: str | None, b: str | None) -> float:
    """F1 of the case-folded word tokens (\\w+) of two texts, as bags; None/None agree."""
    if a is None and b is None:
        return 1.0
    if a is None or b is None:
        return 0.0
    ta, tb = Counter(_TOKEN.findall(a.casefold())), Counter(_TOKEN.findall(b.casefold()))
    if not ta and not tb:
        return 1.0
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def span_agreement(a: dict | None, b: dict | None) -> float:
    """1.0 when both spans overlap or both are null, else 0.0."""
    if a is None and b is None:
        return 1.0
    if a is None or b is None:
        return 0.0
    return 1.0 if overlap(a["start"], a["end"], b["start"], b["end"]) else 0.0


def _same(field: str) -> Callable[[dict, dict], float]:
    return lambda g, p: float(g.get(field) == p.get(field))


def _span_text(field: str) -> Callable[[dict], str | None]:
    return lambda rec: (rec.get(field) or {}).get("text")


Comparator = Callable[[dict, dict], float]

# attribute name -> comparator, per record type, in display order
COMPARATORS: dict[str, dict[str, Comparator]] = {
    "entity": {
        "label": _same("label"),
        "canonical": lambda g, p: float(normalise_name(g.get("canonical")) == normalise_name(p.get("canonical"))),
    },
    "date": {
        "value": _same("value"),
        "timex_type": _same("timex_type"),
        "mod": _same("mod"),
    },
    "quote": {
        "kind": _same("kind"),
        "speakers": lambda g, p: float(name_set(g.get("speakers")) == name_set(p.get("speakers"))),
        "speakers_partial": lambda g, p: set_f1(name_set(g.get("speakers")), name_set(p.get("speakers"))),
        "cue": lambda g, p: span_agreement(g.get("cue"), p.get("cue")),
    },
    "recommendation": {
        "holder": lambda g, p: float(holder_set(g.get("holder")) == holder_set(p.get("holder"))),
        "actor": lambda g, p: span_agreement(g.get("actor"), p.get("actor")),
        "action": lambda g, p: token_f1(_span_text("action")(g), _span_text("action")(p)),
        "trigger": lambda g, p: span_agreement(g.get("trigger"), p.get("trigger")),
        "strength": _same("strength"),
        "polarity": _same("polarity"),
    },
}

_VALUE_TOLERANCE = 0.005  # relative: 0.667 for two-thirds, 0.333 for a third


def _close(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    return abs(a - b) <= _VALUE_TOLERANCE * max(abs(a), abs(b), 1e-9)


def value_agreement(g: dict, p: dict) -> float:
    """Numbers equal within 0.5% (relative); ranges end by end."""
    a, b = g.get("value"), p.get("value")
    if isinstance(a, dict) and isinstance(b, dict):
        return float(_close(a.get("low"), b.get("low")) and _close(a.get("high"), b.get("high")))
    return float(_close(a, b))


def referenced_agreement(field: str) -> Comparator:
    """Two references to other records (a statistic's ``time``) agree when both
    are null, or the records they name (resolved into ``_<field>`` by the
    scorer) overlap or have the same TIMEX value."""

    def cmp(g: dict, p: dict) -> float:
        if "_" + field not in g and "_" + field not in p:  # not resolved: only null-ness is comparable
            return float((g.get(field) is None) == (p.get(field) is None))
        a, b = g.get("_" + field), p.get("_" + field)
        if a is None and b is None:
            return float(g.get(field) is None and p.get(field) is None)
        if a is None or b is None:
            return 0.0
        same_value = a.get("value") is not None and a.get("value") == b.get("value")
        return 1.0 if same_value or span_agreement(a, b) else 0.0

    return cmp


def _direction(rec: dict) -> str | None:
    c = rec.get("comparison")
    return c.get("direction") if isinstance(c, dict) else None


COMPARATORS["statistic"] = {
    "value": value_agreement,
    "unit": lambda g, p: float(normalise_name(g.get("unit")) == normalise_name(p.get("unit"))),
    "approx": _same("approx"),
    "measure": lambda g, p: span_agreement(g.get("measure"), p.get("measure")),
    "subject": lambda g, p: float(holder_set(g.get("subject")) == holder_set(p.get("subject"))),
    "time": referenced_agreement("time"),
    "source": lambda g, p: float(holder_set(g.get("source")) == holder_set(p.get("source"))),
    "comparison": lambda g, p: float(_direction(g) == _direction(p)),
}

# how an attribute's value is shown in --errors
_SHOWN_FIELD = {"speakers_partial": "speakers"}


def attribute_scores(type_: str, gold: dict, pred: dict) -> dict[str, float]:
    """Score of every attribute of ``type_`` for one lenient match."""
    return {name: cmp(gold, pred) for name, cmp in COMPARATORS[type_].items()}


def shown_value(attr: str, record: dict) -> str:
    """An attribute's value as --errors prints it."""
    value = record.get(_SHOWN_FIELD.get(attr, attr))
    if isinstance(value, dict):
        return f"{value.get('text')!r}@{value.get('start')}"
    if isinstance(value, list):
        return "[" + ", ".join(repr(v) for v in value) + "]"
    return "null" if value is None else repr(value) if isinstance(value, str) else str(value)
