"""Nothing crashes, nothing is lost (issue 13): the reproducers of the audit.

Long paragraphs in processing units, per-document failures of every stage
(writing included), ids unique by construction, writers that never overwrite
another document's file, integers that are integers, one-line errors for
hostile input, permissions and stale temporary files.
"""

from __future__ import annotations

import errno
import json
import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import main
from claimex.document import Document, Metadata, Source, View
from claimex.errors import ClaimexError, InputError
from claimex.ingest import Block, build_view, read_bytes
from claimex.records import grounding_errors, remove_stale_temps, schema_errors
from claimex.segment import segment, split_units
from claimex.stages import Input

from .conftest import TEXTS

SENTENCE = "The council said on 3 May 2024 that Chile should raise its budget. "
GOOD = "Ministers from Chile and Peru met in Lima on 3 May 2024. They said the talks should continue next year."


@pytest.fixture
def runner():
    return CliRunner()


def grounded(records: list[dict], source: str) -> None:
    for rec in records:
        assert grounding_errors(rec, source) == [], rec


# -- processing units ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, max_chars, expected",
    [
        ("One two. Three four. Five six.", 100, ["One two. Three four. Five six."]),  # short: one unit
        ("One two. Three four. Five six.", 12, ["One two.", "Three four.", "Five six."]),  # at sentence ends
        ("One two. Three four. Five six.", 19, ["One two. Three", "four. Five six."]),  # no sentence end in the second half: white space
        ("He said \u201cstop.\u201d Then left. Now what?", 25, ["He said \u201cstop.\u201d", "Then left. Now what?"]),  # quote closes the sentence
        ("one two three four five six seven", 12, ["one two", "three four", "five six", "seven"]),  # no sentence end: white space
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),  # one enormous word: a hard cut
        ("Mr. Smith went. He did go.", 18, ["Mr. Smith went.", "He did go."]),  # the last boundary in the window wins
    ],
)
def test_split_units(text, max_chars, expected):
    units = split_units(text, 0, len(text), max_chars)
    assert [text[a:b] for a, b in units] == expected
    assert all(0 < b - a <= max_chars for a, b in units)
    # exact offsets: what lies between units is white space only
    pos = 0
    for a, b in units:
        assert text[pos:a].strip() == ""
        pos = b
    assert text[pos:].strip() == ""


def test_split_units_is_linear_in_windows():
    text = (SENTENCE * 2000).strip()
    units = split_units(text, 0, len(text), 1000)
    assert len(units) <= 2 * len(text) // 1000 + 1
    assert all(text[b - 1] == "." for a, b in units)  # every cut at a sentence end


def _doc(text: str, blocks: list[Block]) -> Document:
    from array import array

    view = View(text, array("l", range(len(text) + 1)))
    doc = Document(Source("t.txt", "t", text, ""), view, Metadata())
    doc.blocks = blocks
    return doc


def test_long_block_becomes_several_segments_of_one_block():
    text = "Title\n\n" + (SENTENCE * 40).strip()
    doc = _doc(text, [Block(0, 5), Block(7, len(text))])
    segs = segment(doc, max_chars=500)
    assert segs[0].block == 0 and len(segs) > 2
    assert {s.block for s in segs[1:]} == {1}
    assert {s.kind for s in segs[1:]} == {"body"}
    assert [s.index for s in segs] == list(range(len(segs)))
    assert all(s.end - s.start <= 500 for s in segs)
    assert doc.segment_at(segs[3].start + 2) is segs[3]
    assert doc.segment_at(6) is None  # between blocks


