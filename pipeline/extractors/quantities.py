"""Numbers and units of a statistic's quantity expression, without spaCy.

:func:`read_quantity` turns one match of a ``models/patterns/statistics.json``
pattern into a value, a unit and an approximator (guidelines 10.1, 10.4):
digits ("1,500", "0.73"), number words ("twenty-five", "two hundred and
forty", "a dozen"), multipliers ("1.2 billion", "$5bn"), fractions
("two-thirds" -> 0.667, "one in five" -> 0.2), ranges (``{"low", "high"}``)
and vague multiples ("hundreds of millions" -> 1e8). Every word list comes
from the lexicons (``statistic_*``); nothing here knows a unit by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..assets import Assets

_SPACE = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[\s-]+")
_FRACTION_DIGITS = 3


class Quantity(NamedTuple):
    value: float | int | dict
    unit: str | None
    approx: str | None


@dataclass(frozen=True)
class QuantityLexicon:
    units: dict
    currencies: dict
    multipliers: dict
    numbers: dict
    fractions: dict
    approximators: dict

    @classmethod
    def load(cls, assets: Assets) -> QuantityLexicon:
        return assets.memo("statistics:quantity_lexicon", lambda: cls(
            units=_lower_keys(assets.mapping("statistic_units")),
            currencies=_lower_keys(assets.mapping("statistic_currency_signs")),
            multipliers=_lower_keys(assets.mapping("statistic_multipliers")),
            numbers=_lower_keys(assets.mapping("statistic_number_words")),
            fractions=_lower_keys(assets.mapping("statistic_fractions")),
            approximators=_lower_keys(assets.mapping("statistic_approximators")),
        ))  # fmt: skip


def _lower_keys(mp: dict) -> dict:
    return {norm(k): v for k, v in mp.items()}


def norm(text: str | None) -> str:
    """Lower case, whitespace collapsed."""
    return _SPACE.sub(" ", (text or "").strip().lower())


def tidy(x: float) -> float | int:
    """An integral float as an int (400.0 -> 400), else rounded to 6 significant places."""
    if x == int(x) and abs(x) < 1e15:
        return int(x)
    return float(f"{x:.6g}")


def parse_number(text: str, lex: QuantityLexicon) -> float | None:
    """Digits ("1,500.5") or number words ("twenty-five", "two hundred and forty",
    "four trillion", "a dozen"); None when ``text`` is neither."""
    t = norm(text).replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    if t in lex.numbers:
        return float(lex.numbers[t])
    return _words_value(t, lex)


def _words_value(t: str, lex: QuantityLexicon) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for w in _WORD_SPLIT.split(t):
        if w in ("and", "a", ""):
            continue
        if w in lex.numbers:
            current += float(lex.numbers[w])
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w in lex.multipliers:
            total += (current or 1.0) * float(lex.multipliers[w])
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _multiplier(g: dict, lex: QuantityLexicon, key: str = "mult") -> float:
    word = norm(g.get(key) or g.get(key + "2"))
    return float(lex.multipliers.get(word, 1.0)) if word else 1.0


def _unit(g: dict, lex: QuantityLexicon) -> str | None:
    cur = norm(g.get("cur"))
    if cur:
        return lex.currencies.get(cur)
    word = norm(g.get("unit"))
    return lex.units.get(word) if word else None


def _approx(g: dict, lex: QuantityLexicon) -> str | None:
    return lex.approximators.get(norm(g.get("approx"))) if g.get("approx") else None


def read_quantity(kind: str, g: dict, lex: QuantityLexicon) -> Quantity | None:
    """Value, unit and approximator of one pattern match (``g`` its groupdict);
    None when the numbers cannot be read."""
    reader = _READERS.get(kind)
    return reader(g, lex) if reader else None


def _read_number(g, lex):
    n = parse_number(g.get("num") or g.get("num2") or "", lex)
    if n is None:
        return None
    return Quantity(tidy(n * _multiplier(g, lex)), _unit(g, lex), _approx(g, lex))


def _read_range(g, lex):
    lo, hi = parse_number(g.get("lo") or "", lex), parse_number(g.get("hi") or "", lex)
    if lo is None or hi is None:
        return None
    m = _multiplier(g, lex)
    m1 = _multiplier(g, lex, "mult1") if g.get("mult1") else m
    return Quantity({"low": tidy(lo * m1), "high": tidy(hi * m)}, _unit(g, lex), _approx(g, lex))


def _read_fraction(g, lex):
    text = norm(g.get("frac"))
    words = _WORD_SPLIT.split(text)
    frac = lex.fractions.get(words[-1])
    if frac is None:
        return None
    numer = 1.0
    if len(words) > 1 and words[0] not in ("a", "an"):
        numer = parse_number(words[0], lex) or 1.0
    return Quantity(round(numer * float(frac), _FRACTION_DIGITS), "fraction", _approx(g, lex))


def _read_one_in(g, lex):
    lo, hi = parse_number(g.get("lo") or "", lex), parse_number(g.get("hi") or "", lex)
    if not lo or not hi or lo >= hi:
        return None
    return Quantity(round(lo / hi, _FRACTION_DIGITS), "fraction", _approx(g, lex))


_VAGUE_BASE = {"hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000, "million": 1e6, "millions": 1e6,
               "billion": 1e9, "billions": 1e9, "dozens": 12, "tens": 10}  # fmt: skip


def _read_vague(g, lex):
    value = 1.0
    for w in norm(g.get("vague")).split():
        value *= _VAGUE_BASE.get(w, 1.0)
    return Quantity(tidy(value), _unit(g, lex), "MORE_THAN")


_READERS = {"number": _read_number, "range": _read_range, "fraction": _read_fraction, "one_in": _read_one_in, "vague": _read_vague}
