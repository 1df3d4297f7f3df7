"""The built wheel, installed into a fresh venv outside the checkout, runs on a
.md, an .html, a .pdf and a .docx commentary, and every output validates.

Slow (it builds the wheel and installs claimex with its dependencies and the
spaCy model from the package index), so it runs in CI (`.ci/run` sets
CLAIMEX_WHEEL_TEST=1) or when asked: `CLAIMEX_WHEEL_TEST=1 pytest -m wheel`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from . import fixtures_docs as fx
from .conftest import ROOT, SEED

pytestmark = [
    pytest.mark.wheel,
    pytest.mark.skipif(os.environ.get("CLAIMEX_WHEEL_TEST") != "1", reason="builds and installs the wheel: set CLAIMEX_WHEEL_TEST=1 (CI does)"),
]


def sh(*args, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CLAIMEX_MODELS")}
    res = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert res.returncode == 0, f"{' '.join(map(str, args))} exited {res.returncode}:\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}"
    return res


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(venv bin folder, a working folder outside the checkout) with the wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    assert ROOT not in work.resolve().parents
    dist = work / "dist"
    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT, cwd=work)
    (wheel,) = dist.glob("claimex-*.whl")
    sh(sys.executable, "-m", "venv", work / "venv", cwd=work)
    bin_ = work / "venv" / "bin"
    sh(bin_ / "python", "-m", "pip", "install", "--quiet", wheel, cwd=work)
    return bin_, work


def test_installed_wheel_runs_on_every_input_format(installed):
    bin_, work = installed
    src = work / "samples"
    src.mkdir()
    shutil.copy(SEED, src / "commentary.md")
    shutil.copy(ROOT / "tests" / "data" / "inputs" / "thinktank.html", src / "page.html")
    fx.make_pdf(src / "brief.pdf", columns=2)
    fx.make_docx(src / "memo.docx")
    sh(bin_ / "claimex", "run", "samples", "-o", "out", cwd=work)
    outputs = sorted((work / "out").glob("*.jsonl"))
    assert [p.stem for p in outputs] == ["brief", "commentary", "memo", "page"]
    res = sh(bin_ / "claimex", "validate", *outputs, cwd=work)
    assert res.stdout.count("grounded against") == 4, res.stdout


def test_installed_package_is_claimex_and_nothing_imports_pipeline(installed):
    bin_, work = installed
    code = (
        "import importlib.util, claimex, spacy;"
        "assert importlib.util.find_spec('pipeline') is None, 'a top-level pipeline package is installed';"
        "assert 'site-packages' in claimex.__file__;"
        "recs = claimex.extract('The council should publish its budget.');"
        "assert recs[-1]['type'] == 'recommendation';"
        "nlp = spacy.blank('en'); nlp.add_pipe('claimex');"
        "print(len(nlp('The EU should act.')._.recommendations))"
    )
    assert sh(bin_ / "python", "-c", code, cwd=work).stdout.strip() == "1"
