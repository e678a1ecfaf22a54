"""The in-memory knowledge base: entities plus the indexes the linker searches."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from ..model import Entity
from . import text as tx

END = "\0"  # key of the terminal entries in a trie node


@dataclass(frozen=True)
class AliasEntry:
    entity_id: str
    surface: tuple[str, ...]  # the KB form's words as written (for the case check)
    kind: str  # name | alias | adj


@dataclass(frozen=True)
class RolePhrase:
    phrase: str
    role: str
    country: str | None
    compound_only: bool


@dataclass(frozen=True)
class Tenure:
    entity_id: str
    start: str | None
    end: str | None

    def holds(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True)
class KnowledgeBase:
    """Entities and their indexes; build with :func:`lagebild.kb.loader.build`.

    ``trie`` maps normalised words to child nodes; a node's ``END`` key holds the
    :class:`AliasEntry` list of the forms ending there.
    """

    entities: Mapping[str, Entity]
    order: Mapping[str, int]
    trie: Mapping[str, Any]
    shorts: Mapping[str, tuple[str, ...]]
    tenures: Mapping[tuple[str, str], tuple[Tenure, ...]]
    role_phrases: Mapping[str, RolePhrase]
    cues: Mapping[str, str]
    acronyms: Mapping[str, tuple[str, ...]]
    long_words: Mapping[str, tuple[str, ...]]  # delete-1 key -> single-word forms (>= 7 chars)
    link_words: frozenset[str] = frozenset()  # "der", "des", "von": role phrase -> state
    sources: tuple[str, ...] = ()
    surfaces: frozenset[str] = field(default_factory=frozenset)

    # ------------------------------------------------------------------ queries
    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def exact(self, surface: str) -> list[AliasEntry]:
        """Entries whose form normalises exactly to ``surface`` (no inflection, no case check)."""
        node: Mapping[str, Any] | None = self.trie
        for w in tx.key(surface):
            node = node.get(w) if node is not None else None
        return list(node.get(END, ())) if node is not None else []

    def holder(self, role: str, country: str, date: str | None) -> str | None:
        """Entity id of whoever held ``role`` for ``country`` on ``date`` (ISO; None = now)."""
        for t in self.tenures.get((role, country), ()):
            if t.holds(date):
                return t.entity_id
        return None

    def roles_of(self, entity_id: str, date: str | None) -> tuple[str, ...]:
        return tuple(r for (r, _c), ts in self.tenures.items()
                     for t in ts if t.entity_id == entity_id and t.holds(date))

    def lookup(self, text: str, published: str | None = None) -> Entity | None:
        """The entity a short surface string names ("Kremlchef", "die Nachrichtenagentur
        KCAN", "Russlands Präsident", "US"), or None. Inflection, role phrases (resolved at
        ``published``, an ISO date or None for today), short forms and typos are handled
        as in running text; the match must cover the end of ``text``, and what it leaves
        uncovered in front must be lower-case words (articles, prepositions) or type cue
        words ("Nachrichtenagentur")."""
        from .linker import link_text

        found = link_text(self, text, published)
        words = tx.words(text)
        if not found or not words:
            return None
        best = max(found, key=lambda m: (m.end - m.start, -m.start))
        if best.end < words[-1].end:
            return None
        if any(w.end <= best.start and not w.text[:1].islower() and w.norm not in self.cues
               for w in words):
            return None
        return found_entity(self, best.entity_id, text[best.start:best.end], best.type)


def found_entity(kb: KnowledgeBase, entity_id: str, text: str, type_: str) -> Entity:
    ent = kb.entities.get(entity_id)
    return ent if ent is not None else Entity(id=entity_id, type=type_, name=text)


def deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}
