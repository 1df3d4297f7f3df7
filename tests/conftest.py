"""Shared fixtures: one Assets object and one loaded pipeline per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimex.assets import Assets

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "ajiss-297.md"
TEXTS = Path(__file__).resolve().parent / "data" / "texts"
REVIEW_DATA = Path(__file__).resolve().parent / "data" / "review"


@pytest.fixture(scope="session")
def assets() -> Assets:
    return Assets()


@pytest.fixture(scope="session")
def pipeline(assets):
    """The real pipeline with the real spaCy model (loaded once)."""
    from claimex.stages import Pipeline

    p = Pipeline(assets=assets)
    p.nlp  # noqa: B018 - load now so the first test is not the slow one
    return p


@pytest.fixture(scope="session")
def records_of(pipeline):
    """records_of(text, published=None, doc_id="t") -> {type: [records]}."""
    cache: dict = {}

    def run(text: str, published: str | None = None, doc_id: str = "t") -> dict[str, list[dict]]:
        key = (text, published, doc_id)
        if key not in cache:
            recs = pipeline.process_text(text, doc_id=doc_id, published=published)
            by_type: dict[str, list[dict]] = {}
            for r in recs:
                by_type.setdefault(r["type"], []).append(r)
            cache[key] = by_type
        return cache[key]

    return run


@pytest.fixture()
def data_dir(tmp_path) -> Path:
    """The report/review fixtures (sources beside their JSONL) copied to a temporary folder."""
    import shutil

    for f in REVIEW_DATA.iterdir():
        if f.suffix in (".md", ".jsonl"):
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


@pytest.fixture()
def outs(tmp_path) -> Path:
    """A folder of two outputs (emoji, harbour) with their sources."""
    d = tmp_path / "outputs"
    d.mkdir()
    for name in ("emoji.md", "emoji.jsonl", "harbour.md", "harbour.jsonl"):
        shutil.copy(REVIEW_DATA / name, d / name)
    return d
