"""Long agency-style sentences: a main clause interrupted by an inserted relative clause
("Der Minister, der ..., hat X vorgeworfen") and a sentence that opens with a subordinate
clause ("Wie das Ministerium mitteilte, hat X ..."). Invented sentences about the invented
states of tests/extract/data/test_kb.jsonl (not the validation sentences)."""
from __future__ import annotations

import pytest

from lagebild.extract.resources import load_lexicon
from lagebild.extract.words import clause_of, owns, split_clauses, tokenize


@pytest.mark.parametrize("text, want", [
    ("Die Regierung in Fenholm, die seit Jahren um gute Beziehungen zu allen Nachbarn bemüht ist, "
     "hat Dravonien am Montag scharf kritisiert.", ("ACCUSE", "XF", "XD")),
    ("Die cerulische Außenministerin, die erst seit drei Wochen im Amt ist und als Vertraute des "
     "Präsidenten gilt, drohte Estravien in einer langen Erklärung mit Konsequenzen.", ("THREATEN", "XC", "XE")),
    ("Der borländische Staatschef hat Arvanien bei einer Rede in Borgrad, über die das Staatsfernsehen "
     "ausführlich berichtete, vorgeworfen, die Grenze zu verletzen.", ("ACCUSE", "XB", "XA")),
    ("Wie das Außenministerium in Estrav am Freitag mitteilte, hat Estravien der Regierung von "
     "Fenmark zwölf Kampfdrohnen übergeben.", ("AID", "XE", "XF")),
    ("Fenmark hat Dravonien im vergangenen Monat, wie erst am Mittwoch bekannt wurde, mehrere "
     "Patrouillenboote überlassen.", ("AID", "XF", "XD")),
    ("Die Regierung in Estrav, die monatelang gezögert hatte, hat der Lieferung von zwölf Haubitzen an "
     "Arvanien zugestimmt.", ("AID", "XE", "XA")),
    ("Dravonien hat, wie ein Regierungssprecher am Dienstag bestätigte, der Lieferung von 40 Panzern an "
     "Fenmark zugestimmt.", ("AID", "XD", "XF")),
    ("Estraviens Ministerpräsident hat Cerulien bei seinem Besuch in Ceruna, dem ersten seit zehn Jahren, "
     "die Solidarität seines Landes zugesichert.", ("CONSULT", "XE", "XC")),
    ("Fenmark und Borlandien haben sich nach langen Verhandlungen mit Estravien auf ein Abkommen über "
     "den Grenzverkehr geeinigt.", ("AGREE", "XB", "XE")),
    ("Dravoniens Armeechef ist am Montag zu Gesprächen mit der militärischen Führung nach Ceruna gereist.",
     ("CONSULT", "XD", "XC")),
])
def test_interrupted_main_clause(triples, text, want):
    assert want in triples(text)


@pytest.mark.parametrize("text", [
    "Der Verband, der die Interessen der Händler vertritt, hat den Konzern scharf kritisiert.",
    "Wie der Verein am Sonntag mitteilte, hat der Stürmer seinen Vertrag bis 2028 verlängert.",
    "Der Aufsichtsrat, der am Montag in Hamburg tagte, hat der Lieferung von Bauteilen an den Zulieferer zugestimmt.",
])
def test_interrupted_clause_without_states(triples, text):
    assert triples(text) == set()


def test_inserted_clause_is_its_own_clause():
    lex = load_lexicon(("base", "rukp"))
    words = tokenize("Der Minister, der gestern ankam, hat Borlandien kritisiert.")
    clauses = split_clauses(words, lex)
    verb = next(w.i for w in words if w.low == "kritisiert")
    name = next(w.i for w in words if w.low == "minister")
    rel = next(w.i for w in words if w.low == "ankam")
    k = clause_of(clauses, verb)
    assert clause_of(clauses, name) == k and owns(clauses, k, name)
    assert clause_of(clauses, rel) != k and not owns(clauses, k, rel)
