"""The command line, through click's CliRunner: exit codes and messages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimex.cli import main

from .conftest import TEXTS


@pytest.fixture
def runner():
    return CliRunner()


def all_commands():
    return sorted(main.commands)


@pytest.mark.parametrize("command", all_commands())
def test_every_command_has_help(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(main.commands[command].help or "") > 40, f"{command} needs a real help text"


def test_main_help_lists_commands(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for c in all_commands():
        assert c in result.output


def test_schema_prints_json_schema(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"].startswith("claimex record")
    assert set(schema["properties"]["type"]["enum"]) == {"document", "entity", "date", "quote", "recommendation", "statistic"}


# -- run -----------------------------------------------------------------------

GOOD = "Ministers from Chile and Peru met in Lima on 3 May 2024. They said the talks should continue next year."


def test_run_writes_one_file_per_document(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "sub").mkdir()
    (src / "sub" / "b.md").write_text("# Note\n\n" + GOOD, encoding="utf-8")
    (src / "ignored.rtf").write_bytes(b"{\\rtf1 not read}")
    out = tmp_path / "out"
    result = runner.invoke(main, ["run", str(src), "-o", str(out), "--published", "2024-05-10"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "b.jsonl"]
    assert "2 of 2 documents processed, 0 failed" in result.output
    recs = [json.loads(x) for x in (out / "a.jsonl").read_text().splitlines()]
    assert recs[0]["type"] == "document" and recs[0]["published"] == "2024-05-10"
    assert {r["type"] for r in recs} >= {"entity", "date"}


def test_run_to_stdout(runner, tmp_path):
    f = tmp_path / "one.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(main, ["run", str(f), "-o", "-", "-q"])
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines[0]["doc_id"] == "one" and lines[0]["type"] == "document"


def test_run_from_stdin(runner):
    result = runner.invoke(main, ["run", "-", "-o", "-", "-q", "--doc-id", "piped"], input=GOOD)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["doc_id"] == "piped"


@pytest.mark.parametrize("line", ["The government should cut fuel taxes", "Talks resumed in May.\n"])
def test_a_single_line_on_stdin_is_body_not_a_title(runner, line):
    result = runner.invoke(main, ["run", "-", "-o", "-", "-q"], input=line)
    assert result.exit_code == 0, result.output
    recs = [json.loads(x) for x in result.stdout.splitlines()]
    assert recs[0]["title"] is None
    assert len(recs) > 1  # the line was read as body: something was found in it


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        ("latin1.txt", b"Caf\xe9 talks resumed.", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("blank.md", b"\n \n\t\n", "only whitespace"),
    ],
)
def test_run_bad_document_is_reported_and_batch_goes_on(runner, tmp_path, name, content, message):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = runner.invoke(main, ["run", str(tmp_path / "good.txt"), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    errors = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0]
    assert "Traceback" not in result.output
    assert (out / "good.jsonl").exists()
    assert "1 of 2 documents processed, 1 failed" in result.output


def test_run_missing_file(runner, tmp_path):
    result = runner.invoke(main, ["run", str(tmp_path / "nope.md"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'nope.md'}: no such file or directory" in result.output
    assert "Traceback" not in result.output


def test_run_empty_folder(runner, tmp_path):
    result = runner.invoke(main, ["run", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no .txt, .md, .html, .htm, .pdf or .docx files" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["--published", "16/09/2022"], "invalid --published date '16/09/2022'"),
        (["--doc-id", "a b"], "invalid --doc-id 'a b'"),
    ],
)
def test_run_usage_errors_exit_2(runner, tmp_path, args, message):
    f = tmp_path / "x.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(main, ["run", str(f), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_run_unknown_model(runner, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(main, ["run", str(f), "--model", "xx_no_such_model", "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "cannot load spaCy model 'xx_no_such_model'" in result.output
    assert "Traceback" not in result.output


def test_run_same_stem_twice_gets_distinct_ids(runner, tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "note.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["run", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["note-2.jsonl", "note.jsonl"]


# -- validate --------------------------------------------------------------------


def test_validate_ok_and_grounded(runner, tmp_path):
    out = tmp_path / "out"
    src = TEXTS / "news_summit.txt"
    assert runner.invoke(main, ["run", str(src), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(main, ["validate", str(out / "news_summit.jsonl")])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output and "grounded against" in result.output


def test_validate_reports_file_and_line(runner, tmp_path):
    src = tmp_path / "s.txt"
    src.write_text("Oslo is cold.", encoding="utf-8")
    f = tmp_path / "p.jsonl"
    ent = {"doc_id": "s", "type": "entity", "id": "s:entity:0", "start": 0, "end": 4, "text": "Olso", "label": "GPE", "canonical": "Oslo"}
    f.write_text(json.dumps(ent) + "\nnot json\n" + json.dumps({**ent, "id": "s:entity:1", "label": "TOWN", "text": "Oslo"}) + "\n")
    result = runner.invoke(main, ["validate", str(f), "--source", str(src)])
    assert result.exit_code == 1
    out = result.output
    assert f"{f}:1: text 'Olso' != source[0:4] 'Oslo'" in out
    assert f"{f}:2: invalid JSON" in out
    assert f"{f}:3: label" in out
    assert "Traceback" not in out


def test_validate_missing_file(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_validate_source_not_found(runner, tmp_path):
    f = tmp_path / "p.jsonl"
    doc = {"doc_id": "s", "type": "document", "id": "s:document:0", "source": "gone/s.txt", "sha256": "0" * 64, "title": None,
           "authors": [], "published": None, "series": None, "number": None, "key_points": [], "pipeline": {"version": "1", "model": None}}
    f.write_text(json.dumps(doc) + "\n")
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 1
    assert "source file 'gone/s.txt' not found" in result.output


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty"),
        (b"\x00\x01\x02binary", ":1: invalid JSON"),
        (b'{"doc_id": "caf\xe9"}\n', ":1: not valid UTF-8"),
    ],
)
def test_validate_bad_files(runner, tmp_path, content, message):
    f = tmp_path / "bad.jsonl"
    f.write_bytes(content)
    result = runner.invoke(main, ["validate", str(f)])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert any(str(f) in ln and message in ln for ln in lines), result.output
    assert "Traceback" not in result.output
