"""``--fail-under KEY=VALUE``: lower bounds on figures of an evaluation.

Keys are ``<type>.<metric>``: ``f1``, ``p``, ``r`` (lenient), ``strict.f1``,
``strict.p``, ``strict.r``, or an attribute name (``date.value``,
``quote.speakers``...). An unknown key or a malformed bound is a usage
error (:class:`~claimex.errors.BoundError`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import BoundError, EvalErrors
from .scoring import Evaluation, known_keys

_BOUND_LIKE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+=\S*")


class Bound(NamedTuple):
    key: str
    value: float


class BoundResult(NamedTuple):
    key: str
    bound: float
    value: float | None
    ok: bool
    message: str  # empty when ok


def parse_bounds(specs: Iterable[str]) -> list[Bound]:
    """Bounds from ``KEY=VALUE`` strings; each string may hold several, separated by spaces or commas."""
    keys = known_keys()
    out = []
    for spec in specs:
        for part in re.split(r"[\s,]+", spec.strip()):
            if not part:
                continue
            key, sep, raw = part.partition("=")
            try:
                value = float(raw)
            except ValueError:
                value = -1.0
            if not sep or not key or not 0.0 <= value <= 1.0:
                raise BoundError(EvalErrors.E054.format(spec=part))
            _check_key(key, keys)
            out.append(Bound(key, value))
    return out


def _check_key(key: str, keys: dict[str, tuple[str, ...]]) -> None:
    type_, _, metric = key.partition(".")
    if type_ not in keys:
        raise BoundError(EvalErrors.E053.format(key=key, reason=f"record type '{type_}' is not one of {', '.join(keys)}"))
    if metric not in keys[type_]:
        raise BoundError(EvalErrors.E053.format(key=key, reason=f"'{metric}' is not a figure of {type_}; known: {', '.join(keys[type_])}"))


def split_bound_args(args: Sequence[str], bounds_given: bool) -> tuple[list[str], list[str]]:
    """Split positional CLI arguments into (paths, extra bounds).

    ``--fail-under a.f1=0.5 b.f1=0.4`` leaves ``b.f1=0.4`` among the positional
    arguments; when --fail-under was given, such KEY=VALUE words (that are not
    existing paths) are bounds.
    """
    paths, extra = [], []
    for a in args:
        if bounds_given and _BOUND_LIKE.fullmatch(a) and not Path(a).exists():
            extra.append(a)
        else:
            paths.append(a)
    return paths, extra


def check_bounds(ev: Evaluation, bounds: Iterable[Bound]) -> list[BoundResult]:
    """Each bound against the evaluation's figures.

    A bound fails when its figure is below it or not available (the record
    type was not scored, or an attribute had no lenient match). With any
    bound given, a gold document without prediction fails too, so that a
    document the pipeline failed on cannot pass silently.
    """
    figures = ev.figures()
    out = []
    bounds = list(bounds)
    for b in bounds:
        value = figures.get(b.key)
        if value is None:
            type_ = b.key.split(".", 1)[0]
            reason = f"no gold document annotates {type_}" if type_ not in ev.results else "no lenient match to score it on"
            out.append(BoundResult(b.key, b.value, None, False, EvalErrors.E067.format(key=b.key, reason=reason, bound=b.value)))
        elif value + 1e-9 < b.value:
            out.append(BoundResult(b.key, b.value, value, False, EvalErrors.E066.format(key=b.key, value=value, bound=b.value)))
        else:
            out.append(BoundResult(b.key, b.value, value, True, ""))
    if bounds and ev.missing_pred:
        msg = EvalErrors.E068.format(count=len(ev.missing_pred), missing="prediction", names=", ".join(ev.missing_pred))
        out.append(BoundResult("documents", 0.0, None, False, msg))
    return out


def suggest_bounds(ev: Evaluation, decimals: int = 2) -> list[Bound]:
    """Bounds at today's figures (floored): lenient and strict F1 and every attribute
    of each scored type, for setting or raising the ratchet of a gate."""
    scale = 10**decimals
    out = []
    for key, value in ev.figures().items():
        metric = key.split(".", 1)[1]
        if value is None or metric in ("p", "r", "strict.p", "strict.r"):
            continue
        out.append(Bound(key, math.floor(value * scale + 1e-9) / scale))
    return out


def bounds_line(bounds: Iterable[Bound]) -> str:
    """``--fail-under k=v k=v ...``, ready to paste into a Makefile."""
    return "--fail-under " + " ".join(f"{b.key}={b.value:g}" for b in bounds)
