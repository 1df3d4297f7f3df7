"""HTML, PDF and DOCX inputs: main text only, metadata, PDF layout, and grounding
in the extracted text written next to the output."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import main
from claimex.errors import InputError
from claimex.inputs import convert, detect_format, looks_like_html, split_authors

from . import fixtures_docs as fx

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


def blocks_of(text: str) -> list[str]:
    return [b.strip() for b in text.split("\n\n") if b.strip()]


# -- HTML ------------------------------------------------------------------------

# page -> (title, authors, published, a sentence of the body, boilerplate that must be gone)
PAGES = {
    "thinktank.html": (
        "Why the Baltic Grid Deal Matters", ["Marta Kowalczyk", "Jonas Petraitis"], "2023-10-12",
        "Brussels must not treat the deal as the end of the story.",
        ["cookies", "Support our work", "Search the site", "Related commentary", "weekly briefing", "All rights reserved",
         "Share on", "dataLayer", "Privacy policy", "Read more", "Topics:", "Home"],
    ),
    "news.html": (
        "Ministers agree to review export controls", ["Sofia Almeida"], "2024-06-03",
        "The ministers are due to meet again in September.",
        ["cookies", "Allow all", "Sign in", "Most read", "Comments", "terrible idea", "Advertisement", "Photo: Agency",
         "WhatsApp", "Copyright", "querySelectorAll", "Business"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("page", sorted(PAGES))
def test_html_main_text_and_metadata(page):
    title, authors, published, sentence, boilerplate = PAGES[page]
    ex = convert((INPUTS / page).read_bytes(), "html", page)
    assert (ex.title, ex.authors, ex.published) == (title, authors, published)
    assert sentence in ex.text
    for junk in boilerplate:
        assert junk not in ex.text, junk
    # the header lines claimex's header patterns read, then the body
    head = blocks_of(ex.text)[:3]
    assert head[0] == f"# {title}" and head[1].startswith("By ") and re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", head[2])


@pytest.mark.parametrize(
    "text, is_html",
    [
        ("<!DOCTYPE html><html><body><p>Text</p></body></html>", True),
        ("  \n<html lang='en'><p>Text</p>", True),
        ("<div><p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p></div>", True),
        # near misses: markdown or text with a few inline tags is plain text
        ("# Title\n\nA footnote<sup>1</sup> and a line<br> break.\n\nThe <b>end</b>.", False),
        ("Compare x < y and y > z in the <model> notation.", False),
    ],
)
def test_html_detection(text, is_html):
    assert looks_like_html(text) is is_html
    assert (detect_format(".txt", text.encode()) == "html") is is_html


def test_detection_by_suffix_and_magic_bytes():
    assert detect_format(".PDF", b"") == "pdf" and detect_format(".htm", b"") == "html" and detect_format(".docx", b"") == "docx"
    assert detect_format(".txt", b"%PDF-1.7 ...") == "pdf"
    assert detect_format("", b"PK\x03\x04....[Content_Types].xml word/document.xml") == "docx"
    assert detect_format(".md", b"# A heading\n\nPlain text.") is None


@pytest.mark.parametrize(
    "value, names",
    [
        ("Marta Kowalczyk; Jonas Petraitis", ["Marta Kowalczyk", "Jonas Petraitis"]),
        ("Anna Berg, Tomas Lind and Eva Holm", ["Anna Berg", "Tomas Lind", "Eva Holm"]),
        ("editor@example.org", []),
        ("Admin", []),
        (None, []),
    ],
)
def test_split_authors(value, names):
    assert split_authors(value) == names


def test_an_html_fragment_is_read_whole():
    ex = convert(b"<p>The council should publish its budget.</p><p>It met on Monday.</p>", "html", "frag")
    assert "The council should publish its budget." in ex.text and "It met on Monday." in ex.text


# -- PDF ----------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[1, 2], ids=["one-column", "two-column"])
def pdf(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / f"brief-{request.param}col.pdf"
    info = fx.make_pdf(path, columns=request.param, page_numbers="Page {n}" if request.param == 1 else "{n}")
    return info, convert(path.read_bytes(), "pdf", path.name)


def test_pdf_fixture_exercises_the_layout(pdf):
    info, _ = pdf
    assert info.pages >= 2 and info.hyphenated and info.split_paragraphs


def test_pdf_body_in_reading_order_with_paragraphs_whole(pdf):
    """Every paragraph comes back whole and in order: columns read left then right,
    hyphenated words rejoined, paragraphs cut by a column or page break joined."""
    _, ex = pdf
    blocks = blocks_of(ex.text)
    start = blocks.index(fx.DATE_LINE) + 1
    assert blocks[start : start + len(fx.BODY)] == [fx.body_text(p) for p in fx.BODY]


def test_pdf_header_title_and_footnotes(pdf):
    info, ex = pdf
    blocks = blocks_of(ex.text)
    assert blocks[:3] == [f"# {fx.TITLE}", "By " + " and ".join(fx.AUTHORS), fx.DATE_LINE]
    assert ex.title == fx.TITLE and ex.authors == fx.AUTHORS
    assert blocks[-3:] == ["## Notes"] + [f"[{n}] {t}" for n, t in sorted(fx.FOOTNOTES.items())]
    for word in info.hyphenated:
        assert word in ex.text
    # running headers and page numbers are gone
    assert fx.RUNNING_HEADER not in ex.text and "Policy Brief" not in ex.text
    assert not any(re.fullmatch(r"(?:Page )?\d+", b) for b in blocks)


def test_a_damaged_pdf_is_one_clear_error():
    with pytest.raises(InputError, match=r"x\.pdf: not a readable PDF"):
        convert(b"%PDF-1.4\nthis is not really a PDF\n", "pdf", "x.pdf")


# -- DOCX -----------------------------------------------------------------------------


def test_docx_body_headings_and_lists(tmp_path):
    ex = convert(fx.make_docx(tmp_path / "note.docx").read_bytes(), "docx", "note.docx")
    blocks = blocks_of(ex.text)
    assert blocks[:4] == [f"# {fx.TITLE}", "By " + " and ".join(fx.AUTHORS), fx.DATE_LINE, "## The dispute"]
    assert "## What should be done" in blocks and blocks[-1] == "- Share vessel monitoring data"
    assert fx.RUNNING_HEADER not in ex.text and "Page 1" not in ex.text  # page header and footer are not body
    assert ex.authors == fx.AUTHORS


def test_a_damaged_docx_is_one_clear_error():
    with pytest.raises(InputError, match=r"x\.docx: not a readable DOCX"):
        convert(b"PK\x03\x04 not a zip", "docx", "x.docx")


# -- through the CLI: grounding in the extracted text ---------------------------------------------


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory):
    """One `claimex run` over a folder with an .html, a .pdf, a .docx, HTML saved as .txt, and a .md."""
    src = tmp_path_factory.mktemp("in")
    (src / "page.html").write_bytes((INPUTS / "thinktank.html").read_bytes())
    (src / "saved.txt").write_bytes((INPUTS / "news.html").read_bytes())
    fx.make_pdf(src / "brief.pdf", columns=2)
    fx.make_docx(src / "note.docx")
    (src / "plain.md").write_text("# A Note\n\nThe council should publish its budget before May.\n", encoding="utf-8")
    out = src.parent / (src.name + "-out")
    result = CliRunner().invoke(main, ["run", str(src), "-o", str(out)])
    return src, out, result


def test_run_converts_and_grounds_every_format(run_folder):
    src, out, result = run_folder
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "brief.jsonl", "brief.txt", "note.jsonl", "note.txt", "page.jsonl", "page.txt", "plain.jsonl", "saved.jsonl", "saved.txt",
    ]  # fmt: skip
    assert "saved.txt: looks like HTML, not plain text" in result.output
    for name, fmt in (("page", "html"), ("brief", "pdf"), ("note", "docx"), ("saved", "html")):
        doc = json.loads((out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[0])
        text_file = out / f"{name}.txt"
        assert Path(doc["source"]).resolve() == text_file.resolve()
        assert doc["sha256"] == hashlib.sha256(text_file.read_bytes()).hexdigest()
        original = next(src.glob(f"{name}.*"))
        assert doc["original"]["format"] == fmt and Path(doc["original"]["path"]).resolve() == original.resolve()
        assert doc["original"]["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
        assert doc["original"]["extractor"].split()[0] in ("trafilatura", "pdfminer.six", "python-docx")
    plain = json.loads((out / "plain.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert "original" not in plain and Path(plain["source"]).resolve() == (src / "plain.md").resolve()
    check = CliRunner().invoke(main, ["validate", *map(str, sorted(out.glob("*.jsonl")))])
    assert check.exit_code == 0, check.output
    assert check.output.count("grounded against") == 5


def test_pdf_metadata_reaches_the_document_record(run_folder):
    _, out, _ = run_folder
    doc = json.loads((out / "brief.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (doc["title"], doc["authors"], doc["published"]) == (fx.TITLE, fx.AUTHORS, "2024-03-05")


def test_extracted_text_is_never_written_over_a_foreign_file(run_folder, tmp_path):
    src, out, _ = run_folder
    runner = CliRunner()
    # a rerun replaces claimex's own extracted text
    again = runner.invoke(main, ["run", str(src / "page.html"), "-o", str(out), "-q"])
    assert again.exit_code == 0, again.output
    # a file of the same name that claimex did not write is kept
    (tmp_path / "page.txt").write_text("my notes", encoding="utf-8")
    res = runner.invoke(main, ["run", str(src / "page.html"), "-o", str(tmp_path)])
    assert res.exit_code == 1 and "page.txt: exists and is not claimex's extracted text" in res.output
    assert (tmp_path / "page.txt").read_text(encoding="utf-8") == "my notes"
    assert not (tmp_path / "page.jsonl").exists()
    # the input itself is never overwritten
    res = runner.invoke(main, ["run", str(src / "saved.txt"), "-o", str(src)])
    assert res.exit_code == 1 and "would overwrite the input itself" in res.output
    assert (src / "saved.txt").read_bytes() == (INPUTS / "news.html").read_bytes()


def test_converted_input_to_stdout_needs_a_folder_but_stdin_html_streams(run_folder):
    src, _, _ = run_folder
    runner = CliRunner()
    res = runner.invoke(main, ["run", str(src / "note.docx"), "-o", "-"])
    assert res.exit_code == 1 and "DOCX input needs an output folder" in res.output
    res = runner.invoke(main, ["run", "-", "-o", "-"], input=(INPUTS / "news.html").read_bytes())
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout.splitlines()[0])
    assert doc["title"] == "Ministers agree to review export controls" and doc["original"]["path"] == "<stdin>"
    assert "<stdin>: looks like HTML" in res.stderr


def test_library_read_gives_the_extracted_text(pipeline, run_folder):
    from claimex.api import Pipeline

    src, _, _ = run_folder
    lib = Pipeline(nlp=pipeline.nlp, assets=pipeline.assets)
    (res,) = list(lib.read([src / "note.docx"]))
    assert res.ok and res.text.startswith(f"# {fx.TITLE}")
    for rec in res.records[1:]:
        assert res.text[rec["start"] : rec["end"]] == rec["text"]
