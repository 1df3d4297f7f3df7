"""Dates on held-out TimeML documents written for these tests.

``tests/data/timeml/*.tml`` are small TimeML files (a DCT and TIMEX3 tags in
the text) in the styles claimex meets: wire news, business news, an op-ed, a
policy brief, a speech summary and a think-tank commentary. They are not in
the corpus and no rule was written from them. Each is run through the real
pipeline with its DCT as the publication date and scored TempEval-style:
span F1 (strict and lenient), and value F1 (a prediction counts when it
overlaps a gold TIMEX3 and has its value).

The reference rule system (HeidelTime) scores TIMEX3 value F1 0.78 on
TempEval-3 platinum news; the thresholds below keep claimex above that on
these documents and catch regressions.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import NamedTuple

import pytest

TIMEML = Path(__file__).resolve().parent / "data" / "timeml"
FILES = sorted(TIMEML.glob("*.tml"))

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


class Timex(NamedTuple):
    start: int
    end: int
    text: str
    timex_type: str
    value: str
    mod: str | None


def read_timeml(path: Path) -> tuple[str, str, list[Timex]]:
    """(text, DCT, gold TIMEX3s) of a TimeML file; offsets are into the text
    of <TEXT> with every tag removed and entities unescaped."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S).group(1)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out, gold, open_ = [], [], None
    pos, n = 0, 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(_ATTR.findall(m.group(3)))
        if name != "TIMEX3":
            continue
        if not closing:
            open_ = (n, attrs)
        elif open_ is not None:
            s, a = open_
            gold.append((s, n, a))
            open_ = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    timexes = [Timex(s, e, text[s:e], a.get("type"), a.get("value"), a.get("mod")) for s, e, a in gold]
    return text, dct, timexes


def score(pred: list[dict], gold: list[Timex]) -> dict:
    """TempEval-3 style counts for one document."""
    def overlaps(p, g):
        return p["start"] < g.end and g.start < p["end"]

    strict = sum(1 for p in pred if any(p["start"] == g.start and p["end"] == g.end for g in gold))
    used, lenient, value, typ = set(), 0, 0, 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and overlaps(p, g):
                used.add(i)
                lenient += 1
                value += p["value"] == g.value
                typ += p["timex_type"] == g.timex_type
                break
    return {"pred": len(pred), "gold": len(gold), "strict": strict, "lenient": lenient, "value": value, "type": typ}


def f1(tp: int, npred: int, ngold: int) -> float:
    return 2 * tp / (npred + ngold) if npred + ngold else 1.0


@pytest.fixture(scope="module")
def scored(pipeline):
    from claimex.stages import Input

    docs = [read_timeml(f) for f in FILES]
    inputs = [Input(f"{f.stem}.txt", text=text, doc_id=f.stem, published=dct) for f, (text, dct, _) in zip(FILES, docs, strict=True)]
    results = {}
    for f, (_text, _dct, gold), out in zip(FILES, docs, pipeline.process(inputs), strict=True):
        assert out.ok, out.error
        pred = [r for r in out.records if r["type"] == "date"]
        results[f.stem] = (score(pred, gold), pred, gold)
    return results


def test_timeml_files_parse():
    assert len(FILES) >= 6
    for f in FILES:
        text, dct, gold = read_timeml(f)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct)
        assert gold and all(text[g.start : g.end] == g.text and g.value for g in gold)


def test_timeml_value_f1_beats_reference(scored):
    tot = {k: sum(r[0][k] for r in scored.values()) for k in ("pred", "gold", "strict", "lenient", "value", "type")}
    value_f1 = f1(tot["value"], tot["pred"], tot["gold"])
    lenient_f1 = f1(tot["lenient"], tot["pred"], tot["gold"])
    strict_f1 = f1(tot["strict"], tot["pred"], tot["gold"])
    assert lenient_f1 >= 0.90, tot
    assert strict_f1 >= 0.85, tot
    assert value_f1 >= 0.80, tot  # the reference system: 0.78 on TempEval-3 platinum news


@pytest.mark.parametrize("name", [f.stem for f in FILES])
def test_timeml_each_document_reasonable(scored, name):
    counts, pred, gold = scored[name]
    assert f1(counts["value"], counts["pred"], counts["gold"]) >= 0.65, (name, counts)


def test_no_false_dates_in_timeml_files(scored):
    """Predictions that overlap no gold TIMEX3 are false dates (percentages,
    counts, ages, "May" the modal, "the spring" the water source ...)."""
    spurious = []
    for name, (_, pred, gold) in scored.items():
        for p in pred:
            if not any(p["start"] < g.end and g.start < p["end"] for g in gold):
                spurious.append((name, p["text"]))
    assert len(spurious) <= 2, spurious
