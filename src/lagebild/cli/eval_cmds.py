"""`lagebild eval`: score the store against a gold file and gate on pinned floors."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

import click

from ..evaluate import BaselineError, GoldError, Report, load_gold, runner
from ..evaluate.gate import Violation
from .common import CliError, config_option, db_option, echo_json, handle_errors, settings_from

REPO_ROOT = Path(__file__).resolve().parents[3]  # src/lagebild/cli/eval_cmds.py -> repo


def _walk_up(start: Path, rel: str) -> Path | None:
    for d in (start, *start.parents):
        if (d / rel).is_file():
            return d / rel
    return None


def default_gold() -> Path:
    """``../shared/gold/seeds.yaml`` next to the current directory or the repository."""
    cands = []
    if os.environ.get("LAGEBILD_SHARED"):
        cands.append(Path(os.environ["LAGEBILD_SHARED"]) / "gold" / "seeds.yaml")
    cwd = Path.cwd()
    cands += [d / ".." / "shared" / "gold" / "seeds.yaml" for d in (cwd, *cwd.parents)]
    cands.append(REPO_ROOT / ".." / "shared" / "gold" / "seeds.yaml")
    for c in cands:
        if c.is_file():
            return c.resolve()
    raise CliError("no gold file given and ../shared/gold/seeds.yaml not found; "
                   "pass --gold FILE (or --gold sample for the bundled sample corpus)")


def resolve_gold(gold: str | None) -> Path:
    if gold is None:
        return default_gold()
    if gold == "sample":
        from ..config import resource_path

        return resource_path("sample", "expected.yaml")
    return Path(gold)


def default_baseline() -> Path:
    found = _walk_up(Path.cwd(), "eval/baseline.json")
    if found:
        return found
    if (REPO_ROOT / "pyproject.toml").is_file():
        return REPO_ROOT / "eval" / "baseline.json"
    return Path.cwd() / "eval" / "baseline.json"


def _records(db: str | None, settings: Mapping[str, Any]) -> dict[str, list[dict]]:
    return runner.store_records(db, settings)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def print_report(report: Report, floors: Mapping[str, float], violations: list[Violation],
                 details: bool) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console()
    bad = {v.metric for v in violations}
    for t in report.tables:
        tab = RichTable(title=t.name, title_justify="left", show_edge=False)
        for col, just in (("metric", "left"), ("n", "right"), ("correct", "right"),
                          ("score", "right"), ("floor", "right"), ("", "left")):
            tab.add_column(col, justify=just)  # type: ignore[arg-type]
        for r in t.rows:
            key = f"{t.name}.{r.metric}"
            floor = floors.get(key)
            status = "[red]UNDER FLOOR[/red]" if key in bad else r.note
            tab.add_row(r.metric, "-" if r.n is None else str(r.n),
                        "-" if r.correct is None else str(r.correct), _fmt(r.score),
                        "" if floor is None else f"{floor:.3f}", status)
        console.print(tab)
        if details:
            for r in t.rows:
                for m in r.misses:
                    console.print(f"  [dim]{t.name}.{r.metric}[/dim] {m}", highlight=False)
        console.print()
    for note in report.notes:
        console.print(f"[dim]{note}[/dim]")


@click.command("eval")
@db_option
@config_option
@click.option("--gold", metavar="FILE", default=None,
              help="Gold file (format of ../shared/gold/seeds.yaml; default: that file when "
                   "present). `sample` names the bundled sample corpus's expected.yaml.")
@click.option("--baseline", metavar="FILE", default=None,
              help="Baseline with the pinned floors (default: eval/baseline.json of the repository).")
@click.option("--corpus", metavar="PATH", default=None,
              help="Ingest PATH into a fresh temporary store and score that instead of --db "
                   "(with --gold sample and no --db: the bundled sample corpus).")
@click.option("--update-baseline", is_flag=True,
              help="Raise the floors of this gold file to the current scores.")
@click.option("--allow-regression", is_flag=True,
              help="With --update-baseline: also lower floors to the current scores.")
@click.option("--dates/--no-dates", default=True,
              help="Score dates by running the dates stage over the stored bodies.")
@click.option("--details", "-v", is_flag=True, help="List every miss under its table.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON instead of tables.")
@handle_errors
def eval_cmd(db: str | None, config: str | None, gold: str | None, baseline: str | None,
             corpus: str | None, update_baseline: bool, allow_regression: bool, dates: bool,
             details: bool, as_json: bool) -> None:
    """Score the store against a gold file; exit 1 when a metric is under its floor.

    Prints a table per field (metadata, boilerplate, teasers, repairs, dates, entities,
    events, quotes, stories, claims). Floors live in a baseline file per gold file; a floor
    only goes down with --update-baseline --allow-regression.
    """
    if allow_regression and not update_baseline:
        raise click.UsageError("--allow-regression only applies with --update-baseline")
    settings = settings_from(config)
    try:
        g = load_gold(resolve_gold(gold))
    except GoldError as exc:
        raise CliError(str(exc)) from None
    if gold == "sample" and not corpus and not db:
        from .. import library

        sample = library.sample_corpus_path()
        corpus = str(sample / "articles" if (sample / "articles").is_dir() else sample)
    recs = runner.corpus_records(corpus, settings) if corpus else _records(db, settings)
    try:
        res = runner.evaluate(g, recs, Path(baseline) if baseline else default_baseline(), settings,
                              dates=dates, update=update_baseline, allow_regression=allow_regression)
    except BaselineError as exc:
        raise CliError(str(exc)) from None
    if as_json:
        out = res.report.to_dict()
        out["floors"] = dict(res.floors)
        out["violations"] = [str(v) for v in res.violations]
        echo_json(out)
    else:
        print_report(res.report, res.floors, list(res.violations), details)
        if update_baseline:
            n = len(res.changes)
            click.echo(f"Baseline {res.baseline} ({g.name}): "
                       + (f"{n} floor{'s' if n != 1 else ''} changed" if n else "no change") + ".")
            for change in res.changes if details else ():
                click.echo(f"  {change}")
        elif not res.floors:
            click.echo(f"No floors pinned for {g.name} in {res.baseline}; "
                       "run with --update-baseline to pin them.")
    if res.violations:
        n = len(res.violations)
        raise CliError(f"{n} metric{'s' if n != 1 else ''} under the floor: "
                       + "; ".join(str(v) for v in res.violations))


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    group.add_command(eval_cmd)
