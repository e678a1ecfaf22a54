"""The cleaning data files load, and broken lines are reported as file:line: reason."""
from __future__ import annotations

import pytest

from lagebild.clean.patterns import (ResourceError, de_path, load_credits, load_meta, load_rules,
                                     load_sections)
from lagebild.config import resource_path


def test_shipped_files_load():
    assert len(load_rules(str(de_path("boilerplate.tsv")))) > 40
    assert "politik" in load_sections(str(de_path("sections.tsv")))
    credits = load_credits(str(de_path("credits.tsv")))
    assert "dpa" in credits.agencies and "Foto" in credits.prefixes
    meta = load_meta(str(de_path("metadata.tsv")), str(resource_path("de", "calendar.tsv")))
    assert ("juni", 6) in meta.months and meta.footer_labels


def test_shipped_files_have_a_provenance_header():
    for name in ("boilerplate.tsv", "sections.tsv", "credits.tsv", "metadata.tsv"):
        head = de_path(name).read_text("utf-8").splitlines()[:3]
        assert all(line.startswith("#") for line in head), name


@pytest.mark.parametrize("content,message", [
    ("# header\nad\tline\t3\n", "expected 4-4 tab-separated columns"),
    ("# header\nbogus\tline\t3\tanzeige\n", "unknown kind"),
    ("# header\nad\tsomewhere\t3\tanzeige\n", "unknown scope"),
    ("# header\nad\tline\tthree\tanzeige\n", "max_words must be an integer"),
    ("# header\nad\tline\t3\t(anzeige\n", "bad regular expression"),
])
def test_broken_boilerplate_lines_name_file_and_line(tmp_path, content, message):
    path = tmp_path / "bp.tsv"
    path.write_text(content, "utf-8")
    with pytest.raises(ResourceError, match=rf"bp.tsv:2: {message}"):
        load_rules(str(path))


def test_broken_credit_and_meta_lines(tmp_path):
    bad = tmp_path / "cr.tsv"
    bad.write_text("# h\nprefix\tBild\nfoo\tbar\n", "utf-8")
    with pytest.raises(ResourceError, match=r"cr.tsv:3: unknown kind"):
        load_credits(str(bad))
    meta = tmp_path / "meta.tsv"
    meta.write_text("# h\nfooter_label\tort\tnowhere\n", "utf-8")
    with pytest.raises(ResourceError, match=r"meta.tsv:2: footer_label needs a field"):
        load_meta(str(meta), str(resource_path("de", "calendar.tsv")))


def test_missing_file():
    with pytest.raises(ResourceError, match="not found"):
        load_rules("/nonexistent/boilerplate.tsv")
