"""Repairs inside a line: HTML remnants (``<pWord``, stray tags, entities) and image
credits (prefixed "Bild: …", agency chains "NAME / AFP / picturedesk.com", licences)."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .patterns import CreditVocab, alternation

_TAGS = ("p|br|div|span|li|ul|ol|h[1-6]|strong|em|b|i|u|a|td|tr|th|table|tbody|blockquote|"
         "figure|figcaption|section|article|header|footer|aside|small|sup|sub|img|hr|font|center")
_FULL_TAG = re.compile(rf"</?\s*(?:{_TAGS})\b(?:\s[^<>]*)?/?\s*>", re.I)
_GLUED_TAG = re.compile(rf"</?(?:{_TAGS})(?=[A-ZÄÖÜ\"„“»])")
_DANGLING_END = re.compile(rf"\s*</?(?:{_TAGS})\s*$", re.I)
_ATTR_START = re.compile(r"""^\s*(?:[a-z-]+=["'][^"']*["']\s*)+/?>""", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
#: lower-case words that may sit between the names of a credit
_CREDIT_JOINERS = frozenset({"via", "und", "and", "von", "van", "de", "der", "des", "da", "di",
                             "del", "du", "la", "le", "zu", "für", "am", "im", "an", "of", "the",
                             "for", "by", "mit", "u.", "privat", "archiv"})
_ONLY_MARKUP = re.compile(r"^(?:\s|</?[a-z][^<>]*>|&[a-z]+;)*$", re.I)


def fix_markup(line: str) -> tuple[str, int]:
    """The line without HTML remnants, and how many remnants were removed."""
    n = 0
    if "<" in line or "=" in line:
        line, k = _FULL_TAG.subn(" ", line)
        n += k
        line, k = _GLUED_TAG.subn("", line)
        n += k
        line, k = _DANGLING_END.subn("", line)
        n += k
        line, k = _ATTR_START.subn("", line)
        n += k
    if "&" in line and _ENTITY.search(line):
        n += len(_ENTITY.findall(line))
        line = html.unescape(line)
    if n:
        line = re.sub(r"[ \t]{2,}", " ", line).strip()
    return line, n


def only_markup(line: str) -> bool:
    return bool(line.strip()) and bool(_ONLY_MARKUP.match(line)) and "<" in line


@dataclass(frozen=True)
class CreditHit:
    credit: str
    before: str  # text left before the credit (a caption, or running text)
    after: str  # text left after the credit
    glued: bool  # the credit was glued to the next word


class CreditFinder:
    """Finds image credits in a line with the vocabulary of ``credits.tsv``."""

    def __init__(self, vocab: CreditVocab) -> None:
        prefixes = alternation(vocab.prefixes)
        agencies = alternation(vocab.agencies)
        licences = "|".join(f"(?:{x})" for x in vocab.licences)
        ag = rf"(?:(?i:{agencies})(?![A-ZÄÖÜ0-9_-])|(?i:{licences}))"
        self._ag = re.compile(rf"^(?:{ag})$")
        self._ag_any = re.compile(ag)
        name = r"[A-ZÄÖÜ][\w'’.-]*(?:[ ](?:(?:von|van|de|der|zu|da|di|del|la|le)[ ])?[A-ZÄÖÜ][\w'’.-]*){0,3}"
        seg = rf"(?:{ag}|{name})"
        sep = r"\s*[/|]\s*|,\s+(?=(?i:{lic}))".format(lic=licences)
        chain = rf"{seg}(?:(?:{sep}){seg})+"
        # "Bild: …" / "Foto: …" up to the end of the line
        self._prefixed = re.compile(
            rf"(?:^|(?<=[\s.!?)\]]))(?:{prefixes})\s*:\s*(?P<credit>[^\n]{{2,160}}?)\s*$", re.I)
        self._copyright = re.compile(r"(?:^|(?<=[\s.!?]))©\s*(?P<credit>[^\n]{2,120}?)\s*$")
        self._start = re.compile(rf"^(?P<credit>{chain})(?P<rest>.*)$")
        self._alone = re.compile(rf"^(?:{ag})$")
        self._end = re.compile(rf"(?:^|(?<=[\s.!?)\]]))(?P<credit>{chain})\s*$")
        self._seg_split = re.compile(sep)
        labels = alternation(vocab.prefixes + vocab.source_prefixes)
        # "(Foto: Reuters)", "(Quelle: IMAGO/Name)" closing a caption
        self._paren = re.compile(rf"(?:^|(?<=\s))\((?:{labels})\s*:\s*(?P<credit>[^()]{{2,160}}?)\s*\)\s*$", re.I)
        # "Quelle: picture alliance / AP | Name": a source label before a photo credit chain
        self._source = re.compile(
            rf"^(?:{alternation(vocab.source_prefixes) or '(?!)'})\s*:\s*(?P<credit>{chain})\s*$", re.I)
        self._source_label = re.compile(rf"^\s*(?:{alternation(vocab.source_prefixes) or '(?!)'})\s*:", re.I)
        # "Munition eines Herstellers. Keystone": one agency name closing a caption
        self._end_single = re.compile(rf"(?<=[.!?])\s+(?P<credit>{ag})\s*$")

    def is_agency(self, text: str) -> bool:
        """``text`` is the name of an agency or picture service (or a licence)."""
        return bool(self._ag.match(text.strip()))

    def _has_agency(self, credit: str) -> bool:
        return any(self._ag.match(s.strip()) for s in self._seg_split.split(credit))

    def _credit_ok(self, credit: str) -> bool:
        """Reads like a credit: names, agencies, licences, domains; no running text."""
        n = len(credit.split())
        if not 1 <= n <= 14 or credit.rstrip().endswith(("?", "!")):
            return False
        rest = self._ag_any.sub(" ", credit)
        for tok in re.split(r"[\s/|,;()]+", rest):
            if re.fullmatch(r"\.[a-z]{2,6}", tok):
                continue  # the domain ending of an agency ("Shutterstock.com")
            tok = tok.strip(".:-–")
            if tok and not (tok[0].isupper() or tok[0].isdigit() or "." in tok or "@" in tok
                            or tok.lower() in _CREDIT_JOINERS):
                return False
        return True

    def photographer_chain(self, credit: str) -> bool:
        """An agency and at least one name that is not an agency (the photographer)."""
        segs = [s.strip() for s in self._seg_split.split(credit) if s.strip()]
        return len(segs) >= 2 and self._has_agency(credit) and any(not self._ag.match(s) for s in segs)

    def find(self, line: str) -> CreditHit | None:
        for rx in (self._paren, self._prefixed, self._copyright):
            m = rx.search(line)
            credit = m.group("credit").strip().lstrip("©").strip() if m else ""
            if m and credit and self._credit_ok(credit):
                return CreditHit(credit.strip(" ."), line[: m.start()].strip(), "", False)
        m = self._source.match(line.strip())
        if m and self._credit_ok(m.group("credit")) and self.photographer_chain(m.group("credit")):
            return CreditHit(m.group("credit").strip(), "", "", False)
        if self._source_label.match(line):
            return None  # "Quelle: dpa/AFP": the sources of the text, not a photo credit
        m = self._end.search(line)
        if m and self._has_agency(m.group("credit")) and m.start() > 0 and self._credit_ok(m.group("credit")):
            credit, before = m.group("credit"), line[: m.start()]
            cut = re.match(r"^.*\w{3,}[.!?]\s+", credit)  # "Zeltweg. APA/…": the caption's last word
            if cut:
                before, credit = before + cut.group(0), credit[cut.end():]
            if self._has_agency(credit):
                return CreditHit(credit.strip(), before.strip(), "", False)
        m = self._end_single.search(line)
        if m and len(line[: m.start()].split()) <= 30:
            return CreditHit(m.group("credit").strip(), line[: m.start()].strip(), "", False)
        if self._alone.match(line.strip()):
            return CreditHit(line.strip(), "", "", False)
        m = self._start.match(line)
        if m and self._has_agency(m.group("credit")):
            credit, rest = m.group("credit"), m.group("rest")
            if not rest.strip():
                return CreditHit(credit.strip(), "", "", False)
            glued = rest[0].isalpha()
            spaced_chain = bool(re.search(r"\s[/|]\s", credit))
            if glued or (spaced_chain and re.match(r"\s+[A-ZÄÖÜ„\"]", rest)):
                return CreditHit(credit.strip(), "", rest.strip(), glued)
        return None
