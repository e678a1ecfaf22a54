"""Extract stage: decoding, rejections, HTML and JSON inputs (invented texts)."""
from __future__ import annotations

import codecs

import pytest

from lagebild.clean import cleaner, extract
from lagebild.clean.encoding import decode_bytes, normalise_text
from lagebild.config import load_settings
from lagebild.model import Doc, RawDoc
from lagebild.pipeline import StageFailure

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Fähre nach Sylt fällt aus | Nordkurier Beispiel</title>
<meta property="og:title" content="Sturm legt Fährverkehr nach Sylt lahm">
<meta name="author" content="Jana Beispielfrau">
<meta property="article:published_time" content="2024-11-21T07:45:00+01:00">
<link rel="canonical" href="https://www.nordkurier-beispiel.de/region/sturm-faehre-991">
</head><body><nav><a href="/">Startseite</a> | <a href="/region">Region</a></nav>
<article><h1>Sturm legt Fährverkehr nach Sylt lahm</h1>
<p>Wegen eines Orkantiefs ist der Fährverkehr zwischen dem Festland und Sylt am Donnerstag
vollständig eingestellt worden. Die Reederei kündigte an, frühestens am Abend wieder zu fahren.</p>
<p>Der Deutsche Wetterdienst warnte vor Böen mit bis zu 120 Kilometern pro Stunde an der
Küste. In Husum stürzten mehrere Bäume auf Straßen, verletzt wurde nach Angaben der Polizei niemand.</p>
<p>Auch der Bahnverkehr über den Hindenburgdamm war zeitweise unterbrochen, teilte ein
Sprecher des Betreibers mit. Pendler mussten auf Busse ausweichen.</p>
</article><footer>© 2024 nordkurier-beispiel.de</footer></body></html>"""


@pytest.fixture(scope="module")
def stages():
    settings = load_settings()
    return extract.make_stage(settings), cleaner.make_stage(settings)


def run(stages, data: bytes, fmt: str = "text", **kw):
    ex, cl = stages
    return cl(ex(Doc(raw=RawDoc(source="test-input", data=data, fmt=fmt, **kw)))).article


def reject(stages, data: bytes, fmt: str = "text", **kw) -> str:
    with pytest.raises(StageFailure) as info:
        run(stages, data, fmt, **kw)
    return info.value.reason


def test_empty_and_whitespace_files_are_rejected(stages):
    assert reject(stages, b"") == "empty"
    assert reject(stages, b" \n\t\r\n  ") == "empty"


def test_binary_files_are_rejected(stages):
    assert reject(stages, b"Kopf\x00\x01\x02Daten" * 20) == "binary"
    assert reject(stages, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") == "binary"
    assert reject(stages, bytes([7, 8, 14, 15, 16, 65]) * 100) == "binary"


def test_too_large_is_rejected():
    small = extract.ExtractStage(max_bytes=50)
    with pytest.raises(StageFailure) as info:
        small(Doc(raw=RawDoc(source="x", data=b"Ein Satz. " * 20, fmt="text")))
    assert info.value.reason == "too_large"


def test_undecodable_bytes_are_rejected(stages):
    assert reject(stages, b"\x81\x8d\x8f\x90\x9d" * 40) == "encoding"
    assert reject(stages, b"Kurzer Text " + b"\x81\x8d\x8f\x90\x9d" * 10) == "encoding"


def test_cp1252_text_keeps_its_umlauts(stages):
    text = "Die Bürgerinnen in Göttingen begrüßen „größere“ Fahrradwege – sagt die Stadt."
    art = run(stages, text.encode("cp1252"))
    assert art.body == text
    assert any("cp1252" in w for w in art.warnings)


def test_utf8_with_bom_and_utf16():
    text = "Schöne Grüße aus Zürich"
    assert decode_bytes(codecs.BOM_UTF8 + text.encode()).text == text
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text


def test_mostly_utf8_with_a_broken_byte_counts_replacements():
    data = "Müller äußert sich über Öl und Gas in Österreich".encode() + b"\xff"
    dec = decode_bytes(data)
    assert dec.encoding == "utf-8" and dec.replacements == 1 and "Österreich" in dec.text


def test_normalise_text_keeps_lines_and_drops_invisible_characters():
    raw = "Zeile\u00a0eins\u200b\r\nZeile zwei\u00ad   \rZeile drei"
    assert normalise_text(raw) == "Zeile eins\nZeile zwei\nZeile drei"


def test_html_page_gives_text_and_metadata(stages):
    art = run(stages, PAGE.encode(), fmt="html")
    assert art.title == "Sturm legt Fährverkehr nach Sylt lahm"
    assert art.author == "Jana Beispielfrau"
    assert art.published == "2024-11-21T07:45+01:00"
    assert art.outlet == "nordkurier-beispiel.de"
    assert "Hindenburgdamm" in art.body and "Orkantiefs" in art.body
    assert "Startseite" not in art.body
    assert art.body.count("\n") >= 2  # paragraphs stay on their own lines
    assert not art.body.startswith("Sturm legt")  # the headline is the title, not body


def test_truncated_html_still_yields_its_text(stages):
    cut = PAGE.encode()[: PAGE.encode().index(b"Pendler")]
    art = run(stages, cut, fmt="html")
    assert "Orkantiefs" in art.body and "Husum" in art.body
    assert any("truncated" in w for w in art.warnings)
    assert not any("truncated" in w for w in run(stages, PAGE.encode(), fmt="html").warnings)


def test_html_without_tags_or_text_is_rejected(stages):
    assert reject(stages, b"nur ein Satz ohne jedes Markup", fmt="html") == "not_html"
    assert reject(stages, b"<html><body><script>var x = 1;</script></body></html>", fmt="html") == "empty"


def test_json_record_hints_win_over_the_text(stages):
    text = ("Politik\nEin ganz anderer Titel im Text\nVon Max Beispielmann\n12.03.2024 10:00\n"
            "Die Landesregierung hat am Dienstag ein neues Schulgesetz vorgestellt. Es soll ab dem "
            "kommenden Schuljahr gelten und kleinere Klassen ermöglichen.")
    hints = {"text": text, "title": "Neues Schulgesetz vorgestellt", "url": "https://example.org/a/1",
             "published": "2024-03-13T08:00", "outlet": "example.org", "author": "Redaktion Beispiel"}
    art = run(stages, b"", fmt="json", hints=hints)
    assert art.title == "Neues Schulgesetz vorgestellt"
    assert art.published == "2024-03-13T08:00"
    assert art.outlet == "example.org" and art.url == "https://example.org/a/1"
    assert art.author == "Redaktion Beispiel"
    assert art.body.startswith("Die Landesregierung")
    assert art.source_format == "json"


def test_json_record_from_raw_bytes_and_malformed_json(stages):
    art = run(stages, b'{"text": "Der Stadtrat hat den Haushalt f\\u00fcr das kommende Jahr beschlossen."}', fmt="json")
    assert art.body.startswith("Der Stadtrat")
    assert reject(stages, b'{"text": "kaputt', fmt="json") == "malformed_json"


def test_article_id_and_content_hash_are_stable(stages):
    data = "Ein kurzer Bericht über den Wochenmarkt in Kassel.\n".encode()
    a, b = run(stages, data), run(stages, data + b"\n")
    assert a.content_hash == b.content_hash
    assert a.id != b.id  # ids hash the raw bytes when there is no URL
    assert a.pipeline_version and a.path == "test-input"
