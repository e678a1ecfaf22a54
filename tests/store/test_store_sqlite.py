from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from lagebild.model import (Article, Doc, Event, Item, Mention, Quote, RawDoc, Rejection, Role,
                            from_dict, to_dict)
from lagebild.store import StoreError, input_key, open_store
from lagebild.store.schema import SCHEMA_VERSION


def _doc(body: str = "Nordkorea liefert Munition an Russland.", url: str | None = None) -> Doc:
    raw = RawDoc(source="x.txt", data=body.encode(), fmt="text", url=url)
    art = Article(id=raw.article_id, content_hash="h" + raw.article_id, body=body, title="Titel",
                  url=url, tags=("Russland",), pipeline_version="t")
    ev = Event(id="e1", article_id=art.id, sentence=0, start=0, end=len(body), type="AID",
               actor=Role("Nordkorea", "KP", "COUNTRY", "KP"), target=Role("Russland", "RU", "COUNTRY", "RU"),
               item=Item("Munition", "ammunition"))
    m = Mention(article_id=art.id, sentence=0, start=0, end=9, text="Nordkorea", entity_id="KP", type="COUNTRY")
    q = Quote(article_id=art.id, speaker="KP", text="Wir liefern.", start=0, end=5)
    return Doc(raw=raw, article=art, events=(ev,), mentions=(m,), quotes=(q,))


def test_schema_created_and_reopened(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        doc = _doc()
        with store.transaction():
            store.save_raw(doc.raw, "2025-01-01T00:00:00")
            store.save_doc(doc)
    with open_store(db) as store:
        arts = list(store.iter_records("articles"))
        assert [a["id"] for a in arts] == [doc.article.id]
        assert arts[0]["tags"] == ["Russland"]
        assert list(store.iter_records("events"))[0]["actor"]["country"] == "KP"
        assert store.known_ids([doc.article.id, "nope"]) == {doc.article.id}


def test_save_doc_replaces_previous_results(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        doc = _doc()
        with store.transaction():
            store.save_doc(doc)
            store.save_doc(doc)
        assert store.counts()["events"] == 1
        assert store.counts()["mentions"] == 1
        assert store.counts()["articles"] == 1


def test_search_and_bad_query(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        with store.transaction():
            store.save_doc(_doc())
        hits = store.search("Munition")
        assert len(hits) == 1 and "[Munition]" in hits[0]["snippet"]
        assert store.search("Fußball") == []
        with pytest.raises(ValueError):
            store.search('"unbalanced')


def test_rejections_are_remembered_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        rej = Rejection("a.bin", "binary", "NUL bytes", "2025-01-01T00:00:00")
        key = input_key("a.bin", b"\0\0")
        assert store.save_rejection(rej, key) is True
        assert store.save_rejection(rej, key) is False
        assert list(store.iter_records("rejections")) == [to_dict(rej)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_unwritable_location_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        open_store(blocker / "sub" / "s.db")


def test_unknown_record_kind(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store, pytest.raises(ValueError, match="unknown record kind"):
        list(store.iter_records("widgets"))


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@hsettings(max_examples=60, deadline=None)
@given(title=st.one_of(st.none(), _text), body=_text, tags=st.lists(_text, max_size=3),
       published=st.one_of(st.none(), st.just("2025-06-04T08:48")))
def test_article_round_trip(title: str | None, body: str, tags: list[str], published: str | None) -> None:
    art = Article(id="a", title=title, body=body, tags=tuple(tags), published=published)
    assert from_dict(Article, to_dict(art)) == art
