"""Store commands: ingest, reprocess, export, search, show, stats, demo."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Any, Iterator

import click

from .. import library
from ..engines.embedded import IngestSummary, Progress
from ..model import RECORD_KINDS
from ..report.export import FORMATS, export_records
from .common import (CliError, config_option, db_option, echo_json, handle_errors,
                     settings_from)


@contextmanager
def _progress(label: str, enabled: bool) -> Iterator[Progress | None]:
    """A rich progress line on a terminal; nothing when output is piped (CI, scripts)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress as RichProgress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with RichProgress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(s: IngestSummary) -> None:
            bar.update(task, description=f"{label}: {s.seen} inputs, {s.stored + s.updated} stored,"
                                         f" {s.rejected} rejected")

        yield update


def summary_lines(s: IngestSummary, verb: str = "Stored") -> list[str]:
    n = s.stored if verb == "Stored" else s.updated
    extra = []
    if s.duplicates:
        extra.append(f"{s.duplicates} duplicate text{'s' if s.duplicates != 1 else ''}")
    if s.non_german:
        extra.append(f"{s.non_german} not German")
    lines = [f"{verb} {n} article{'s' if n != 1 else ''}" + (f" ({', '.join(extra)})" if extra else "")
             + f" in {s.seconds:.1f} s."]
    if s.unchanged:
        lines.append(f"Unchanged (already stored): {s.unchanged}.")
    if s.rejected:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(s.reasons.items()))
        lines.append(f"Rejected {s.rejected} input{'s' if s.rejected != 1 else ''} ({reasons});"
                     " see `lagebild export rejections`.")
    if s.rejected_before:
        lines.append(f"Rejected earlier, skipped: {s.rejected_before}.")
    return lines


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@config_option
@click.option("--workers", type=click.IntRange(0, 64), default=None,
              help="Worker processes (default: [ingest] workers; 0 = one per core).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--progress/--no-progress", default=True, help="Show a progress line on a terminal.")
@handle_errors
def ingest(paths: tuple[str, ...], db: str | None, config: str | None, workers: int | None,
           as_json: bool, progress: bool) -> None:
    """Read files, folders (recursively) or `-` (stdin) into the store.

    Plain text, HTML, JSONL (one article a line), WARC and RSS/Atom are read. Inputs that
    cannot be used are stored as rejections with a reason; the command still exits 0.
    Inputs already stored are skipped without work.
    """
    settings = settings_from(config)
    with _progress("Ingesting", progress) as cb:
        summary = library.ingest(list(paths), db=db, settings=settings, progress=cb,
                                 workers=workers)
    if as_json:
        echo_json(summary.to_dict())
    else:
        for line in summary_lines(summary):
            click.echo(line)


@click.command()
@db_option
@config_option
@click.option("--workers", type=click.IntRange(0, 64), default=None, help="Worker processes.")
@handle_errors
def reprocess(db: str | None, config: str | None, workers: int | None) -> None:
    """Run the stages again over every stored raw input (after a rule, pack or code change).

    Records are updated in place and carry the new pipeline_version.
    """
    settings = settings_from(config)
    with _progress("Reprocessing", True) as cb:
        summary = library.reprocess(db, settings, progress=cb, workers=workers)
    for line in summary_lines(summary, verb="Reprocessed"):
        click.echo(line)


@click.command()
@click.argument("record", type=click.Choice(RECORD_KINDS))
@db_option
@config_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Output format; CSV/Parquet flatten nested fields into dotted columns.")
@click.option("-o", "--output", "output", metavar="FILE", default=None,
              help="Output file (default: stdout; Parquet needs a file).")
@handle_errors
def export(record: str, db: str | None, config: str | None, fmt: str, output: str | None) -> None:
    """Export one kind of record: articles, mentions, entities, events, quotes, claims,
    stories or rejections. Always writes the output, empty when there are no records."""
    settings = settings_from(config)
    with library.open_store(db, settings) as store:
        n = export_records(record, store.iter_records(record), fmt, output, sys.stdout)
    if output and output != "-":
        click.echo(f"Wrote {n} {record} to {output}.", err=True)


@click.command()
@click.argument("query")
@db_option
@config_option
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Most results to show.")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@handle_errors
def search(query: str, db: str | None, config: str | None, limit: int, as_json: bool) -> None:
    """Full-text search over titles and bodies (SQLite FTS5 syntax: words, "phrases", OR, NOT)."""
    with library.open_store(db, settings_from(config)) as store:
        hits = store.search(query, limit)
    if as_json:
        echo_json(hits)
        return
    if not hits:
        click.echo("No matches.")
    for h in hits:
        click.echo(f"{h['id']}  {h['published'] or '-':16}  {h['outlet'] or '-':14}  {h['title'] or '(no title)'}")
        click.echo(f"    {h['snippet']}")


def _role(r: dict[str, Any] | None) -> str:
    if not r:
        return "-"
    return str(r.get("country") or r.get("entity_id") or r.get("text"))


