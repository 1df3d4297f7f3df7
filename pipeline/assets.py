"""Loading the NLP assets in ``models/``: config, lexicons and patterns.

Assets are data, never code. A *lexicon* is a JSON file holding a named list
of strings (``{"name": ..., "description": ..., "entries": [...]}``) or a
named mapping (``"map": {...}``). A *pattern file* holds named, scored regular
expressions, Presidio-style, validated when loaded: every pattern has a unique
``name``, a ``regex`` that compiles, and a ``score`` in [0, 1].

An :class:`Assets` object is created once per pipeline and passed to the
stages; it caches what it has loaded (no module-level state).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import AssetError, Errors


def default_models_dir() -> Path:
    """``$CLAIMEX_MODELS``, else the assets package ``claimex.models`` (the
    ``models/`` folder of a checkout or an editable install, the copy inside
    an installed wheel)."""
    env = os.environ.get("CLAIMEX_MODELS")
    if env:
        return Path(env)
    from . import models

    return Path(models.__file__).resolve().parent


@dataclass(frozen=True)
class Pattern:
    """A named, scored regular expression."""

    name: str
    regex: re.Pattern
    score: float
    label: str | None = None
    meta: dict | None = None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)


_FLAG_NAMES = {"IGNORECASE": re.IGNORECASE, "MULTILINE": re.MULTILINE, "VERBOSE": re.VERBOSE, "DOTALL": re.DOTALL}


class Assets:
    def __init__(self, models_dir: str | Path | None = None):
        self.dir = Path(models_dir) if models_dir is not None else default_models_dir()
        if not (self.dir / "pipeline.toml").is_file():
            raise AssetError(Errors.E042.format(path=self.dir))
        self._cache: dict[tuple[str, str], Any] = {}

    # -- config --------------------------------------------------------
    @property
    def config(self) -> dict:
        key = ("config", "pipeline.toml")
        if key not in self._cache:
            path = self.dir / "pipeline.toml"
            try:
                self._cache[key] = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise AssetError(Errors.E040.format(path=path, reason=exc)) from None
        return self._cache[key]

    # -- lexicons ------------------------------------------------------
    def _json(self, rel: str) -> dict:
        path = self.dir / rel
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise AssetError(Errors.E040.format(path=path, reason="file not found")) from None
        except json.JSONDecodeError as exc:
            raise AssetError(Errors.E040.format(path=path, reason=f"invalid JSON: {exc.msg} at line {exc.lineno}")) from None
        if not isinstance(data, dict):
            raise AssetError(Errors.E040.format(path=path, reason="expected a JSON object"))
        return data

    def read_json(self, rel: str) -> dict:
        """The JSON object in ``models/<rel>`` (an error naming the file if it is not one)."""
        return self._json(rel)

    def lexicon(self, name: str) -> tuple[str, ...]:
        """The entries of ``models/lexicons/<name>.json``, in file order."""
        key = ("lexicon", name)
        if key not in self._cache:
            rel = f"lexicons/{name}.json"
            data = self._json(rel)
            entries = data.get("entries")
            if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
                raise AssetError(Errors.E040.format(path=self.dir / rel, reason="'entries' must be a list of non-empty strings"))
            self._cache[key] = tuple(entries)
        return self._cache[key]

    def lexicon_set(self, name: str, *, lower: bool = True) -> frozenset[str]:
        key = ("lexicon_set", f"{name}:{lower}")
        if key not in self._cache:
            ents = self.lexicon(name)
            self._cache[key] = frozenset(e.lower() for e in ents) if lower else frozenset(ents)
        return self._cache[key]

    def mapping(self, name: str) -> dict[str, Any]:
        """The ``map`` of ``models/lexicons/<name>.json``."""
        key = ("mapping", name)
        if key not in self._cache:
            rel = f"lexicons/{name}.json"
            data = self._json(rel)
            mp = data.get("map")
            if not isinstance(mp, dict):
                raise AssetError(Errors.E040.format(path=self.dir / rel, reason="'map' must be a JSON object"))
            self._cache[key] = mp
        return self._cache[key]

    # -- things built from the assets ------------------------------------
    def memo(self, key: str, build):
        """``build()`` once per Assets object and ``key``, then the kept result.

        For objects compiled from the lexicons (a spaCy Matcher over one
        model's vocab, a lookup table) that must not be rebuilt per document.
        """
        k = ("memo", key)
        if k not in self._cache:
            self._cache[k] = build()
        return self._cache[k]

    # -- patterns ------------------------------------------------------
    def _lexicon_define(self, value):
        """A define written ``@lexicon_name``: an alternation of that lexicon's
        words (its map keys or entries), longest first, escaped, any run of
        spaces matching any whitespace. Other defines are returned as they are."""
        if not (isinstance(value, str) and value.startswith("@")):
            return value
        name = value[1:]
        try:
            words = list(self.mapping(name))
        except AssetError:
            words = list(self.lexicon(name))
        alts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=lambda a: (-len(a), a))
        return "(?:" + "|".join(alts) + ")"

    def patterns(self, name: str) -> tuple[Pattern, ...]:
        """The validated patterns of ``models/patterns/<name>.json``.

        ``{"defines": {"NAME": "regex part" or "@lexicon_name", ...}, "patterns": [{"name", "regex",
        "score", "label"?, "flags"?: [...], ...}]}``: ``{NAME}`` in a regex is
        replaced by that define, so shared parts are written once.
        """
        key = ("patterns", name)
        if key in self._cache:
            return self._cache[key]
        rel = f"patterns/{name}.json"
        path = self.dir / rel
        data = self._json(rel)
        defines = {k: self._lexicon_define(v) for k, v in data.get("defines", {}).items()}
        raw = data.get("patterns")
        if not isinstance(raw, list) or not raw:
            raise AssetError(Errors.E040.format(path=path, reason="'patterns' must be a non-empty list"))
        out, seen = [], set()
        for i, p in enumerate(raw):
            pname = p.get("name") if isinstance(p, dict) else None
            if not isinstance(pname, str) or not pname:
                raise AssetError(Errors.E041.format(path=path, name=f"#{i}", reason="missing 'name'"))
            if pname in seen:
                raise AssetError(Errors.E041.format(path=path, name=pname, reason="duplicate name"))
            seen.add(pname)
            score = p.get("score")
            if not isinstance(score, (int, float)) or not 0.0 <= score <= 1.0:
                raise AssetError(Errors.E041.format(path=path, name=pname, reason=f"score {score!r} not in [0, 1]"))
            regex = p.get("regex")
            if not isinstance(regex, str) or not regex:
                raise AssetError(Errors.E041.format(path=path, name=pname, reason="missing 'regex'"))
            regex = expand_defines(regex, defines, path, pname)
            flags = 0
            for f in p.get("flags", []):
                if f not in _FLAG_NAMES:
                    raise AssetError(Errors.E041.format(path=path, name=pname, reason=f"unknown flag {f!r}"))
                flags |= _FLAG_NAMES[f]
            try:
                compiled = re.compile(regex, flags)
            except re.error as exc:
                raise AssetError(Errors.E041.format(path=path, name=pname, reason=f"regex does not compile: {exc}")) from None
            meta = {k: v for k, v in p.items() if k not in ("name", "regex", "score", "label", "flags")}
            out.append(Pattern(pname, compiled, float(score), p.get("label"), meta or None))
        self._cache[key] = tuple(out)
        return self._cache[key]


_DEFINE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def expand_defines(regex: str, defines: dict, path: Path, pname: str, depth: int = 0) -> str:
    if depth > 10:
        raise AssetError(Errors.E041.format(path=path, name=pname, reason="defines nest too deeply"))

    def sub(m: re.Match) -> str:
        key = m.group(1)
        if key not in defines:
            raise AssetError(Errors.E041.format(path=path, name=pname, reason=f"unknown define {{{key}}}"))
        return expand_defines(defines[key], defines, path, pname, depth + 1)

    return _DEFINE.sub(sub, regex)
