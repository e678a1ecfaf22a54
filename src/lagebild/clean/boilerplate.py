"""Pattern-driven boilerplate: which lines (or parts of lines) ``boilerplate.tsv`` marks."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import strip_bullet
from .metadata import norm_domain
from .patterns import Rule


@dataclass(frozen=True)
class LineMatch:
    kind: str
    rest: str  # text after a "start" match (e.g. what follows "Lesen Sie auch:")
    outlet: str | None  # the page's own domain, when the pattern names it
    exact: bool  # the pattern covered the whole line
    separated: bool  # a colon (or similar) followed the matched text


class BoilerplateMatcher:
    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self._line = tuple(r for r in rules if r.scope in ("line", "start"))
        self._inline = tuple(r for r in rules if r.scope == "inline")

    def match(self, line: str) -> LineMatch | None:
        text = strip_bullet(line)
        if not text:
            return None
        n = len(text.split())
        for rule in self._line:
            if rule.max_words and n > rule.max_words:
                continue
            m = rule.regex.fullmatch(text) if rule.scope == "line" else rule.regex.match(text)
            if not m:
                continue
            outlet = norm_domain(m.groupdict().get("outlet"))
            after = text[m.end():]
            rest = after.lstrip(" :–—-»›").strip()
            if (rule.kind == "teaser_header" and rest and len(rest.split()) > 5
                    and not re.match(r"\s*[:»›–—-]", after)):
                continue  # running text that happens to start like a header

            separated = bool(re.match(r"\s*[:»›–—-]", after))
            return LineMatch(rule.kind, rest, outlet, rule.scope == "line" or not rest, separated)
        return None

    def strip_inline(self, line: str) -> tuple[str, list[str]]:
        kinds = []
        for rule in self._inline:
            new = rule.regex.sub("", line)
            if new != line:
                kinds.append(rule.kind)
                line = new.rstrip()
        return line, kinds
