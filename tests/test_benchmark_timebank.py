"""benchmarks/timebank.py: the TempEval-3 scorer on hand-made records, and a
clear skip when the data is absent (no corpus text is needed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("timebank_bench", ROOT / "benchmarks" / "timebank.py")
tb = importlib.util.module_from_spec(_spec)
sys.modules["timebank_bench"] = tb  # dataclasses look their module up
_spec.loader.exec_module(tb)


def _rec(s, e, t, v, rule=None):
    return {"start": s, "end": e, "timex_type": t, "value": v, "rule": rule}


def test_scores_like_tempeval(assets):
    text = "On 3 May the day after the vote came two weeks later, in fiscal 2022."
    gold = [_rec(3, 8, "DATE", "2022-05-03"), _rec(9, 16, "DATE", "2022-05-04"), _rec(35, 44, "DURATION", "P2W"), _rec(53, 64, "DATE", "2022")]
    pred = [
        _rec(3, 8, "DATE", "2022-05-03"),  # exact
        _rec(9, 29, "DATE", "2022-05-04", "date/event_offset"),  # the event phrase is cut back to "the day"
        _rec(35, 50, "DATE", "2022-W20"),  # overlaps, wrong type and value
        _rec(53, 64, "DATE", "FY2022"),  # FY is dropped
        _rec(0, 2, "DATE", "PRESENT_REF"),  # spurious
    ]
    t = tb.score_doc("x", text, gold, pred, assets)
    assert (t.gold, t.pred, t.strict, t.relaxed, t.type_ok, t.value_ok) == (4, 5, 3, 4, 3, 3)
    f = t.figures()
    assert round(f["value"], 2) == round(100 * (2 * 0.8 * 1.0 / 1.8) * 0.75, 2)


def test_canonical_spelling():
    assert tb.canonical("2000-W7") == "2000-W07"
    assert tb.canonical("1989-11-06T17") == "1989-11-06T17:00"
    assert tb.canonical("198X") == "198"
    assert tb.canonical("1989-WXX") == "1989-WXX"  # an underspecified value stays what it is


def test_split_is_fixed():
    names = [f"doc{i}" for i in range(200)]
    check = [n for n in names if tb.split_of(n) == "check"]
    assert 20 < len(check) < 60 and check == [n for n in names if tb.split_of(n) == "check"]


def test_skips_without_data(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "timebank.py"), "--data", str(tmp_path)], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and "skipped" in out.stdout