def test_paragraph_longer_than_max_length_is_processed_in_units(pipeline, monkeypatch):
    """spaCy's E088 (text longer than nlp.max_length) never reaches a document:
    a paragraph 10 times nlp.max_length is parsed in units, every record grounded."""
    monkeypatch.setattr(pipeline.nlp, "max_length", 2_000)
    long_para = (SENTENCE * 300).strip()  # ~20,000 characters, one paragraph
    text = "A Long Paragraph\n\n" + long_para + "\n"
    outs = list(pipeline.process([Input("long.txt", text=text, doc_id="long"), Input("short.txt", text=GOOD, doc_id="short")]))
    assert [o.error for o in outs] == [None, None]
    recs = outs[0].records
    grounded(recs, text)
    assert sum(r["type"] == "recommendation" for r in recs) == 300  # one per sentence, none lost at a cut
    assert sum(r["type"] == "date" for r in recs) == 300


def test_unit_limit_never_exceeds_max_length(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline.nlp, "max_length", 1_234)
    assert pipeline.unit_chars == 1_234


def test_a_document_that_cannot_be_parsed_fails_alone(pipeline, monkeypatch):
    """A parse failure of one document (here: a model that raises on it) is
    that document's one-line error; the others of the batch are processed."""
    real_make_doc = pipeline.nlp.make_doc

    def make_doc(text):  # the first step of every parse (nlp.pipe's, and the attribute table's)
        if "POISON" in text:
            raise ValueError("[E999] the model cannot take this text\nsecond line of a spaCy error")
        return real_make_doc(text)

    monkeypatch.setattr(pipeline.nlp, "make_doc", make_doc)
    outs = list(pipeline.process([Input("a.txt", text=GOOD, doc_id="a"), Input("b.txt", text="POISON here. " + GOOD, doc_id="b"), Input("c.txt", text=GOOD, doc_id="c")]))
    assert outs[0].ok and outs[2].ok
    assert outs[1].error == "b.txt: internal error in parse: ValueError: [E999] the model cannot take this text"


# -- plain text with one paragraph a line -------------------------------------------


def test_single_newline_paragraphs_are_separate_blocks(assets):
    para = "The ministers met again on Tuesday and agreed that the talks should go on, " * 4
    lines = [para.strip() + f" Point {k}." for k in range(30)]
    _, blocks = build_view("Title of the Piece\n" + "\n".join(lines) + "\n", assets)
    assert len(blocks) == 31
    assert max(b.end - b.start for b in blocks) < 400


@pytest.mark.parametrize(
    "text, blocks",
    [
        ("A wrapped paragraph whose lines\nare short, as in a hard-wrapped\nfile, stays one block.\n", 1),
        ("Short line one.\nShort line two.\n\nNext.\n", 2),  # short lines are wrap or header lines: left as they are
        ("x " * 120 + "ends here,\n" + "and goes on in lower case.\n", 1),  # a long line that does not end a sentence
    ],
)
def test_wrapped_lines_still_join(assets, text, blocks):
    assert len(build_view(text, assets)[1]) == blocks


