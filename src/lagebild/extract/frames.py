"""Roles of a trigger: who acts and who receives, by the trigger's frame (give, receive,
nominal, exchange, train, meet, host, agree, directed, unary), the voice, the clause
structure and each party's cue."""
from __future__ import annotations

import dataclasses
from typing import Sequence

from .certainty import in_zone
from .items import ItemHit
from .resources import Lexicon, Trigger
from .roles import Party, dateline_end
from .sentence import ACTOR_TYPES, POSSESSIVE, PRONOUNS, Sentence
from .words import Clause, Word, owns

# --------------------------------------------------------------------------- roles
def _usable(s: Sentence, p: Party) -> bool:
    return not in_zone(s.zones, p.wi) and p.cue != "attr"


def _is_origin(s: Sentence, p: Party) -> bool:
    """An adjective or 'aus' phrase that tells where an item comes from."""
    if p.kind == "adj" and p.head is not None:
        return any(it.wi == p.head for it in s.items)
    return False


def _non_party_subject(s: Sentence, c: Clause, lex: Lexicon) -> bool:
    """The clause opens with a noun phrase that names no state ("Ein Leitartikel ...
    forderte Obama auf", "Experten der Großbank warnen"): that phrase is the subject."""
    k = max(c.start, dateline_end(s.words))
    post = [z for z in s.zones if z.clause is None and lex.match("attr_post", s.words[z.hi - 1].low)]
    while k < c.end and (s.words[k].is_punct or any(z.lo <= k < z.hi for z in post)):
        k += 1  # "Der Studie zufolge ...": the source phrase is no subject
    if k < c.end and s.words[k].low in PRONOUNS:
        return True  # "Wir treffen uns in X", "Er sei nach X gereist"
    if k + 1 < c.end and s.words[k + 1].low in PRONOUNS and not s.words[k].cap:
        return True  # "sei er in die Türkei gereist"
    if k >= c.end or s.words[k].low not in ("der", "die", "das", "ein", "eine", "einer", "kein", "keine"):
        if k < c.end and s.words[k].cap and lex.match("article", s.words[k].low) is None \
                and lex.match("prep", s.words[k].low) is None and k + 1 < c.end \
                and not s.words[k + 1].cap and not s.words[k + 1].is_punct \
                and not any(p.wi <= k <= p.we for p in s.parties) and s.words[k].low.endswith(("er", "en", "e")) \
                and lex.match("title", s.words[k].low) is None and lex.match("head", s.words[k].low) is None:
            return True  # a bare plural noun: "Experten warnen", "Aktivisten machen"
        return False
    j = k + 1
    while j < c.end and not s.words[j].cap and not s.words[j].is_punct:
        j += 1  # adjectives
    if j >= c.end:
        return False
    if any(p.wi <= j <= p.we or (p.kind == "adj" and k < p.wi < j) for p in s.parties):
        return False
    head = s.words[j].low
    if _apposition(s, j, lex):
        return False  # "Der Rüstungskonzern X liefert": the name in apposition is the subject
    return lex.match("head", head) is None and lex.match("title", head) is None \
        and lex.match("person_head", head) is None and lex.match("anaphor", head) is None


def _company_from(s: Sentence, c: Clause, lex: Lexicon) -> Party | None:
    """"Ein Rüstungskonzern aus X liefert ...": the arms maker's state, as a company (AID only)."""
    j = max(c.start, dateline_end(s.words))
    if j < c.end and lex.match("article", s.words[j].low) is not None:
        j += 1
    while j < c.end and not s.words[j].cap and not s.words[j].is_punct:
        j += 1  # adjectives
    if j + 2 >= c.end or lex.match("company_head", s.words[j].low) is None or s.words[j + 1].low != "aus":
        return None
    p = next((p for p in s.parties if p.wi == j + 2 and p.etype == "COUNTRY" and _usable(s, p)), None)
    return None if p is None else dataclasses.replace(p, cue="bare", company=True)


