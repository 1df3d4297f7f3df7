"""The Python API: claimex.extract, claimex.Pipeline, the spaCy component, and the
README's Python examples (run as they are written)."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

README_BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("n", range(len(README_BLOCKS)))
def test_readme_python_examples_run(n, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(README_BLOCKS[n], f"README.md python block {n + 1}", "exec"), {"__name__": "__readme__"})


def test_readme_has_the_api_examples():
    joined = "\n".join(README_BLOCKS)
    assert "claimex.extract(" in joined and "claimex.Pipeline(" in joined and 'nlp.add_pipe("claimex"' in joined


def test_extract_is_the_jsonl_of_claimex_run(pipeline):
    import claimex
    from claimex.api import default_pipeline

    text = "Ministers from Chile and Peru met in Lima on 3 May 2024. They said the talks should continue next year."
    default_pipeline()._nlp = pipeline.nlp  # share the loaded model
    recs = claimex.extract(text, published="2024-05-10", doc_id="lima")
    assert recs == pipeline.process_text(text, doc_id="lima", published="2024-05-10")
    assert [r["type"] for r in recs][0] == "document" and {"entity", "date", "recommendation"} <= {r["type"] for r in recs}
    for r in recs[1:]:
        assert text[r["start"] : r["end"]] == r["text"]


def test_extract_rejects_bad_arguments_clearly():
    import claimex
    from claimex.errors import ClaimexError

    with pytest.raises(ClaimexError, match="invalid --published date 'May 2024'"):
        claimex.extract("Talks resumed.", published="May 2024")
    with pytest.raises(ClaimexError, match="invalid --doc-id"):
        claimex.extract("Talks resumed.", doc_id="a/b")
    with pytest.raises(ClaimexError, match="expected text"):
        claimex.extract(b"bytes")


def test_claimex_extract_is_the_api_whatever_was_imported_first():
    """`claimex.extract` is the API function, also after the extract stage (`claimex.extractors`) is imported."""
    import claimex
    import claimex.api
    import claimex.extractors  # noqa: F401 - the stage package must not shadow the API name

    assert claimex.extract is claimex.api.extract


def test_pipeline_batch_goes_on_after_a_bad_document(pipeline):
    from claimex.api import Pipeline

    lib = Pipeline(nlp=pipeline.nlp, assets=pipeline.assets)
    results = list(lib.pipe(["The council should act.", "   ", ("Talks resumed.", {"doc_id": "t"})]))
    assert [r.doc_id for r in results] == ["doc-1", "doc-2", "t"]
    assert [r.ok for r in results] == [True, False, True]
    assert "only whitespace" in results[1].error and results[1].records is None


def test_spacy_component_sets_the_extensions(pipeline):
    import spacy

    nlp = pipeline.nlp
    added = nlp.add_pipe("claimex", config={"published": "2024-03-01"})
    try:
        text = "Prime Minister Jane Doe said on Monday that the alliance must act. Europe should raise defence spending."
        doc = nlp(text)
        assert [r["text"] for r in doc._.recommendations] == ["the alliance must act", "Europe should raise defence spending"]
        assert [r["value"] for r in doc._.dates] == ["2024-02-26"]
        assert "Jane Doe" in [r["text"] for r in doc._.entities]
        assert doc._.claimex[0]["type"] == "document" and isinstance(doc._.quotes, list)
        for ext in ("entities", "dates", "quotes", "recommendations"):
            for r in getattr(doc._, ext):
                assert doc.text[r["start"] : r["end"]] == r["text"]
        empty, short = nlp.pipe(["", "The EU should act."])
        assert empty._.recommendations == [] and len(short._.recommendations) == 1
        # the records are those of claimex.extract on the same text
        assert doc._.claimex == pipeline.process_text(text, doc_id="doc", published="2024-03-01")
        assert added.name == "claimex" and "claimex" in nlp.pipe_names
    finally:
        nlp.remove_pipe("claimex")
    # a blank pipeline gets claimex's own model
    blank = spacy.blank("en")
    comp = blank.add_pipe("claimex")
    comp._pipeline = type(comp.pipeline)(nlp=pipeline.nlp, assets=pipeline.assets)
    assert len(blank("The EU should act.")._.recommendations) == 1


def test_the_factory_is_registered_through_the_entry_point():
    from importlib.metadata import entry_points

    (ep,) = [e for e in entry_points(group="spacy_factories") if e.name == "claimex"]
    assert ep.value == "claimex.component:make_claimex"


def test_import_claimex_is_light():
    """`import claimex` loads neither spaCy nor the input libraries."""
    import subprocess
    import sys

    code = "import sys, claimex; print(sorted(m for m in ('spacy', 'trafilatura', 'pdfminer', 'docx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True).stdout
    assert out.strip() == "[]"


def test_library_text_is_never_converted(pipeline):
    """Text given to the library (extract, pipe, the spaCy component) is the source as it is,
    even when it looks like HTML: offsets always point into the text given."""
    html = "<div><p>The council should act.</p><p>It met.</p><p>Then.</p><p>Now.</p></div>"
    recs = pipeline.process_text(html, doc_id="h")
    assert "original" not in recs[0]
    for r in recs[1:]:
        assert html[r["start"] : r["end"]] == r["text"]