# -- ids and overwrites --------------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def test_doc_ids_are_unique_by_construction(runner, tmp_path):
    """a/x.md, b/x.md, c/x-2.md: three outputs, never two with "3 of 3"."""
    _tree(tmp_path, {"a/x.md": GOOD, "b/x.md": GOOD, "c/x-2.md": GOOD})
    out = tmp_path / "out"
    result = runner.invoke(main, ["run", str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "c"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 of 3 documents processed" in result.output
    files = sorted(p.name for p in out.iterdir())
    assert files == ["x-2.jsonl", "x-3.jsonl", "x.jsonl"]
    sources = {json.loads(p.read_text().splitlines()[0])["source"] for p in out.iterdir()}
    assert len(sources) == 3


@pytest.mark.parametrize(
    "stems, expected",
    [
        (["x", "x", "x-2"], ["x", "x-3", "x-2"]),
        (["x-2", "x", "x"], ["x-2", "x", "x-3"]),
        (["Note", "note"], ["Note", "note-2"]),  # one file on a case-insensitive file system
        (["a", "b"], ["a", "b"]),
    ],
)
def test_unique_doc_ids(stems, expected):
    from claimex.runner import unique_doc_ids

    inputs = [Input(f"{k}/{s}.md") for k, s in enumerate(stems)]
    assert [i.doc_id for i in unique_doc_ids(inputs)] == expected


def test_run_never_overwrites_another_documents_output(runner, tmp_path):
    _tree(tmp_path, {"a/x.md": GOOD, "b/x.md": "Other text. " + GOOD})
    out = tmp_path / "out"
    assert runner.invoke(main, ["run", str(tmp_path / "a/x.md"), "-o", str(out), "-q"]).exit_code == 0
    before = (out / "x.jsonl").read_bytes()
    result = runner.invoke(main, ["run", str(tmp_path / "b/x.md"), "-o", str(out)])
    assert result.exit_code == 1
    assert "x.jsonl: holds the output of another document with the same id (source " in result.output
    assert "Traceback" not in result.output
    assert (out / "x.jsonl").read_bytes() == before
    # the same document again: its own output is replaced
    assert runner.invoke(main, ["run", str(tmp_path / "a/x.md"), "-o", str(out), "-q"]).exit_code == 0
    # a file that is no claimex output is never replaced
    (out / "y.jsonl").write_text("my notes\n")
    _tree(tmp_path, {"y.md": GOOD})
    result = runner.invoke(main, ["run", str(tmp_path / "y.md"), "-o", str(out)])
    assert result.exit_code == 1 and "not a claimex output" in result.output
    assert (out / "y.jsonl").read_text() == "my notes\n"


# -- write errors: one line per document, the batch goes on --------------------------------


def test_output_naming_a_file(runner, tmp_path):
    _tree(tmp_path, {"in/a.md": GOOD, "in/b.md": GOOD})
    (tmp_path / "afile").write_text("x")
    for dest in ("afile", "afile/sub"):
        result = runner.invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / dest)])
        assert result.exit_code == 1
        errors = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
        assert len(errors) == 2, result.output
        assert all("is a file, not a folder" in e for e in errors)
        assert "Traceback" not in result.output and "0 of 2 documents processed, 2 failed" in result.output


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EFBIG, errno.EACCES, errno.EROFS])
def test_write_error_fails_one_document(runner, tmp_path, monkeypatch, err):
    """A full disk, a file-size limit, a read-only folder: one line for the
    document whose write failed, the others written, no temporary file left."""
    _tree(tmp_path, {"in/a.md": GOOD, "in/b.md": "Big. " + GOOD, "in/c.md": GOOD})
    real_fsync = os.fsync

    def fsync(fd):
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".b.jsonl."):
            raise OSError(err, os.strerror(err))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    out = tmp_path / "out"
    result = runner.invoke(main, ["run", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 1
    assert f"Error: {out / 'b.jsonl'}: cannot write ({os.strerror(err)})" in result.output
    assert "2 of 3 documents processed, 1 failed" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "c.jsonl"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(runner, tmp_path):
    _tree(tmp_path, {"in/a.md": GOOD, "in/b.md": GOOD})
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = runner.invoke(main, ["run", str(tmp_path / "in"), "-o", str(out)])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1 and result.output.count("Permission denied") == 2


def test_file_size_limit_in_a_real_process(tmp_path):
    """RLIMIT_FSIZE (EFBIG, SIGXFSZ): the documents that fit are written, the
    one that does not is one line, and the exit code is 1."""
    import resource
    import subprocess
    import sys

    big = "Big Document\n\n" + "\n\n".join([GOOD] * 30)
    _tree(tmp_path, {"in/a.md": GOOD, "in/b.md": big})
    out = tmp_path / "out"

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (8_000, 8_000))

    proc = subprocess.run(
        [str(Path(sys.executable).with_name("claimex")), "run", str(tmp_path / "in"), "-o", str(out)],
        preexec_fn=limit, capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "b.jsonl: cannot write (File too large)" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl"]


# -- permissions and temporary files -----------------------------------------------------


def test_outputs_respect_the_umask(runner, tmp_path):
    _tree(tmp_path, {"a.md": GOOD})
    old = os.umask(0o027)
    try:
        assert runner.invoke(main, ["run", str(tmp_path / "a.md"), "-o", str(tmp_path / "out"), "-q"]).exit_code == 0
    finally:
        os.umask(old)
    assert (tmp_path / "out" / "a.jsonl").stat().st_mode & 0o777 == 0o640


def test_stale_temporary_files_are_removed(tmp_path):
    dead = tmp_path / ".x.jsonl.claimex-999999999-abc123.tmp"  # a process that is gone
    mine = tmp_path / f".y.jsonl.claimex-{os.getpid()}-def456.tmp"  # a write in progress
    old = tmp_path / f".z.jsonl.claimex-{os.getpid()}-ghi789.tmp"  # in progress for hours: stale
    other = tmp_path / ".notes.tmp"  # not ours
    for p in (dead, mine, old, other):
        p.write_text("partial")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    assert sorted(p.name for p in remove_stale_temps(tmp_path)) == sorted([dead.name, old.name])
    assert mine.exists() and other.exists()


def test_run_removes_stale_temporary_files(runner, tmp_path):
    _tree(tmp_path, {"a.md": GOOD})
    out = tmp_path / "out"
    out.mkdir()
    (out / ".a.jsonl.claimex-999999999-x1.tmp").write_text("partial")
    assert runner.invoke(main, ["run", str(tmp_path / "a.md"), "-o", str(out), "-q"]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl"]


# -- reading: FIFOs and other non-regular files -----------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_input_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result: list = []
    t = threading.Thread(target=lambda: result.append(_read_error(fifo)), daemon=True)
    t.start()
    t.join(30)
    if t.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert result == [f"{fifo}: not a regular file (a named pipe); claimex reads regular files only"]


def _read_error(path) -> str | None:
    try:
        read_bytes(path)
    except InputError as exc:
        return str(exc)
    return None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_run_with_a_fifo_goes_on(runner, tmp_path):
    _tree(tmp_path, {"a.md": GOOD})
    os.mkfifo(tmp_path / "b.md")
    result = runner.invoke(main, ["run", str(tmp_path / "a.md"), str(tmp_path / "b.md"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "b.md: not a regular file (a named pipe)" in result.output
    assert "1 of 2 documents processed, 1 failed" in result.output


# -- integers are integers -----------------------------------------------------------------

ENTITY = {"doc_id": "x", "type": "entity", "id": "x:entity:0", "start": 0, "end": 5, "text": "Chile", "label": "GPE", "canonical": "Chile", "title": None}


@pytest.mark.parametrize("field", ["start", "end"])
@pytest.mark.parametrize("value", [0.0, 5.0, True, False, "0", None])
def test_offsets_must_be_integers(field, value):
    rec = dict(ENTITY, **{field: value})
    assert any(m.startswith(f"{field}: ") for m in schema_errors(rec)), schema_errors(rec)
    assert grounding_errors(rec, "Chile and Peru") != []  # never skipped


def test_nested_offsets_must_be_integers():
    rec = {
        "doc_id": "x", "type": "quote", "id": "x:quote:0", "start": 0, "end": 5, "text": "Chile", "kind": "direct",
        "speakers": [], "speaker_spans": [], "cue": {"start": 6.0, "end": 9, "text": "and"},
    }  # fmt: skip
    assert grounding_errors(rec, "Chile and Peru") == ["cue: start 6.0 is not an integer offset"]
    assert schema_errors(dict(rec, cue={"start": 6, "end": 9, "text": "and"})) == []


def _forge(tmp_path, runner, change) -> Path:
    """A claimex output of a sample text whose first span record (line 2) ``change`` edits."""
    src = tmp_path / "news.txt"
    src.write_text((TEXTS / "news_summit.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(main, ["run", str(src), "-o", str(out), "-q"]).exit_code == 0
    path = out / "news.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[1])
    change(rec)
    lines[1] = json.dumps(rec)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def forged(tmp_path, runner):
    """A claimex output whose first span record has "start": <float>."""
    return _forge(tmp_path, runner, lambda rec: rec.update(start=float(rec["start"])))


def test_validate_refuses_float_offsets(runner, forged):
    result = runner.invoke(main, ["validate", str(forged)])
    assert result.exit_code == 1
    assert f"{forged}:2: start: " in result.output and "is not of type 'integer'" in result.output


def test_report_and_review_refuse_float_offsets(forged, tmp_path):
    from claimex.report import report_data
    from claimex.review import ReviewSession

    with pytest.raises(ClaimexError, match=r":2: start: .* is not of type 'integer'"):
        report_data([forged], None, None)
    with pytest.raises(ClaimexError, match=r":2: start: .* is not of type 'integer'"):
        ReviewSession(forged, reviewer="t", log_path=tmp_path / "r.review.jsonl")


def test_eval_refuses_float_offsets_with_one_line(runner, forged):
    result = runner.invoke(main, ["eval", str(forged), str(forged)])
    assert result.exit_code == 1
    assert "is not of type 'integer'" in result.output and "Traceback" not in result.output


def test_eval_checks_grounding(runner, tmp_path):
    path = _forge(tmp_path, runner, lambda rec: rec.update(text="not the source"))
    result = runner.invoke(main, ["eval", str(path), str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: text 'not the source' != source[" in result.output


# -- one-line errors for hostile input -------------------------------------------------------


def _deep(n: int) -> str:
    return '{"a": ' * n + "1" + "}" * n


@pytest.mark.parametrize("command", [["validate"], ["eval"]])
def test_deeply_nested_json_is_one_line(runner, tmp_path, command):
    path = tmp_path / "deep.jsonl"
    path.write_text(_deep(100_000) + "\n", encoding="utf-8")
    args = command + [str(path)] + ([str(path)] if command == ["eval"] else [])
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert f"{path}:1: invalid JSON (nested too deeply)" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, RecursionError)


def test_brat_offset_of_5000_digits_is_one_line(runner, tmp_path):
    (tmp_path / "b.txt").write_text("Chile and Peru.\n", encoding="utf-8")
    (tmp_path / "b.ann").write_text("T1\tGPE 0 " + "9" * 5000 + "\tChile\n", encoding="utf-8")
    for args in (["convert", str(tmp_path / "b.ann"), "-o", str(tmp_path / "conv")], ["eval", str(tmp_path / "b.ann"), str(tmp_path / "b.ann")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1
        (line,) = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
        assert "b.ann:1: malformed brat line (bad offsets" in line and len(line) < 400
        assert "Traceback" not in result.output


# -- convert: never two documents on one file ---------------------------------------------------


TIMEML = Path(__file__).resolve().parent / "data" / "timeml"


def _a_tml() -> Path:
    return min(TIMEML.glob("*.tml"))


def test_convert_same_stem_twice_errors_before_writing(runner, tmp_path):
    tml = _a_tml()
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.tml").write_bytes(tml.read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(main, ["convert", str(tmp_path / "a/x.tml"), str(tmp_path / "b/x.tml"), "-o", str(out)])
    assert result.exit_code == 1
    assert "b/x.tml: would write" in result.output and "nothing written" in result.output
    assert not out.exists()


def test_convert_folder_into_itself_never_overwrites_a_brat_text(runner, tmp_path):
    eval_data = Path(__file__).resolve().parent / "data" / "eval"
    for name in ("harbour.ann", "harbour.txt"):
        (tmp_path / name).write_bytes((eval_data / name).read_bytes())
    original = (tmp_path / "harbour.txt").read_bytes()
    (tmp_path / "harbour.tml").write_bytes(_a_tml().read_bytes())  # would write harbour.txt
    result = runner.invoke(main, ["convert", str(tmp_path), "-o", str(tmp_path)])
    assert result.exit_code == 1 and "nothing written" in result.output
    assert (tmp_path / "harbour.txt").read_bytes() == original
    (tmp_path / "harbour.tml").unlink()
    result = runner.invoke(main, ["convert", str(tmp_path), "-o", str(tmp_path)])  # brat in place: fine
    assert result.exit_code == 0, result.output
    assert (tmp_path / "harbour.txt").read_bytes() == original


def test_convert_never_overwrites_an_unrelated_text(runner, tmp_path):
    tml = _a_tml()
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{tml.stem}.txt").write_text("my own notes\n")
    result = runner.invoke(main, ["convert", str(tml), "-o", str(out)])
    assert result.exit_code == 1 and "not overwritten" in result.output
    assert (out / f"{tml.stem}.txt").read_text() == "my own notes\n"
    (out / f"{tml.stem}.txt").unlink()
    assert runner.invoke(main, ["convert", str(tml), "-o", str(out)]).exit_code == 0
    assert runner.invoke(main, ["convert", str(tml), "-o", str(out)]).exit_code == 0  # its own conversion: replaced


def test_convert_output_under_a_file(runner, tmp_path):
    (tmp_path / "afile").write_text("x")
    result = runner.invoke(main, ["convert", str(_a_tml()), "-o", str(tmp_path / "afile" / "sub")])
    assert result.exit_code == 1
    assert "is a file, not a folder" in result.output and "Traceback" not in result.output


# -- the document size limit ----------------------------------------------------------------------


def test_document_over_the_limit_is_refused_alone(pipeline):
    big = "Word " * 1_000_001  # 5,000,005 characters
    outs = list(pipeline.process([Input("big.txt", text=big, doc_id="big"), Input("ok.txt", text=GOOD, doc_id="ok")]))
    assert outs[0].error == "big.txt: document too long (5,000,005 characters; the limit is 5,000,000 characters, [ingest] max_document_chars in models/pipeline.toml)"
    assert outs[1].ok


def test_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(20_000_001)  # sparse: nothing to read, and nothing is
    with pytest.raises(InputError, match=r"huge.txt: document too long \(20,000,001 bytes; the limit is 5,000,000 characters"):
        read_bytes(path, max_chars=5_000_000)


def test_report_never_writes_over_an_output(runner, tmp_path):
    src = tmp_path / "news.txt"
    src.write_text((TEXTS / "news_summit.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(main, ["run", str(src), "-o", str(out), "-q"]).exit_code == 0
    jsonl = out / "news.jsonl"
    before = jsonl.read_bytes()
    result = runner.invoke(main, ["report", str(jsonl), "-o", str(jsonl)])
    assert result.exit_code == 1 and "not an HTML page; not overwritten" in result.output
    assert jsonl.read_bytes() == before
    page = tmp_path / "r.html"
    assert runner.invoke(main, ["report", str(jsonl), "-o", str(page)]).exit_code == 0
    assert runner.invoke(main, ["report", str(jsonl), "-o", str(page)]).exit_code == 0  # an earlier page: replaced


def test_same_stem_html_in_another_run_leaves_the_first_alone(runner, tmp_path):
    """An HTML input's extracted text is written only once the output is known
    to be this document's: b/x.html never replaces a/x.html's x.txt or x.jsonl."""
    inputs = Path(__file__).resolve().parent / "data" / "inputs"
    for sub, page in (("a", "thinktank.html"), ("b", "news.html")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.html").write_bytes((inputs / page).read_bytes())
    out = tmp_path / "out"
    assert runner.invoke(main, ["run", str(tmp_path / "a/x.html"), "-o", str(out), "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = runner.invoke(main, ["run", str(tmp_path / "b/x.html"), "-o", str(out)])
    assert result.exit_code == 1 and "holds the output of another document with the same id" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert runner.invoke(main, ["run", str(tmp_path / "a/x.html"), "-o", str(out), "-q"]).exit_code == 0  # its own: replaced