def _apposition(s: Sentence, j: int, lex: Lexicon) -> bool:
    """The noun at ``j`` stands in apposition to a party's name right after it ("der
    Rüstungskonzern X", "das Nachbarland X")."""
    low = s.words[j].low
    if lex.match("appos_head", low) is None and lex.match("company_head", low) is None:
        return False
    return any(p.wi == j + 1 and p.kind == "plain" and p.cue == "bare" and p.etype in ACTOR_TYPES
               and _usable(s, p) for p in s.parties)


def subject_of(s: Sentence, k: int, lex: Lexicon) -> Party | None:
    c = s.clauses[k]
    if _non_party_subject(s, c, lex):
        return _company_from(s, c, lex)
    if c.kind == "rel":  # the relative pronoun stands for the name right before the comma
        return next((p for p in s.parties if p.we in (c.start - 2, c.start - 3) and _usable(s, p)
                     and p.etype in ACTOR_TYPES), None)
    for p in s.parties:
        if not owns(s.clauses, k, p.wi) or not _usable(s, p) or p.etype not in ACTOR_TYPES:
            continue
        if p.cue != "bare" or (_is_origin(s, p) and not _actor_head(s.words[p.head].low, lex)):
            continue
        if p.kind == "poss" and p.head is not None and not _actor_head(s.words[p.head].low, lex):
            continue  # "Russlands Krieg": not the subject
        if p.kind in ("adj", "compound") and p.head is not None and not _actor_head(s.words[p.head].low, lex):
            if p.kind == "adj" and lex.match("company_head", s.words[p.head].low) is not None:
                return dataclasses.replace(p, company=True)  # "der xische Rüstungskonzern" (AID only)
            continue
        return p
    return _genitive_subject(s, c, lex)


def _genitive_subject(s: Sentence, c: Clause, lex: Lexicon) -> Party | None:
    """"Die Außenminister Spaniens und Italiens berieten ...": the state after a title or body
    noun that opens the clause."""
    k = c.start
    if k < c.end and lex.match("article", s.words[k].low) is not None:
        k += 1
    if k + 1 >= c.end or not _actor_head(s.words[k].low, lex):
        return None
    p = next((p for p in s.parties if p.wi == k + 1), None)
    if p is None or not _usable(s, p) or p.etype not in ACTOR_TYPES or p.kind != "postgen":
        return None
    return dataclasses.replace(p, cue="bare")


def _actor_head(low: str, lex: Lexicon) -> bool:
    head = low.rsplit("-", 1)[-1]
    if any(lex.match(kind, head) for kind in ("person_head", "head", "title")):
        return True
    # a compound with such a head: "Finanzministerium", "Außenamtssprecher"
    return any(lex.match("head", head[i:]) for i in range(3, len(head) - 5))


def _inherited_subject(s: Sentence, k: int, lex: Lexicon) -> tuple[Party | None, bool]:
    """Subject of clause k, or of the clause governing a zu-infinitive (its object for
    beschuldigen/vorwerfen). The flag says whether it was inherited."""
    own = subject_of(s, k, lex)
    c = s.clauses[k]
    if c.kind == "zu" and c.parent is not None:
        pc = s.clauses[c.parent]
        if any(lex.match("object_control", w.low) for w in s.words[pc.start:pc.end]):
            subj = subject_of(s, c.parent, lex)
            obj = next((p for p in s.parties if owns(s.clauses, c.parent, p.wi) and _usable(s, p) and p is not subj
                        and p.etype in ACTOR_TYPES and (subj is None or p.country != subj.country)), None)
            return obj, True
        parent_subj, _ = _inherited_subject(s, c.parent, lex)
        return parent_subj, True
    if own is None and c.parent is not None and any(
            a.low in ("sein", "ihr", "seine", "ihre") and b.low in ("land", "regierung", "staat", "führung")
            for a, b in zip(s.words[c.start:c.end], s.words[c.start + 1:c.end])):
        return _inherited_subject(s, c.parent, lex)[0], True  # "..., sein Land liefere ..."
    if own is None and c.kind == "main" and c.parent is not None:
        prev = s.clauses[c.parent]
        if not any(lex.match("say", w.low) for w in s.words[prev.start:prev.end]):
            return None, False
    return own, False


