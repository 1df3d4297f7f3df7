"""No function of the project has a cyclomatic complexity above 20, as radon measures it.

`ruff check` (run by `make test`) enforces the same limit with its mccabe rule (C901,
`max-complexity = 20` in pyproject.toml); radon, the measure issue 15 was written
with, also counts boolean operators and comprehensions, so it is the stricter of the
two. The files ruff's configuration leaves out (`[tool.ruff] extend-exclude`) are
left out here too: one list to shrink.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity", reason="radon is in the test extra (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 20
FOLDERS = ("pipeline", "models", "benchmarks", "tests", "corpus")


def _excluded() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        ruff = tomllib.load(f).get("tool", {}).get("ruff", {})
    return list(ruff.get("extend-exclude", []))


def _files() -> list[Path]:
    patterns = _excluded()
    out = []
    for folder in FOLDERS:
        for p in sorted((ROOT / folder).rglob("*.py")):
            rel = p.relative_to(ROOT).as_posix()
            if not any(fnmatch.fnmatch(rel, pat) for pat in patterns):
                out.append(p)
    return out


def too_complex(source: str, where: str, limit: int = LIMIT) -> list[str]:
    """`where:line name complexity` of every function, method and closure of ``source`` above ``limit``."""
    found = []
    stack = [b for b in radon_complexity.cc_visit(source) if hasattr(b, "closures")]  # functions and methods
    while stack:
        block = stack.pop()
        stack.extend(block.closures)
        if block.complexity > limit:
            name = f"{block.classname}.{block.name}" if block.classname else block.name
            found.append(f"{where}:{block.lineno} {name} {block.complexity}")
    return sorted(found)


def test_no_function_is_more_complex_than_the_limit():
    files = _files()
    assert len(files) > 50
    found = [hit for p in files for hit in too_complex(p.read_text(encoding="utf-8"), p.relative_to(ROOT).as_posix())]
    assert not found, f"cyclomatic complexity above {LIMIT} (split the function along its steps): " + "; ".join(found)


def _branches(n: int) -> str:
    return "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(n)) + "    return -1\n"


def test_the_check_sees_functions_methods_and_closures():
    assert too_complex(_branches(19), "a.py") == []  # 20: at the limit
    assert too_complex(_branches(20), "a.py") == ["a.py:1 f 21"]
    method = "class K:\n" + "".join("    " + line + "\n" for line in _branches(20).splitlines())
    assert too_complex(method, "k.py") == ["k.py:2 K.f 21"]
    closure = "def outer():\n" + "".join("    " + line + "\n" for line in _branches(25).splitlines()) + "    return f\n"
    assert too_complex(closure, "c.py") == ["c.py:2 f 26"]


def test_the_temporary_exclusions_are_files_that_exist():
    """The exclude list names files (being edited on other branches), not folders or stale paths."""
    for pat in _excluded():
        assert (ROOT / pat).is_file(), pat
