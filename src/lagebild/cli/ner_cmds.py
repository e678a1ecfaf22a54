"""``lagebild eval-ner`` and ``lagebild train-ner``: the statistical German NER."""
from __future__ import annotations

from pathlib import Path

import click

from ..config import resource_path
from ..kb.ner_train import DEFAULT_C1, DEFAULT_C2, DEFAULT_MAX_ITER
from .common import CliError, config_option, handle_errors, settings_from


def _echo_report_lines(lines: list[str]) -> None:
    for line in lines:
        click.echo(line)


@click.command("eval-ner")
@click.argument("gold_tsv", metavar="GOLD_TSV", type=click.Path(dir_okay=False))
@click.option("--predictions", "predictions", metavar="OUT", required=True,
              type=click.Path(dir_okay=False, writable=True),
              help="Write token<TAB>gold<TAB>predicted lines here (blank line between "
                   "sentences).")
@click.option("--model", "model", metavar="FILE", default=None,
              help="CRF weights to use (default: [ner] model in the settings).")
@config_option
@handle_errors
def eval_ner(gold_tsv: str, predictions: str, model: str | None, config: str | None) -> None:
    """Tag GOLD_TSV (GermEval 2014 format) and print strict span precision, recall and F1.

    The score is the official GermEval outer-level metric: a predicted entity counts only
    when span and label (12 classes: PER, ORG, LOC, OTH and their deriv/part variants)
    match a gold entity exactly.
    """
    from ..kb.ner import Tagger, load_tagger, model_path
    from ..kb.ner_eval import read_tsv, score, write_predictions

    settings = settings_from(config)
    sentences = read_tsv(gold_tsv)
    if model:
        if not Path(model).is_file():
            raise CliError(f"{model}: model file not found")
        tagger: Tagger | None = Tagger(model)
    else:
        tagger = load_tagger(settings)
        if tagger is None:
            raise CliError(f"no NER model: {model_path(settings)} is missing or [ner] enabled "
                           f"is false (train one with 'lagebild train-ner')")
    preds = [tagger.tag(s.tokens) for s in sentences]
    write_predictions(predictions, zip(sentences, preds))
    report = score((s.tags, p) for s, p in zip(sentences, preds))
    shipped = tagger.path.resolve() == resource_path("models", "ner-crf.model").resolve()
    origin = (" (shipped: trained on the GermEval 2014 test and dev splits, so a score on "
              "either is not a test figure)") if shipped else ""
    click.echo(f"model {tagger.path.name}{origin}; scored on {gold_tsv}")
    _echo_report_lines(report.lines())


@click.command("train-ner")
@click.option("--train", "train_files", metavar="FILE", multiple=True,
              type=click.Path(dir_okay=False),
              help="GermEval-format training file (repeatable; default: the GermEval 2014 "
                   "test and dev splits in ../shared/data/germeval2014, as the train split "
                   "is absent).")
@click.option("--out", "out", metavar="FILE", default=None,
              help="Where to write the weights (default: the [ner] model in the package's "
                   "resources/models/).")
@click.option("--c1", type=float, default=None,
              help=f"L1 regularisation (default {DEFAULT_C1}).")
@click.option("--c2", type=float, default=None,
              help=f"L2 regularisation (default {DEFAULT_C2}).")
@click.option("--max-iter", "max_iter", type=int, default=None,
              help=f"L-BFGS iterations (default {DEFAULT_MAX_ITER}).")
@click.option("--cv", "cv", type=int, default=0, metavar="K",
              help="Also print a K-fold cross-validated score on the training data.")
@config_option
@handle_errors
def train_ner(train_files: tuple[str, ...], out: str | None, c1: float | None,
              c2: float | None, max_iter: int | None, cv: int, config: str | None) -> None:
    """Train the CRF NER reproducibly and write its weights.

    With no options this reproduces the shipped weights: GermEval 2014 test + dev splits,
    the default c1, c2 and iterations, written to the package's resources/models/.
    """
    import tempfile

    from ..kb import ner_train
    from ..kb.ner import model_path
    from ..kb.ner_eval import read_tsv

    settings = settings_from(config)
    files = [Path(f) for f in train_files] or ner_train.default_train_files()
    sentences = [s for f in files for s in read_tsv(f)]
    params = {
        "c1": ner_train.DEFAULT_C1 if c1 is None else c1,
        "c2": ner_train.DEFAULT_C2 if c2 is None else c2,
        "max_iter": ner_train.DEFAULT_MAX_ITER if max_iter is None else max_iter,
    }
    if cv:
        if cv < 2:
            raise CliError("--cv needs at least 2 folds")
        with tempfile.TemporaryDirectory() as tmp:
            report = ner_train.cross_validate(sentences, tmp, k=cv, **params)
        click.echo(f"{cv}-fold cross-validation on the training data "
                   f"({', '.join(str(f) for f in files)}):")
        _echo_report_lines(report.lines())
    target = Path(out) if out else model_path(settings)
    result = ner_train.train(sentences, target, sources=[f.name for f in files], **params)
    click.echo(f"trained on {result.sentences} sentences from "
               f"{', '.join(str(f) for f in files)} "
               f"(c1={params['c1']}, c2={params['c2']}, max_iter={params['max_iter']}) "
               f"in {result.seconds:.0f} s -> {result.path} "
               f"({result.path.stat().st_size / 1e6:.1f} MB)")


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
    group.add_command(eval_ner)
    group.add_command(train_ner)
