"""German language layer: scrape repair, sentences and tokens, lemmas, quantities, dates.

Plain functions for any text (used by the event coder and others):

* :func:`lagebild.nlp.repair.repair_text` -- ``(text) -> (repaired, repairs)``
* :func:`lagebild.nlp.sentences.split` -- ``(text) -> list[Span]``
* :func:`lagebild.nlp.sentences.tokenize` -- ``(text) -> list[Token]`` (with lemmas and sentence starts)
* :func:`lagebild.nlp.tokenizer.token_spans` -- spaCy's blank German tokens, memoised per chunk
* :func:`lagebild.nlp.lemmas.lemma` -- ``(word) -> str``
* :func:`lagebild.nlp.numbers.find_quantities` -- ``(text, tokens=None) -> list[Quantity]``
* :func:`lagebild.nlp.numbers.parse_number` -- ``(text) -> float | None`` ("11.000", "zwölftausend")
* :func:`lagebild.nlp.dates.find_dates` -- ``(text, published) -> list[DateMention]``
* :func:`lagebild.nlp.annotate.annotate` -- all of it on one text (``lagebild annotate``)

Language data (abbreviations, number words, units, qualifiers, calendar names, relative-date
vocabulary, lemma exceptions, repair word lists) lives in ``resources/de/``. Measurements:
``bench/nlp_*.py``.

Each stage module also exposes ``make_stage(settings)`` (see docs/ARCHITECTURE.md).
"""
