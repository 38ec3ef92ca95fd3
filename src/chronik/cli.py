"""The `chronik` command: a thin Typer layer over the library (parse, call, render).

Exit codes: 0 when every item succeeded, 1 when some items failed (listed), 2 on usage
or store errors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from chronik import export as exporter
from chronik import stages as registry
from chronik.engines import local
from chronik.errors import ChronikError
from chronik.report import print_summary
from chronik.store import open_store

app = typer.Typer(
    help="chronik: turn many news articles into a source-attributed picture of the story.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite store file (created if missing).")]


def _fail(message: str) -> None:
    console.print(f"[red]error:[/red] {message}", soft_wrap=True, highlight=False)
    raise typer.Exit(2)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    )


def _summarise(report: local.RunReport, title: str) -> None:
    table = Table(title=title, show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("items read", str(report.read))
    table.add_row("processed", str(report.processed))
    table.add_row("unchanged (already stored)", str(report.unchanged))
    table.add_row("failed", str(len(report.errors)))
    for key, value in report.counts.items():
        table.add_row(f"store: {key}", str(value))
    table.add_row("seconds", f"{report.seconds:.1f}")
    console.print(table)
    for err in report.errors:
        console.print(f"[yellow]failed:[/yellow] {err}", highlight=False, soft_wrap=True)


def _finish(report: local.RunReport) -> None:
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def analyze(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Folders, files, globs, or - for stdin. None: finish stored work."),
    ] = None,
    db: DbOption = "chronik.db",
    stage: Annotated[
        list[str] | None, typer.Option("--stage", "-s", help="Run only these stages.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Processes for per-article stages.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per batch.")] = 32,
    engine: Annotated[
        str, typer.Option(help="local, or dask (a loopback LocalCluster).")
    ] = "local",
) -> None:
    """Read inputs, run every stage, store the results, print a summary."""
    if engine not in ("local", "dask"):
        _fail(f"unknown engine {engine!r} (known: local, dask)")
    try:
        with _progress() as bar:
            tasks: dict[str, TaskID] = {}

            def on_progress(phase: str, advance: int, total: int | None) -> None:
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase, total=total)
                bar.update(tasks[phase], advance=advance, total=total)

            run = local.analyze if engine == "local" else _dask_analyze(workers)
            extra: dict[str, Any] = {"workers": workers} if engine == "local" else {}
            report = run(
                inputs or [],
                db,
                stages=stage,
                batch_size=batch_size,
                progress=on_progress,
                **extra,
            )
    except ChronikError as exc:
        _fail(str(exc))
    _summarise(report, f"chronik analyze -> {db}")
    _finish(report)


def _dask_analyze(workers: int) -> Callable[..., local.RunReport]:
    from chronik.engines import dask as dask_engine

    return partial(dask_engine.analyze, n_workers=max(1, workers))


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Folders, files, globs, or - for stdin.")],
    db: DbOption = "chronik.db",
) -> None:
    """Read and store inputs without analysing them (`chronik analyze` finishes them)."""
    try:
        report = local.ingest(inputs, db)
    except ChronikError as exc:
        _fail(str(exc))
    _summarise(report, f"chronik ingest -> {db}")
    _finish(report)


@app.command("export")
def export_(
    what: Annotated[str, typer.Option("--what", help="Record kind: articles, mentions, ...")],
    db: DbOption = "chronik.db",
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or json.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write stored records of one kind (the stable export contract)."""
    if fmt not in exporter.FORMATS:
        _fail(f"unknown format {fmt!r} (known: {', '.join(exporter.FORMATS)})")
    if not Path(db).exists():
        _fail(f"{db}: no such database (run `chronik analyze ... --db {db}` first)")
    try:
        store = open_store(db)
        rows = exporter.rows(store, what)
        if output is None:
            n = exporter.write(rows, fmt, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                n = exporter.write(rows, fmt, out)
        store.close()
    except ChronikError as exc:
        _fail(str(exc))
    console.print(f"{n} {what} rows", style="dim")


@app.command()
def stats(db: DbOption = "chronik.db") -> None:
    """Counts of what the store holds, and the last errors."""
    if not Path(db).exists():
        _fail(f"{db}: no such database")
    try:
        store = open_store(db)
    except ChronikError as exc:
        _fail(str(exc))
    print_summary(store, f"chronik store {db}")
    store.close()


@app.command("search")
def search_(
    query: Annotated[str, typer.Argument(help="Words or a question, any language.")],
    db: DbOption = "chronik.db",
    mode: Annotated[str, typer.Option(help="hybrid, keyword or semantic.")] = "hybrid",
    lang: Annotated[str | None, typer.Option(help="Only passages in this language.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on/after.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on/before.")] = None,
    entity: Annotated[str | None, typer.Option(help="Articles mentioning this name.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    story: Annotated[str | None, typer.Option(help="Only this story id.")] = None,
    limit: Annotated[int, typer.Option(help="How many passages.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Find passages by keyword (BM25) and by meaning (cross-lingual vectors), blended."""
    import dataclasses
    import json

    from chronik.search import search

    if not Path(db).exists():
        _fail(f"{db}: no such database (run `chronik analyze ... --db {db}` first)")
    try:
        hits = search(db, query, mode=mode, lang=lang, date_from=date_from, date_to=date_to,
                      entity=entity, outlet=outlet, story=story, limit=limit)  # fmt: skip
    except ChronikError as exc:
        _fail(str(exc))
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(dataclasses.asdict(hit), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(hits)} passages for {query[:60]!r}")
    for col in ("score", "outlet", "published", "passage"):
        table.add_column(col)
    for hit in hits:
        text = " ".join(hit.text.split())
        table.add_row(f"{hit.score:.3f}", hit.outlet or "", hit.published or "", text[:200])
    Console().print(table)


@app.command("stages")
def list_stages() -> None:
    """The registered stages, with what each requires and provides."""
    table = Table(title="stages")
    for col in ("name", "kind", "requires", "provides"):
        table.add_column(col)
    for name in registry.REGISTRY:
        stage = registry.create(name)
        kind = "corpus" if registry.is_corpus_stage(stage) else "article"
        table.add_row(name, kind, ", ".join(stage.requires), ", ".join(stage.provides))
    Console().print(table)


@app.command()
def serve(
    db: DbOption = "chronik.db",
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the REST API and the web UI over the store (needs the `api` extra)."""
    try:
        import uvicorn

        from chronik.api import create_app
    except ImportError as exc:
        _fail(f"the web server needs the api extra: pip install 'chronik[api]' ({exc})")
    if not Path(db).exists():
        _fail(f"{db}: no such database (run `chronik analyze ... --db {db}` first)")
    console.print(f"chronik serving {db} on http://{host}:{port}/", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