def clause_parties(s: Sentence, k: int) -> list[Party]:
    return [p for p in s.parties if owns(s.clauses, k, p.wi) and _usable(s, p)]


def _first(ps: Sequence[Party], *cues: str, not_country: str | None = None,
           after: int = -1, actor_only: bool = False) -> Party | None:
    for p in ps:
        if p.cue in cues and p.country != not_country and p.wi > after \
                and (not actor_only or p.etype in ACTOR_TYPES):
            return p
    return None


def is_passive(s: Sentence, k: int, w: Word, lex: Lexicon, ps: Sequence[Party]) -> bool:
    c = s.clauses[k]
    aux = [x.low for x in s.words[c.start:c.end] if lex.match("passive", x.low) and owns(s.clauses, k, x.i)]
    if not aux:
        return False
    has_von = any(p.prep in ("von", "vom") for p in ps)
    if any(a in ("wurde", "wurden", "worden") for a in aux):
        return True
    return has_von or (w.low.startswith("ge") and w.low.endswith("t"))


def _pp_party(s: Sentence, ps: Sequence[Party], after: int, preps: tuple[str, ...],
              not_country: str | None) -> Party | None:
    """First party after a preposition that follows word ``after`` ("an das seit Jahren isolierte
    Dravonien"), when no other preposition comes between."""
    for j in range(after + 1, min(after + 8, len(s.words))):
        if s.words[j].low in preps:
            for p in ps:
                if p.wi > j and p.wi - j <= 9 and p.country != not_country and not any(
                        s.words[x].low in preps for x in range(j + 1, p.wi)):
                    return p
            return None
    return None


def _possessive_before(s: Sentence, w: Word) -> bool:
    """"seines Besuchs", "ihre Unterstützung": the subject of the clause owns the noun event."""
    for j in range(w.i - 1, max(w.i - 4, -1), -1):
        x = s.words[j]
        if x.low in POSSESSIVE:
            return True
        if x.cap or x.is_punct:
            return False
    return False


def _agentive(s: Sentence, k: int, lex: Lexicon) -> bool:
    """The clause (or the clause governing it) has a verb whose subject performs a noun
    event: "lehnt die Lieferung ab", "kündigte die Lieferung an", "verhängte Sanktionen"."""
    c = s.clauses[k]
    spans = [(c.start, c.end)]
    if c.parent is not None and c.kind in ("zu", "sub"):
        pc = s.clauses[c.parent]
        spans.append((pc.start, pc.end))
    return any(lex.match("agentive", x.low) for lo, hi in spans for x in s.words[lo:hi])


def _nominal_agent(s: Sentence, w: Word, ps: Sequence[Party]) -> Party | None:
    for p in ps:
        if p.head == w.i and p.kind in ("poss", "adj", "compound", "postgen") and p.etype in ACTOR_TYPES:
            return p
        if p.kind == "postgen" and p.head == w.i:
            return p
    for p in ps:  # "Luftangriffe der saudischen Koalition"
        if p.cue == "gen" and p.np_start == w.i + 1 and p.etype in ACTOR_TYPES:
            return p
    for p in ps:  # "die Lieferung von X an Y"
        if p.prep in ("von", "vom", "seitens", "durch") and 0 < p.np_start - w.i <= 3:
            return p
    return None


def _against_np(s: Sentence, ps: Sequence[Party], after: int, not_country: str | None) -> Party | None:
    """A state inside the noun phrase after "gegen": "Sanktionen gegen eine in X registrierte
    Reederei", "gegen fünf xische Unternehmen"."""
    j = next((x.i for x in s.words[after + 1:after + 4] if x.low == "gegen"), None)
    if j is None:
        return None
    head = next((x.i for x in s.words[j + 1:j + 8] if x.cap and not any(p.wi <= x.i <= p.we for p in ps)), None)
    if head is None:
        return None
    return next((p for p in ps if j < p.wi < head and p.country != not_country and p.cue != "attr"), None)


