"""Direct speech: speaker before, after, in the introducing line, and channel."""
from __future__ import annotations

from pathlib import Path

from lagebild.extract.quotes import find_quotes, load_quote_cues
from lagebild.extract.validation import gazetteer_mentions, load_gazetteer
from lagebild.model import Span

DATA = Path(__file__).resolve().parent / "data"


def run(text: str):
    gaz = load_gazetteer(DATA / "test_kb.jsonl")
    ents = dict(gaz.entities)
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return find_quotes(text, "t", spans, gazetteer_mentions(gaz, text), ents, load_quote_cues())


def test_speaker_after_the_quote_and_channel_word():
    qs = run('„Wir werden unsere Partner niemals im Stich lassen“, sagte Kiro Drav in einem Interview.')
    assert len(qs) == 1
    assert (qs[0].speaker, qs[0].channel) == ("kiro-drav", "interview")
    assert qs[0].text.startswith("Wir werden")


def test_speaker_before_the_quote_and_media_channel():
    qs = run('Präsident Tomas Arven erklärte laut ANA: "Die Zusammenarbeit mit Dravonien wird weiter wachsen."')
    assert qs[0].speaker == "tomas-arven" and qs[0].channel == "Arvanische Nachrichtenagentur"


def test_list_of_quotes_after_an_introducing_line():
    text = ("Der Staatssender DTV zitiert Kiro Drav mit diesen Aussagen:\n"
            "• \"Unsere Armee steht fest an der Seite unserer Freunde.\"\n"
            "• \"Die Feinde des Friedens werden scheitern und ihre Pläne aufgeben müssen.\"")
    qs = run(text)
    assert [q.speaker for q in qs] == ["kiro-drav", "kiro-drav"]
    assert {q.channel for q in qs} == {"DTV"}


def test_speaker_in_the_next_sentence():
    qs = run('"Wir liefern keine Waffen an Cerulien und werden es nie tun."\nDas sagte Nils Ostrup am Montag.')
    assert qs[0].speaker == "nils-ostrup"


def test_scare_quotes_are_no_quotes():
    assert run('Arvanien nennt den Vertrag einen "historischen Schritt".') == []
