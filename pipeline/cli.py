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