# prepositions of a target tried after all others, per event type: "appellierte an X", "verlangte
# von X", "fror das Vermögen von X ein"
_LATE_PREPS: dict[str, tuple[str, ...]] = {"REQUEST": ("an", "von", "vom"), "SANCTION": ("von", "vom")}


def _late_prep(s: Sentence, ps: Sequence[Party], etype: str, after: int,
               not_country: str | None) -> Party | None:
    """A target in a prepositional object ("appellierte an X"); for a request not one that hangs
    on a noun ("in einer Note an X", "Reformen von X"); a sanction may ("das Vermögen von X")."""
    return next((p for p in ps if p.prep in _LATE_PREPS.get(etype, ()) and p.wi > after and p.np_start >= 2
                 and p.country != not_country
                 and (etype != "REQUEST" or not s.words[p.np_start - 2].cap)), None)


def _agent_by(ps: Sequence[Party], not_country: str | None) -> Party | None:
    """The agent of the act that is condemned or protested: "die Grenzverletzung durch X"."""
    return next((p for p in ps if p.prep == "durch" and p.country != not_country), None)


def _against_from(s: Sentence, ps: Sequence[Party], after: int, not_country: str | None,
                  preps: tuple[str, ...] = ("gegen",)) -> Party | None:
    """"Gegenmaßnahmen gegen die Zölle aus X", "droht mit Zöllen auf Autos aus X": the origin
    of what the act is aimed at."""
    j = next((x.i for x in s.words[after + 1:after + 7] if x.low in preps), None)
    if j is None:
        return None
    return next((p for p in ps if j < p.wi <= j + 6 and p.prep in ("aus", "von", "vom")
                 and p.country != not_country), None)


def _origin(s: Sentence, items: Sequence[ItemHit], ps: Sequence[Party]) -> Party | None:
    for it in items:
        for p in ps:
            if p.kind == "adj" and p.head == it.wi and p.etype in ACTOR_TYPES | {"LOC"}:
                return p
            if p.prep == "aus" and 0 < p.np_start - it.wi <= 2:
                return p
    return None


def co_subjects(s: Sentence, subj: Party | None) -> list[Party]:
    """Parties coordinated with ``subj`` under the same cue: "Die USA und Großbritannien
    bombardierten ...", "nach Rumänien und Litauen", "aus Spanien und Portugal"."""
    out: list[Party] = []
    if subj is None:
        return out
    last = subj.we
    for p in s.parties:
        if p.wi == subj.wi and p.country != subj.country and p.np_start == subj.np_start and p.cue == "bare":
            out.append(p)  # "Beide Länder": both states of the previous event
            continue
        if p.wi <= last or p.cue != subj.cue or p.country == subj.country or p.etype == "LOC":
            continue
        between = [x.low for x in s.words[last + 1:p.np_start]]
        if between and between[0] in ("und", "sowie", ",") and all(
                x in ("und", "sowie", ",", "die", "der", "das") for x in between):
            out.append(p)
            last = p.we
        else:
            break
    return out