@click.command()
@click.argument("article_id", metavar="ID")
@db_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the article and its records as JSON.")
@handle_errors
def show(article_id: str, db: str | None, config: str | None, as_json: bool) -> None:
    """Show one article (a unique id prefix is enough) with its events and quotes."""
    with library.open_store(db, settings_from(config)) as store:
        view = library.article_view(store, article_id)
    if view is None:
        raise CliError(f"no single article with id or id prefix {article_id!r}")
    if as_json:
        echo_json(view)
        return
    for key in ("id", "title", "author", "published", "outlet", "url", "path", "language",
                "duplicate_of", "story_id", "pipeline_version"):
        if view.get(key):
            click.echo(f"{key:>16}: {view[key]}")
    for key in ("image_credits", "tags", "related_teasers", "warnings"):
        if view.get(key):
            click.echo(f"{key:>16}: " + " | ".join(map(str, view[key])))
    click.echo("")
    click.echo(view["body"])
    if view["events"]:
        click.echo("\nEvents:")
        for e in view["events"]:
            item = (e.get("item") or {}).get("category", "-")
            q = (e.get("quantity") or {}).get("text", "")
            click.echo(f"  {e['type']:9} {_role(e.get('actor')):>4} -> {_role(e.get('target')):<4}"
                       f" {item:18} {e.get('certainty', ''):9} {q}")
    if view["quotes"]:
        click.echo("\nQuotes:")
        for q in view["quotes"]:
            click.echo(f"  {q.get('speaker') or '?'}: \"{q['text'][:100]}\" ({q.get('channel') or '-'})")


@click.command()
@db_option
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def stats(db: str | None, config: str | None, as_json: bool) -> None:
    """Counts of stored records, rejections by reason, events by type, top entities."""
    with library.open_store(db, settings_from(config)) as store:
        out = {
            "counts": store.counts(),
            "rejections": dict(store.grouped("SELECT reason, COUNT(*) FROM rejections GROUP BY reason ORDER BY 2 DESC")),
            "events": dict(store.grouped("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC")),
            "languages": dict(store.grouped("SELECT COALESCE(language,'?'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")),
            "top_entities": dict(store.grouped(
                "SELECT e.name || ' (' || m.entity_id || ')', COUNT(*) FROM mentions m"
                " LEFT JOIN entities e ON e.id = m.entity_id GROUP BY m.entity_id ORDER BY 2 DESC LIMIT 10")),
        }
    if as_json:
        echo_json(out)
        return
    for section, values in out.items():
        click.echo(f"{section.replace('_', ' ').capitalize()}:")
        if not values:
            click.echo("  (none)")
        for k, v in values.items():
            click.echo(f"  {k}: {v}")


@click.command()
@click.option("--db", "db", metavar="FILE", default="lagebild-demo.db", show_default=True,
              help="Store to (re)create for the demo.")
@config_option
@handle_errors
def demo(db: str, config: str | None) -> None:
    """Ingest the bundled (invented) sample corpus into a fresh store and show what was found."""
    settings = settings_from(config)
    click.echo(f"Ingesting the sample corpus from {library.sample_corpus_path()} into {db} ...")
    with _progress("Ingesting", True) as cb:
        summary = library.demo(db, settings, progress=cb)
    for line in summary_lines(summary):
        click.echo(line)
    with library.open_store(db, settings) as store:
        counts = store.counts()
        click.echo("\nFound: " + ", ".join(f"{counts[k]} {k}" for k in
                                           ("articles", "mentions", "entities", "events", "quotes",
                                            "claims", "stories", "rejections")))
        arts = [a for a in store.iter_records("articles") if a.get("language") == "de"][:5]
        click.echo("\nSome articles:")
        for a in arts:
            n_ev = len(store.records_for("events", a["id"]))
            click.echo(f"  {a['id'][:10]}  {a.get('published') or '-':16}  {a.get('title') or '(no title)'}"
                       f"  [{n_ev} events]")
        events = list(store.iter_records("events"))[:8]
        if events:
            click.echo("\nSome events:")
            for e in events:
                click.echo(f"  {e['type']:9} {_role(e.get('actor')):>4} -> {_role(e.get('target')):<4}"
                           f" {(e.get('item') or {}).get('category', '-'):18} {e.get('certainty')}")
        claims = sorted(store.iter_records("claims"), key=lambda c: -c.get("corroboration", 0))[:5]
        if claims:
            click.echo("\nBest corroborated claims:")
            for c in claims:
                flag = "  CONFLICT: " + str(c.get("conflict_reason")) if c.get("conflict") else ""
                click.echo(f"  {c['type']} {c.get('actor')} -> {c.get('target')} {c.get('item') or ''}:"
                           f" {c.get('corroboration')} outlets{flag}")
        stories = list(store.iter_records("stories"))[:5]
        if stories:
            click.echo("\nStories:")
            for s in stories:
                click.echo(f"  {s['title']} ({len(s['articles'])} articles)")
    click.echo(f"\nExplore further: lagebild show ID --db {db} | lagebild export events --db {db}")


def register(group: click.Group) -> None:
    for cmd in (ingest, reprocess, export, search, show, stats, demo):
        group.add_command(cmd)
