"""Dates at the edges: publication dates near the ends of the calendar, no
publication date at all, and the rule that made each date record."""

from __future__ import annotations

import pytest

TEXT = "The council met yesterday and meets again next month, in March and on Monday; a decade from now it will be gone."


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_dates_beyond_the_calendar_are_unresolved_not_a_crash(pipeline, published):
    recs = pipeline.process_text(TEXT, doc_id="edge", published=published)
    values = {r["text"]: r["value"] for r in recs if r["type"] == "date"}
    assert set(values) == {"yesterday", "next month", "March", "Monday", "a decade"}
    if published.startswith("9999"):
        assert values["yesterday"] == "9999-12-30"
        assert values["next month"] == "XXXX-XX"  # the shape of the value, every digit an X
    else:
        assert values["yesterday"] == "XXXX-XX-XX"
        assert values["next month"] == "0001-02"


def test_relative_dates_without_publication_date_warn_once(pipeline):
    from claimex.stages import Input

    (out,) = pipeline.process([Input("nodate.txt", text=TEXT, doc_id="nodate")])
    warns = [w for w in out.doc.warnings if "no publication date" in w]
    assert len(warns) == 1 and "'yesterday'" in warns[0]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed on 3 March 2021 and lasted for two years.",  # full dates and durations need no DCT
        "Nothing here is a date.",
    ],
)
def test_no_warning_when_nothing_depends_on_the_publication_date(pipeline, text):
    from claimex.stages import Input

    (out,) = pipeline.process([Input("nodate.txt", text=text, doc_id="nodate")])
    assert not [w for w in out.doc.warnings if "publication date" in w]


def test_date_records_name_their_rule(records_of, assets):
    names = {p.name for p in assets.patterns("dates")}
    dates = records_of("On 3 March 2021 the council met; a week later it met again.", published="2021-06-01")["date"]
    assert [d["rule"] for d in dates][:1] == ["date/date_dmy"]
    assert all(d["rule"].split("/", 1)[1] in names for d in dates)


@pytest.mark.parametrize("published,warning", [(None, "no publication date"), ("9999-12-31", "beyond the years 1-9999")])
def test_cli_warns_once_naming_the_document(tmp_path, published, warning):
    from click.testing import CliRunner

    from claimex.cli import main

    src = tmp_path / "undated.txt"
    src.write_text("Council notes\n\n" + TEXT + "\n", encoding="utf-8")
    args = ["run", str(src), "-o", str(tmp_path / "out")] + (["--published", published] if published else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if warning in ln]
    assert len(lines) == 1 and lines[0].startswith("Warning: ") and "undated.txt" in lines[0]