def roles(s: Sentence, w: Word, t: Trigger, k: int, items: Sequence[ItemHit], lex: Lexicon,
          trig_words: set[int]) -> tuple[Party | None, Party | None, float]:
    """(actor, target, confidence penalty) for one trigger."""
    ps = clause_parties(s, k)
    subj, inherited = _inherited_subject(s, k, lex)
    if t.frame not in ("agree", "meet", "host") and not (t.pos == "V" and is_passive(s, k, w, lex, ps)):
        co = co_subjects(s, subj)
        ps = [p for p in ps if p not in co]
    penalty = 0.1 if inherited else 0.0
    passive = t.pos == "V" and is_passive(s, k, w, lex, ps)
    frame = t.frame
    from_subject = False
    if t.pos == "N" and frame not in ("nominal", "train", "exchange"):
        agent = _nominal_agent(s, w, ps)
        if agent is None and (_agentive(s, k, lex) or _possessive_before(s, w)
                              or (frame == "meet" and _first(ps, "with", after=w.i) is not None)):
            agent, from_subject = subj, True
        up = s.clauses[k].parent
        while agent is None and t.type == "THREATEN" and up is not None:
            agent = subject_of(s, up, lex)  # "X betonte, dass dies Sanktionen nach sich ziehen werde"
            up = s.clauses[up].parent
        subj = agent
    actor: Party | None = None
    target: Party | None = None
    if frame in ("give", "give_rcpt"):
        von = next((p for p in ps if p.prep in ("von", "vom", "seitens")), None)
        if passive:
            actor = von or _origin(s, items, ps)
            if frame == "give_rcpt":
                target = subj if subj is not None and subj is not actor else None
        else:
            actor = subj or von
        if actor is None:
            actor = _origin(s, items, ps)
            penalty += 0.1
        not_c = actor.country if actor else None
        if target is None:
            if frame == "give_rcpt":
                target = (_first(ps, "bare", "dat", not_country=not_c, after=(actor.we if actor else -1))
                          or _first(ps, "to", not_country=not_c))
            else:
                target = (_first(ps, "to", not_country=not_c) or _first(ps, "dat", not_country=not_c)
                          or _first(ps, "bare", not_country=not_c, after=(actor.we if actor else -1),
                                    actor_only=True)
                          or _first(ps, "for", not_country=not_c))
            if target is None:  # "an der Seite Russlands"
                target = next((p for p in ps if p.wi > 0 and s.words[p.np_start - 1].low in ("seite", "seiten")
                               and p.country != not_c), None)
            if target is None:  # "in Russland stationiert", "Hilfsgüter ... in X geschickt"
                target = next((p for p in ps if p.prep in ("in", "im", "ins") and p.etype == "COUNTRY"
                               and p.country != not_c), None)
            if target is None and any(it.unit == "person" for it in items):
                # people sent to a place of another state: "Pioniere in die Region X entsenden"
                target = next((p for p in ps if p.prep in ("in", "ins", "nach") and p.etype == "LOC"
                               and p.wi > w.i - 8 and p.country != not_c), None)
    elif frame == "receive":
        target = subj
        not_c = target.country if target else None
        actor = (next((p for p in ps if p.prep in ("von", "vom", "aus", "seitens") and p.country != not_c), None)
                 or _origin(s, items, ps)
                 or next((p for p in ps if p.prep in ("in", "im") and p.etype == "COUNTRY"
                          and p.country != not_c), None))
    elif frame == "nominal":
        actor = _nominal_agent(s, w, ps) or _origin(s, items, ps)
        if actor is None and _agentive(s, k, lex):
            actor, from_subject = subj, True
            penalty += 0.1
        not_c = actor.country if actor else None
        target = (_first(ps, "to", not_country=not_c, after=w.i - 1)
                  or _first(ps, "for", not_country=not_c, after=w.i - 1)
                  or _pp_party(s, ps, w.i, ("an", "nach"), not_c))
        if target is None and from_subject:
            target = _first(ps, "dat", "bare", not_country=not_c, actor_only=True)
    elif frame == "train" and passive:  # "die Einheiten wurden von X / auf xischen Plätzen ausgebildet"
        actor = next((p for p in ps if p.prep in ("von", "vom", "durch")), None) or next(
            (p for p in ps if p.kind == "adj" and p.wi > 0 and s.words[p.np_start - 1].low in ("auf", "in", "bei")
             and p.etype in ACTOR_TYPES | {"LOC"}), None)
        target = subj if subj is not None and actor is not None and subj.country != actor.country else None
        if actor is not None and actor.etype == "LOC":
            actor = None
    elif frame == "train":
        actor = subj if subj is not None and not _is_origin(s, subj) else None
        if actor is None:
            actor = next((p for p in ps if p.kind == "adj" and p.cue == "bare" and p.wi < w.i), None)
        not_c = actor.country if actor else None
        target = next((p for p in ps if p.country != not_c and p.wi != (actor.wi if actor else -1)
                       and (p.kind == "adj" or p.cue in ("bare", "dat"))), None)
    elif frame in ("meet", "host", "agree"):
        actor = subj
        if actor is None and frame == "agree":  # "Der Vertrag zwischen X und Y trat in Kraft"
            actor = next((p for p in ps if p.cue == "between" and p.etype in ACTOR_TYPES), None)
        not_c = actor.country if actor else None
        others = [p for p in ps if p.country != not_c and p is not actor]
        if frame == "agree":
            target = next((p for cues in (("with",), ("between",), ("bare", "dat")) for p in others
                           if p.etype in ACTOR_TYPES and p.cue in cues), None)
        else:
            venue = () if t.mode in ("meeting", "phone") else ("to", "in")  # a meeting in Vienna is no visit
            target = next((p for p in others if (p.cue in ("bare", "dat", "with", "between") + venue
                                                 or (frame == "host" and p.prep in ("von", "vom")))
                           and p.etype in ACTOR_TYPES), None) or next(
                (p for p in others if p.cue == "gen" and p.etype in ACTOR_TYPES), None)  # a genitive last
            if target is None and venue == () and actor is not None and t.pos == "V":  # "X traf in Y ..."
                target = next((p for p in others if p.prep in ("in", "im") and p.etype == "COUNTRY"), None)
        if frame == "host" and target is not None:
            actor, target = target, actor
    elif frame == "directed":
        actor = subj
        if passive:
            von = next((p for p in ps if p.prep in ("von", "vom", "durch")), None)
            actor, target = von, subj
        not_c = actor.country if actor else None
        if target is None:
            if t.pos == "N":
                target = (_first(ps, "against", "for", "to", not_country=not_c, after=w.i - 1)
                          or _against_np(s, ps, w.i, not_c) or _against_from(s, ps, w.i, not_c)
                          or _first(ps, "in", not_country=not_c, after=w.i))
                if target is None and from_subject:
                    target = _first(ps, "dat", "bare", not_country=not_c, actor_only=True)
                if target is None and t.type == "PROTEST":  # "legte bei X Protest ein"
                    target = next((p for p in ps if p.prep in ("bei", "beim") and p.country != not_c), None)
            else:
                after = actor.we if actor else -1
                target = (_first(ps, "bare", "dat", "against", "gen", "between", not_country=not_c, after=after)
                          or _first(ps, "for", "with", not_country=not_c, after=after)
                          or _late_prep(s, ps, t.type, after, not_c)
                          or _agent_by(ps, not_c) or _against_from(s, ps, w.i, not_c, ("gegen", "auf")))
                if target is None and t.type == "ASSAULT":
                    target = _first(ps, "in", "to", not_country=not_c)
    elif frame == "unary":
        actor = subj
        not_c = actor.country if actor else None
        if t.type == "RETREAT":
            target = _first(ps, "from", not_country=not_c)
        elif t.type == "MOBILIZE":
            target = _first(ps, "to", "against", not_country=not_c)
        else:
            target = _first(ps, "against", *(("for",) if t.type == "REJECT" else ()), not_country=not_c,
                            after=w.i)
            if target is None and t.type == "REJECT" and t.pos == "N":  # a veto against a body of the UN
                target = next((p for p in ps if p.etype == "ORG" and p.country != not_c), None)
            if target is None and t.type == "REJECT" and t.pos == "V" and actor is not None:
                # "lehnte das Angebot Dravoniens ab", "wies die Vorwürfe aus X zurück"
                target = next((p for p in ps if p.cue in ("gen", "bare", "dat") and p.kind != "adj"
                               and p.wi > actor.we and p.country != not_c and p.etype in ACTOR_TYPES), None) \
                    or next((p for p in ps if p.prep in ("aus", "von", "vom") and p.wi > actor.we
                             and p.country != not_c and p.etype in ACTOR_TYPES), None)
    elif frame == "exchange":
        actor = target = None  # filled from the delivery it pays for
    if actor is not None and actor.etype not in ACTOR_TYPES:
        actor = None
    return actor, target, penalty
