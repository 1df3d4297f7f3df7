"""`claimex eval` and `claimex convert` through click's CliRunner (no spaCy needed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import main

DATA = Path(__file__).parent / "data" / "eval"
PRED = str(DATA / "council.pred.jsonl")
GOLD = str(DATA / "council.gold.jsonl")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _no_traceback(res):
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)


def test_help():
    res = run("eval", "--help")
    assert res.exit_code == 0 and "--fail-under" in res.output and "PRED GOLD" in res.output


def test_table():
    res = run("eval", PRED, GOLD)
    assert res.exit_code == 0, res.output
    rows = {line.split()[0]: line.split()[1:] for line in res.stdout.splitlines() if line[:1].isalpha()}
    # docs gold pred cor inc par mis spu | strict P R F1 | lenient P R F1
    assert rows["entity"] == "1 3 4 1 1 1 0 1 0.250 0.333 0.286 0.750 1.000 0.857".split()
    assert rows["quote"] == "1 1 1 0 1 0 0 0 0.000 0.000 0.000 1.000 1.000 1.000".split()
    assert "entity: 1 optional gold item(s) and 1 overlapping prediction(s) set aside" in res.stdout
    assert rows["date.value"] == ["0.000", "1"]
    assert rows["entity.canonical"] == ["0.667", "3"]
    assert rows["recommendation.holder"] == ["0.000", "1"]


def test_json():
    res = run("eval", PRED, GOLD, "--json")
    assert res.exit_code == 0
    out = json.loads(res.stdout)
    assert set(out["types"]) == {"entity", "date", "quote", "recommendation", "statistic"}
    assert out["types"]["entity"]["counts"]["spurious"] == 1
    assert out["figures"]["quote.kind"] == 0.0 and out["figures"]["quote.f1"] == 1.0
    assert "errors" not in out and "bounds" not in out


def test_errors_show_the_sentence():
    res = run("eval", PRED, GOLD, "--errors")
    assert res.exit_code == 0
    out = res.stdout
    assert "7 error(s): 1 spurious, 0 missed, 1 boundary, 5 attribute" in out
    assert "spurious         [0:10] 'Councillor' PERSON" in out
    assert '| [[Councillor]] Ana Ruiz said the Riverside Trust "should publish its accounts" by June 2030.' in out
    assert "value            gold '2030-06' / pred '2030-07'" in out
    assert "| [[The trust must repair the weir]], Ruiz argued." in out


def test_errors_in_json():
    out = json.loads(run("eval", PRED, GOLD, "--json", "--errors").stdout)
    holder = [e for e in out["errors"] if e["kind"] == "holder"][0]
    assert holder["sentence"] == "[[The trust must repair the weir]], Ruiz argued."
    assert holder["gold"]["where"].endswith("council.gold.jsonl:8")


def _with_rules(tmp_path: Path, rules: dict[str, str]) -> Path:
    """A copy of the predictions (and their source) with a `rule` on the records of the given ids."""
    shutil.copy(DATA / "council.txt", tmp_path / "council.txt")
    recs = [json.loads(x) for x in Path(PRED).read_text(encoding="utf-8").splitlines() if x.strip()]
    for r in recs:
        if r["id"] in rules:
            r["rule"] = rules[r["id"]]
    out = tmp_path / "council.pred.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return out


def test_errors_name_the_rule_of_each_prediction(tmp_path):
    """A spurious and a mismatched prediction name the rule that made them (text and JSON)."""
    pred = _with_rules(tmp_path, {"p:e4": "entity/title", "p:d1": "date/month_year", "p:e1": "entity/ner"})
    res = run("eval", pred, GOLD, "--errors")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    spurious = next(x for x in lines if x.strip().startswith("spurious"))
    value = next(x for x in lines if x.strip().startswith("value"))
    assert "[rule entity/title]" in spurious and "[rule date/month_year]" in value
    assert "entity/ner" not in res.stdout  # a correct prediction is not an error
    errs = json.loads(run("eval", pred, GOLD, "--json", "--errors").stdout)["errors"]
    assert {e["kind"]: e["pred"].get("rule") for e in errs if e["kind"] in ("spurious", "value")} == {
        "spurious": "entity/title", "value": "date/month_year"
    }
    assert all("rule" not in e["gold"] for e in errs if e["gold"])


@pytest.mark.parametrize(
    "args",
    [
        ["--fail-under", "entity.f1=0.8", "date.f1=1", "quote.speakers=1"],  # space separated after one option
        ["--fail-under", "entity.f1=0.8", "--fail-under", "date.f1=1"],  # repeated
        ["--fail-under", "entity.f1=0.8,date.f1=1"],  # comma separated
    ],
)
def test_fail_under_pass(args):
    res = run("eval", PRED, GOLD, *args)
    assert res.exit_code == 0, res.output
    assert "ok    entity.f1 = 0.8571 >= 0.8" in res.stderr


def test_fail_under_before_the_paths():
    res = run("eval", "--fail-under", "entity.f1=0.8", "date.f1=1", PRED, GOLD)
    assert res.exit_code == 0, res.output


def test_fail_under_fail():
    res = run("eval", PRED, GOLD, "--fail-under", "entity.strict.f1=0.5", "date.value=0.5", "quote.f1=0.9")
    assert res.exit_code == 1
    assert "FAIL  entity.strict.f1 = 0.2857 is below the bound 0.5" in res.stderr
    assert "FAIL  date.value = 0.0000 is below the bound 0.5" in res.stderr
    assert "ok    quote.f1" in res.stderr
    assert "Error: 2 of 3 bound(s) failed" in res.stderr
    assert "entity" in res.stdout  # the table is still printed
    _no_traceback(res)


def test_fail_under_json_has_bounds():
    res = run("eval", PRED, GOLD, "--json", "--fail-under", "entity.strict.f1=0.5")
    assert res.exit_code == 1
    assert json.loads(res.stdout)["bounds"][0]["ok"] is False


@pytest.mark.parametrize("key", ["entity.recall", "dates.f1", "quote.holder"])
def test_fail_under_unknown_key_is_a_usage_error(key):
    res = run("eval", PRED, GOLD, "--fail-under", f"{key}=0.5")
    assert res.exit_code == 2
    assert f"unknown --fail-under key '{key}'" in res.stderr
    _no_traceback(res)


def test_fail_under_bad_value_is_a_usage_error():
    res = run("eval", PRED, GOLD, "--fail-under", "date.f1=ninety")
    assert res.exit_code == 2 and "invalid --fail-under bound 'date.f1=ninety'" in res.stderr


@pytest.mark.parametrize("paths", [[], [PRED], [PRED, GOLD, GOLD]])
def test_wrong_number_of_paths(paths):
    res = run("eval", *paths)
    assert res.exit_code == 2 and "expected PRED GOLD" in res.stderr


def test_bad_types_option():
    res = run("eval", PRED, GOLD, "--types", "entity,claims")
    assert res.exit_code == 2 and "'claims' is not one of" in res.stderr


def test_types_option():
    res = run("eval", PRED, GOLD, "--types", "date")
    assert res.exit_code == 0
    assert "date " in res.stdout and "entity " not in res.stdout


def test_missing_file(tmp_path):
    res = run("eval", tmp_path / "nope.jsonl", GOLD)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"Error: {tmp_path / 'nope.jsonl'}: no such file or directory"
    _no_traceback(res)


def _copy_council(tmp_path) -> tuple[Path, Path]:
    for name in ("council.txt", "council.gold.jsonl", "council.pred.jsonl"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "council.pred.jsonl", tmp_path / "council.gold.jsonl"


def test_bad_jsonl_line(tmp_path):
    pred, gold = _copy_council(tmp_path)
    lines = pred.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2][:-1]  # drop the closing brace
    pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("eval", pred, gold)
    assert res.exit_code == 1
    assert res.stderr.startswith(f"Error: {pred}:3: invalid JSON")
    assert len(res.stderr.strip().splitlines()) == 1
    _no_traceback(res)


def test_record_breaking_the_contract(tmp_path):
    pred, gold = _copy_council(tmp_path)
    lines = gold.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[1])
    del rec["label"]
    lines[1] = json.dumps(rec)
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("eval", pred, gold)
    assert res.exit_code == 1
    assert f"Error: {gold}:2: record: 'label' is a required property" in res.stderr
    _no_traceback(res)


def test_missing_documents_are_reported(tmp_path):
    pred, gold = _copy_council(tmp_path)
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shutil.copy(gold, gold_dir / "council.jsonl")
    shutil.copy(DATA / "levy.tml", gold_dir / "levy.tml")  # a gold document nobody predicted
    res = run("eval", pred, gold_dir)
    assert res.exit_code == 0, res.output
    assert "1 document(s) scored; 1 gold document(s) without prediction: levy" in res.stdout
    assert "Warning: 1 document(s) with no prediction, not scored: levy" in res.stderr
    # a gate cannot pass while a gold document has no prediction
    res = run("eval", pred, gold_dir, "--fail-under", "entity.f1=0.1")
    assert res.exit_code == 1 and "FAIL  1 document(s) with no prediction, not scored: levy" in res.stderr


def test_prediction_without_gold_is_reported(tmp_path):
    pred, gold = _copy_council(tmp_path)
    other = tmp_path / "preds"
    other.mkdir()
    shutil.copy(pred, other / "council.jsonl")
    (other / "stray.jsonl").write_text(json.dumps({"doc_id": "stray", "type": "entity", "id": "s:1", "start": 0, "end": 2, "text": "ab", "label": "ORG", "canonical": "ab"}) + "\n")
    (other / "council.jsonl.review.jsonl").write_text("not json at all\n")  # review logs are skipped
    res = run("eval", other, gold)
    assert res.exit_code == 0, res.output
    assert "1 predicted document(s) without gold: stray" in res.stdout


def test_same_document_twice_on_one_side(tmp_path):
    pred, gold = _copy_council(tmp_path)
    d = tmp_path / "g"
    d.mkdir()
    shutil.copy(gold, d / "a.jsonl")
    shutil.copy(gold, d / "b.jsonl")
    res = run("eval", pred, d)
    assert res.exit_code == 1 and "document 'council' is also in" in res.stderr


def test_folder_without_evaluable_files(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    res = run("eval", PRED, tmp_path)
    assert res.exit_code == 1 and "folder has no *.jsonl, *.tml, *.ann files" in res.stderr


def _pred_dates(path: Path, doc_id: str, dates):
    with path.open("w", encoding="utf-8") as fh:
        for i, (s, e, text, ttype, value) in enumerate(dates):
            fh.write(json.dumps({"doc_id": doc_id, "type": "date", "id": f"{doc_id}:date:{i}", "start": s, "end": e, "text": text, "timex_type": ttype, "value": value, "mod": None, "anchor": None}) + "\n")
            fh.write(json.dumps({"doc_id": doc_id, "type": "entity", "id": f"{doc_id}:entity:{i}", "start": s, "end": e, "text": text, "label": "ORG", "canonical": text}) + "\n")


def test_eval_against_timeml_scores_dates_only(tmp_path):
    pred = tmp_path / "levy.jsonl"
    _pred_dates(pred, "levy", [(17, 26, "yesterday", "DATE", "2031-03-13"), (61, 66, "early", "DATE", "2031-10"), (140, 146, "weekly", "SET", "P1W")])
    out = json.loads(run("eval", pred, DATA / "levy.tml", "--json").stdout)
    assert list(out["types"]) == ["date"]  # entities are not annotated in TimeML
    c = out["types"]["date"]["counts"]
    assert (c["correct"], c["partial"], c["missed"], c["spurious"]) == (2, 1, 2, 0)
    assert out["figures"]["date.value"] == pytest.approx(2 / 3)
    res = run("eval", pred, DATA / "levy.tml", "--errors")
    assert "| Fares haven\u2019t changed for [[more than a decade]]; the board meets weekly and is busy now ." in res.stdout


def test_eval_against_brat(tmp_path):
    pred = tmp_path / "harbour.jsonl"
    recs = [
        {"doc_id": "harbour", "type": "entity", "id": "h:1", "start": 6, "end": 17, "text": "Elena Varga", "label": "PERSON", "canonical": "Elena Varga"},
        {"doc_id": "harbour", "type": "quote", "id": "h:2", "start": 192, "end": 209, "text": "a bold first step", "kind": "partial", "speakers": ["Tomas A. Reyes", "Elena Varga"], "speaker_spans": [], "cue": None},
    ]
    pred.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = json.loads(run("eval", pred, DATA / "harbour.ann", "--json").stdout)
    assert set(out["types"]) == {"entity", "quote"}
    assert out["types"]["entity"]["counts"]["correct"] == 1 and out["types"]["entity"]["counts"]["missed"] == 6
    assert out["figures"]["quote.speakers"] == 0.0
    assert out["figures"]["quote.speakers_partial"] == pytest.approx(2 / 3)
    assert out["figures"]["quote.cue"] == 0.0


def test_convert_then_eval(tmp_path):
    out_dir = tmp_path / "conv"
    res = run("convert", DATA / "levy.tml", DATA / "harbour.ann", "-o", out_dir)
    assert res.exit_code == 0, res.output
    assert f"next: claimex run {out_dir / 'levy.txt'} --published 2031-03-14 && claimex eval outputs/levy.jsonl {out_dir / 'levy.gold.jsonl'}" in res.stdout
    assert (out_dir / "harbour.txt").read_text(encoding="utf-8") == (DATA / "harbour.txt").read_text(encoding="utf-8")
    # the converted gold against itself: perfect, and only the annotated types are scored
    out = json.loads(run("eval", out_dir / "levy.gold.jsonl", out_dir / "levy.gold.jsonl", "--json").stdout)
    assert list(out["types"]) == ["date"] and out["types"]["date"]["strict"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    # the converted JSONL and the .tml score a prediction the same
    pred = tmp_path / "levy.jsonl"
    _pred_dates(pred, "levy", [(17, 26, "yesterday", "DATE", "2031-03-13")])
    a = json.loads(run("eval", pred, out_dir / "levy.gold.jsonl", "--json").stdout)["types"]
    b = json.loads(run("eval", pred, DATA / "levy.tml", "--json").stdout)["types"]
    assert a == b
    assert run("validate", out_dir / "harbour.gold.jsonl").exit_code == 0


def test_convert_folder_and_bad_file(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(DATA / "flood.tml", src / "flood.tml")
    (src / "broken.tml").write_text("<TimeML><TEXT>a</TimeML>", encoding="utf-8")
    res = run("convert", src, "-o", tmp_path / "out")
    assert res.exit_code == 1
    assert f"Error: {src / 'broken.tml'}:1: invalid TimeML (mismatched tag)" in res.stderr
    assert (tmp_path / "out" / "flood.gold.jsonl").is_file()
    _no_traceback(res)


def test_convert_missing_file(tmp_path):
    res = run("convert", tmp_path / "x.tml", "-o", tmp_path / "out")
    assert res.exit_code == 1 and "x.tml: no such file or directory" in res.stderr


def test_suggested_bounds_pass_today_and_parse():
    res = run("eval", PRED, GOLD, "--suggest-bounds")
    line = res.stdout.strip().splitlines()[-1]
    assert line.startswith("--fail-under entity.f1=0.85 entity.strict.f1=0.28 ")
    again = run("eval", PRED, GOLD, *line.split())
    assert again.exit_code == 0, again.stderr
    assert "FAIL" not in again.stderr
