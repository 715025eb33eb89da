"""Document-level event frames: the mentions of one happening within an article, linked, and
the arguments a mention's own sentence does not give filled from the frame.

An article about an incident names it many times: "an air strike hit the Al-Nour hospital",
"the blast killed 40", "officials blamed the attack on the militia". The place is said once;
the other mentions point back ("the blast", "the attack"). A frame is the article's main
incident: its violent events, and the events whose sentence refers to an incident by a
definite noun ("the blast", "this attack", "the disaster"), unless a mention says it
happened elsewhere or on another day (then it is another incident). The frame's place is
the most specific place its mentions give in their own clauses (a facility over a town,
a town over a region, a region over a country); failing that, the most specific place of
the sentences that tell it or the title. Mentions that give no place of their own take the
frame's (`location_basis`: "frame", or "lead" when no mention placed it in its clause); the
frame's date likewise fills mentions without one (`date_basis`: "frame").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.event_places import place_rank
from claimgraph.records import Event, EventArgument, Mention

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_OWN_PLACE = frozenset({"clause", "sentence"})
_KEPT_PLACE = _OWN_PLACE | {"context"}  # a place the text itself gave, the frame leaves alone
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def with_frames(doc: Doc, events: list[Event], mentions: list[Mention], lexicon: EventLexicon, *,
                violent: frozenset[str], is_country: Callable[[str], bool] | None, title: str | None = None) -> list[Event]:
    """The document's events, those of its main incident given the incident's place and date
    where their own sentence gives none."""
    sentences = list(doc.sents)
    members = [e for e in events if e.type in violent or _refers_to_incident(sentences[e.sentence], lexicon)]
    if not members:
        return events
    places = {(m.start, m.end): m for m in mentions if m.type in PLACE_TYPES}
    rank = _specificity(is_country)
    own = [places[(a.start, a.end)] for e in members for a in e.role("location")
           if e.location_basis in _OWN_PLACE and (a.start, a.end) in places]
    scene, basis = (_most_specific(own, rank), "frame") if own else (_told_place(sentences, members, mentions, rank, title, lexicon), "lead")
    dated = [e for e in members if e.date is not None and e.date_basis == "sentence"]
    when = dated[0].date if dated else None
    scene_country = scene is not None and rank(scene) == 0
    framed = []
    for event in events:
        if event in members and not _elsewhere(event, scene, places, rank) and not _another_day(event, when):
            event = _filled(event, scene, basis, when, scene_country=scene_country)
        framed.append(event)
    return framed


def _refers_to_incident(sentence: Span, lexicon: EventLexicon) -> bool:
    """Whether the sentence names an incident by a definite noun: 'the blast', 'this attack'."""
    return any(
        (lexicon.in_class(t.lemma_, "incident") or lexicon.in_class(t.lemma_, "disaster") or _violent_noun(t.lemma_, lexicon))
        and t.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE or c.dep_ == "poss") for c in t.children)
        for t in sentence
    )


def _violent_noun(lemma: str, lexicon: EventLexicon) -> bool:
    return any(trigger.plover == "ASSAULT" for trigger in lexicon.entries(lemma.lower(), "NOUN"))


def _specificity(is_country: Callable[[str], bool] | None) -> Callable[[Mention], int]:
    test = is_country if is_country is not None else (lambda _: False)
    return lambda mention: place_rank(mention, test)


def _most_specific(places: list[Mention], rank: Callable[[Mention], int]) -> Mention:
    best = max(rank(p) for p in places)
    return next(p for p in places if rank(p) == best)  # the first so named


def _told_place(sentences: list[Span], members: list[Event], mentions: list[Mention], rank: Callable[[Mention], int],
                title: str | None, lexicon: EventLexicon) -> Mention | None:
    """When no mention placed the incident in its own clause: the most specific place named
    in a sentence that tells it, else in the title when the title names an incident."""
    told = {e.sentence for e in members}
    doers = {(a.start, a.end) for e in members for a in e.role("actor")}  # "Kessa denied ...": who acts is no place
    named = [m for m in mentions if m.type in PLACE_TYPES and m.sentence in told and (m.start, m.end) not in doers]
    if not named and title and _names_incident(title, lexicon):
        folded = title.casefold()
        named = [m for m in mentions if m.type in PLACE_TYPES and m.text.casefold() in folded]
    return _most_specific(named, rank) if named else None


def _names_incident(title: str, lexicon: EventLexicon) -> bool:
    words = {w.strip(".,:;!?\"'").casefold() for w in title.split()}
    return any(lexicon.in_class(w, "incident") or lexicon.in_class(w, "disaster") or _violent_noun(w, lexicon) for w in words)


def _elsewhere(event: Event, scene: Mention | None, places: dict[tuple[int, int], Mention],
               rank: Callable[[Mention], int]) -> bool:
    """A mention placed by its own clause somewhere the scene is not and no less specific:
    another incident ("the attack in Tarbeck last year"), not this one."""
    if scene is None or event.location_basis not in _OWN_PLACE:
        return False
    located = [places.get((a.start, a.end)) for a in event.role("location")]
    return any(p is not None and p.key != scene.key and rank(p) >= rank(scene) for p in located)


def _another_day(event: Event, when: str | None) -> bool:
    """A mention dated by its own sentence to another day than the frame's first dated one
    ("last week's attack") is another incident. Partial dates agree with the days they hold."""
    if when is None or event.date is None or event.date_basis != "sentence":
        return False
    return not (event.date.startswith(when) or when.startswith(event.date))


def _filled(event: Event, scene: Mention | None, basis: str, when: str | None, *, scene_country: bool) -> Event:
    if scene is not None and event.location_basis not in _KEPT_PLACE and not (scene_country and event.location_basis == "document"):
        arguments = tuple(a for a in event.arguments if a.role != "location") + (
            EventArgument("location", scene.start, scene.end, scene.text, scene.key, scene.type),)
        event = replace(event, arguments=arguments, location_basis=basis)
    if when is not None and event.date is None:
        event = replace(event, date=when, date_basis="frame")
    return event
