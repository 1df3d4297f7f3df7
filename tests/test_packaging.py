"""The wheel must carry every subpackage of pipeline/ and the models/ assets."""

from __future__ import annotations

import tomllib

from .conftest import ROOT


def test_every_subpackage_is_packaged():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(cfg["packages"])
    on_disk = {
        ".".join(("claimex", *p.parent.relative_to(ROOT / "pipeline").parts))
        for p in (ROOT / "pipeline").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert on_disk <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert cfg["package-dir"] == {"claimex": "pipeline", "claimex.models": "models"}


def test_no_top_level_pipeline_import_left():
    """The import package is `claimex`; a user's own `pipeline/` folder must never be shadowed or needed."""
    import re

    pat = re.compile(r"^\s*(from|import)\s+pipeline\b", re.M)
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("pipeline", "tests", "benchmarks", "corpus")
        for p in (ROOT / folder).rglob("*.py")
        if pat.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_models_resolve_to_the_assets_package():
    import claimex.models
    from claimex.assets import default_models_dir

    assert (default_models_dir() / "pipeline.toml").is_file()
    assert default_models_dir() == (ROOT / "models").resolve() or "site-packages" in str(claimex.models.__file__)


def test_models_dir_has_the_config():
    assert (ROOT / "models" / "pipeline.toml").is_file()
    assert (ROOT / "models" / "README.md").is_file()
