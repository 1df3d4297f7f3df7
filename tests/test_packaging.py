"""The wheel must carry every subpackage of pipeline/ and the models/ assets."""

from __future__ import annotations

import tomllib

from .conftest import ROOT


def test_every_subpackage_is_packaged():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(cfg["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py") if "__pycache__" not in p.parts
    }
    assert on_disk <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert cfg["package-dir"]["claimex_models"] == "models"


def test_models_dir_has_the_config():
    assert (ROOT / "models" / "pipeline.toml").is_file()
    assert (ROOT / "models" / "README.md").is_file()
