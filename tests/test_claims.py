"""Claims: who says what, with which cue, stance and modality, on sentences written for the tests.

The names are invented (Ruvia, Zembla, Tessa, Amadou Keita, Radio Horizon, the Daily Ledger);
every test runs the real spaCy pipeline through `extract_mentions` and `extract_claims`.
"""

from __future__ import annotations

import pytest

from claimgraph.extract import (
    extract_claims,
    extract_mentions,
    load_cue_lexicon,
    load_entity_lexicon,
)
from claimgraph.records import Claim

from .conftest import extract_text

CUES = load_cue_lexicon()
ENTITIES = load_entity_lexicon()
OUTLET = "Example Post"


@pytest.fixture(scope="module")
def nlp(build_tools):
    return build_tools.nlp


def claims_of(nlp, text: str, *, outlet: str | None = OUTLET) -> list[Claim]:
    """All claims of `text` as one document; every claim's text is checked against its offsets."""
    doc = nlp(text)
    claims = extract_claims(doc, "d1", extract_mentions(doc, "d1", ENTITIES), CUES, outlet=outlet)
    for claim in claims:
        assert claim.text == doc.text[claim.start : claim.end], claim
        assert claim.doc == "d1"
    return claims


def covering(claims: list[Claim], text: str, fragment: str) -> list[Claim]:
    """The claims whose span covers the first occurrence of `fragment` in `text`, widest first."""
    start = text.index(fragment)
    end = start + len(fragment)
    found = [c for c in claims if c.start <= start and end <= c.end]
    return sorted(found, key=lambda c: c.start - c.end)


def claim_at(claims: list[Claim], text: str, fragment: str) -> Claim:
    """The one sentence-level claim covering `fragment` (the widest one when clauses nest in it)."""
    found = covering(claims, text, fragment)
    assert found, f"no claim covers {fragment!r}: {[c.text for c in claims]}"
    widest = [c for c in found if (c.start, c.end) == (found[0].start, found[0].end)]
    assert len(widest) == 1, f"{len(widest)} claims on {fragment!r}: {widest}"
    return widest[0]


# 1. Cue families ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Amadou Keita said the troops would stay in Ruvia.", "said"),
        ("The troops will stay in Ruvia, Amadou Keita said.", "said"),
        ("Amadou Keita says the troops will stay in Ruvia.", "says"),
        ("According to Amadou Keita, the troops will stay in Ruvia.", "According to"),
        ("Amadou Keita confirmed that the convoy had been attacked.", "confirmed"),
        ("Amadou Keita noted that the border had been closed since March.", "noted"),
        ("Amadou Keita stressed that the talks would continue.", "stressed"),
        ("Amadou Keita added that the talks would continue.", "added"),
        ("Amadou Keita pointed out that the border had been closed since March.", "pointed out"),
        ("Amadou Keita accused Zembla of arming the rebels.", "accused"),
        ("Amadou Keita advised that the road to Gao was closed.", "advised"),
        ("Amadou Keita informed reporters that the border had been closed since March.", "informed"),
    ],
)
def test_a_speech_cue_attributes_the_sentence_to_its_speaker(nlp, text: str, cue: str) -> None:
    claims = claims_of(nlp, text)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.text == text
    assert (claim.source.name, claim.source.kind, claim.source.entity_type) == ("Amadou Keita", "person", "PERSON")
    assert claim.cue == cue
    assert (claim.stance, claim.modality, claim.via) == ("assert", "reported", ())


def test_told_an_outlet_relays_the_claim_through_it(nlp) -> None:
    (claim,) = claims_of(nlp, "Amadou Keita told Radio Horizon on Monday that the troops would stay in Ruvia.")
    assert (claim.source.name, claim.cue) == ("Amadou Keita", "told")
    assert "Radio Horizon" in claim.via


@pytest.mark.parametrize("text", [
    "A Zemblan army memo, handed to Radio Horizon by a defector, says 100 people died.",
    "A Zemblan official, speaking to Radio Horizon on condition of anonymity, said 40 people died.",
    "According to a report published in Radio Horizon, 40 people died in Tessa.",
])
def test_a_source_that_reached_the_article_through_an_outlet_relays_through_it(nlp, text: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert "Radio Horizon" in claim.via


@pytest.mark.parametrize("text", [
    "An assessment prepared by Radio Horizon says 100 people died.",  # its author
    "A Zemblan official, speaking with Amadou Keita in Tessa, said 40 people died.",  # someone met
])
def test_a_source_s_author_or_company_is_not_its_relay(nlp, text: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert not {"Radio Horizon", "Amadou Keita"} & set(claim.via)


def test_told_unnamed_reporters_relays_through_nobody(nlp) -> None:
    (claim,) = claims_of(nlp, "Amadou Keita told reporters that the troops would stay.")
    assert (claim.source.name, claim.cue, claim.via) == ("Amadou Keita", "told", ())


def test_claimed_that_makes_an_alleged_claim(nlp) -> None:
    (claim,) = claims_of(nlp, "Amadou Keita claimed that the elections had been rigged.")
    assert (claim.source.name, claim.cue, claim.stance, claim.modality) == ("Amadou Keita", "claimed", "assert", "alleged")


def test_an_outlet_that_reports_is_a_media_source(nlp) -> None:
    (claim,) = claims_of(nlp, "Radio Horizon reported that the convoy had been attacked near Tessa.")
    assert (claim.source.name, claim.source.kind, claim.cue, claim.modality) == ("Radio Horizon", "media", "reported", "reported")


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Amadou Keita denied that the troops had fired on civilians.", "Amadou Keita", "denied"),
        ("Amadou Keita denies the presence of Ruvian troops in Tessa.", "Amadou Keita", "denies"),
        ("The government of Ruvia denies the presence of foreign mercenaries in the country.", "The government of Ruvia", "denies"),
        ("Amadou Keita rejected the accusations as baseless.", "Amadou Keita", "rejected"),
        ("The ministry dismissed the report as propaganda.", "The ministry", "dismissed"),
    ],
)
def test_denial_cues_make_deny_claims(nlp, text: str, source: str, cue: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.source.name, claim.cue, claim.stance, claim.modality) == (source, cue, "deny", "reported")


def test_names_joined_by_an_ampersand_are_one_speaker(nlp) -> None:
    (claim,) = claims_of(nlp, "Vantor & Keita said profits would fall.")
    assert (claim.source.name, claim.cue) == ("Vantor & Keita", "said")
    pair = claims_of(nlp, "Ruvia and Kessa deny the presence of foreign troops.")
    assert sorted(c.source.name for c in pair) == ["Kessa", "Ruvia"]  # "and" still joins two speakers


@pytest.mark.parametrize("text, source", [
    ("The Ruvian Health Agency (RHA) said 40 people died.", "The Ruvian Health Agency (RHA)"),
    ("The toll has risen to 300, the Kessa Office for Relief Coordination (KORC) has announced.",
     "the Kessa Office for Relief Coordination (KORC)"),
])
def test_a_speaker_named_with_its_acronym_keeps_both_brackets(nlp, text: str, source: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert claim.source.name == source


def test_setting_a_figure_at_a_number_states_it(nlp) -> None:
    (claim,) = claims_of(nlp, "Local officials put the death toll at 35.")
    assert (claim.source.name, claim.cue) == ("Local officials", "put")
    text = ("Ruvian intelligence believes that 40 to 90 people died in the blast, state radio reported on Monday, and a "
            "Kessan official put the toll at 20 or fewer, contradicting rebel claims.")
    official = covering(claims_of(nlp, text), text, "put the toll at 20")[-1]  # the narrowest
    assert (official.source.name, official.text) == ("a Kessan official", "a Kessan official put the toll at 20 or fewer")
    assert claim_at(claims_of(nlp, text), text, "40 to 90 people").source.name == "state radio"
    (storm,) = claims_of(nlp, "The storm put the town at risk.")
    assert storm.cue is None  # no figure set: the outlet's own statement


@pytest.mark.parametrize(("text", "second", "speaker"), [
    ("The health ministry said 500 people were killed, while a civil defence chief said 300 died.",
     "a civil defence chief said 300 died", "a civil defence chief"),
    ("Ruvia said 20 soldiers died, but Kessa said 45 were killed.", "Kessa said 45 were killed", "Kessa"),
    ("The army said 12 rebels were killed and the rebels said they lost no one.", "the rebels said they lost no one", "the rebels"),
])
def test_a_second_speaker_joined_to_the_first_keeps_their_own_clause(nlp, text: str, second: str, speaker: str) -> None:
    claims = claims_of(nlp, text)
    assert claim_at(claims, text, text[:12]).text == text  # the first speaker's claim is the sentence
    narrowest = covering(claims, text, second)[-1]
    assert (narrowest.text, narrowest.source.name) == (second, speaker)


def test_a_cue_after_a_quote_is_no_second_speaker(nlp) -> None:
    text = "“The troops will stay in Gao,” the minister said, “and they will leave in May,” he added."
    assert all(c.text != "he added" for c in claims_of(nlp, text))


def test_when_a_source_spoke_is_not_part_of_its_name(nlp) -> None:
    (claim,) = claims_of(nlp, "The rebel group Kessa Front on Tuesday rejected the accusations.")
    assert (claim.source.name, claim.cue) == ("The rebel group Kessa Front", "rejected")


def test_a_possessed_speech_noun_that_says_nothing_is_no_claim(nlp) -> None:
    claims = claims_of(nlp, "Ruvia rejected the army's accusations on Monday.")
    assert [(c.source.name, c.cue) for c in claims] == [("Ruvia", "rejected")]
    told = claims_of(nlp, "Ruvia rejected the army's accusation of genocide on Monday.")
    assert ("the army's", "accusation") in [(c.source.name, c.cue) for c in told]


def test_asking_someone_for_something_is_a_request_not_speech(nlp) -> None:
    (claim,) = claims_of(nlp, "The government in Kessa asked Ruvia for help.")
    assert (claim.source.kind, claim.cue) == ("outlet", None)
    (asked,) = claims_of(nlp, "Amadou Keita asked whether the troops would stay.")
    assert (asked.source.name, asked.cue) == ("Amadou Keita", "asked")  # asking a question still cites


def test_accused_is_an_assertion_not_a_denial(nlp) -> None:
    (claim,) = claims_of(nlp, "Amadou Keita accused Zembla of arming the rebels.")
    assert claim.stance == "assert"
    assert claim.source.name == "Amadou Keita"  # not the accused


@pytest.mark.parametrize(
    "text",
    [
        "Amadou Keita praised the soldiers, adding that the operation had been a success.",
        "The troops will stay, Amadou Keita said, adding that the operation had been a success.",
    ],
)
def test_adding_that_is_a_clause_claim_by_the_same_speaker(nlp, text: str) -> None:
    claims = claims_of(nlp, text)
    assert len(claims) == 2
    sentence, clause = claims
    assert sentence.text == text and sentence.source.name == "Amadou Keita"
    assert clause.text == "adding that the operation had been a success"
    assert (clause.source.name, clause.source.kind, clause.cue) == ("Amadou Keita", "person", "adding")
    assert clause.sentence == sentence.sentence == 0


# 2. Colons and quotations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Amadou Keita said: “We will not leave Ruvia.”", "Amadou Keita said: «We will not leave Ruvia.»"],
)
def test_a_colon_and_a_quote_after_the_cue_is_one_claim_by_the_speaker(nlp, text: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert claim.text == text
    assert (claim.source.name, claim.source.kind, claim.cue) == ("Amadou Keita", "person", "said")


def test_a_short_negated_direct_quote_is_a_denial(nlp) -> None:
    (claim,) = claims_of(nlp, "Amadou Keita said: “We will not leave.”")
    assert claim.stance == "deny"


def test_a_told_outlet_with_a_colon_quote_keeps_the_relay(nlp) -> None:
    (claim,) = claims_of(nlp, "Amadou Keita told Radio Horizon: “The troops will stay.”")
    assert (claim.source.name, claim.via) == ("Amadou Keita", ("Radio Horizon",))


@pytest.mark.parametrize(
    "text",
    [
        "“We will not leave. We have work to do,” Amadou Keita said.",
        "«We will not leave. We have work to do», Amadou Keita said.",
    ],
)
def test_a_quote_over_two_sentences_before_the_cue_is_all_the_speakers(nlp, text: str) -> None:
    claims = claims_of(nlp, text)
    first = claim_at(claims, text, "We will not leave")
    second = claim_at(claims, text, "We have work to do")
    assert first.source.name == second.source.name == "Amadou Keita"


def test_a_quoted_first_person_speech_verb_is_the_quotations_speaker(nlp) -> None:
    # "we declare" is Keita speaking, not the officials quoted before, nor a speaker "we"
    text = ("Kessan officials said the bridge was damaged. Traffic was halted on Monday. "
            "“We reject these charges, we declare this officially. Our troops did not cross the river,” Amadou Keita said.")
    claims = claims_of(nlp, text)
    first = claim_at(claims, text, "We reject these charges")
    assert first.source.name == "Amadou Keita"
    assert claim_at(claims, text, "Kessan officials said").source.name == "Kessan officials"
    # a quotation naming no speaker of its own goes on with the speaker before it
    text = "Amadou Keita said the border would close. “We insist that Kessa withdraw its troops.” He added that talks were over."
    claims = claims_of(nlp, text)
    assert {c.source.name for c in claims} == {"Amadou Keita"}


def test_the_sentence_carrying_the_cue_of_a_two_sentence_quote_is_the_speakers(nlp) -> None:
    text = "“We will not leave. We have work to do,” Amadou Keita said."
    claim = claim_at(claims_of(nlp, text), text, "We have work to do")
    assert (claim.source.name, claim.cue) == ("Amadou Keita", "said")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We will not leave,” Amadou Keita said. “We have work to do. Our partners trust us.”", ("We have work to do", "Our partners trust us")),
        ("Amadou Keita said the troops would stay. «The mission will go on.»", ("The mission will go on",)),
        ("Amadou Keita spoke to reporters in Tessa on Monday. “The troops will stay. Our partners trust us.”", ("The troops will stay", "Our partners trust us")),
    ],
)
def test_a_quote_opening_right_after_an_attributed_sentence_continues_its_speaker(nlp, text: str, quoted: tuple[str, ...]) -> None:
    claims = claims_of(nlp, text)
    for fragment in quoted:
        claim = claim_at(claims, text, fragment)
        assert (claim.source.name, claim.source.kind, claim.modality) == ("Amadou Keita", "person", "reported")
        assert claim.cue is not None


@pytest.mark.parametrize(
    "text",
    [
        "The convoy left Tessa on Monday. “The mission is over.”",
        "Amadou Keita said the troops would stay. The roads were closed. “The mission is over.”",
    ],
)
def test_a_quote_not_right_after_an_attributed_sentence_stays_in_the_outlets_voice(nlp, text: str) -> None:
    claim = claim_at(claims_of(nlp, text), text, "The mission is over")
    assert (claim.source.kind, claim.source.name, claim.cue) == ("outlet", OUTLET, None)


def test_a_negated_direct_quote_is_a_denial(nlp) -> None:
    (claim,) = claims_of(nlp, "“Ruvia does not employ mercenaries,” the minister said.")
    assert (claim.source.name, claim.cue, claim.stance) == ("the minister", "said", "deny")


def test_a_negated_quote_after_a_colon_is_a_denial(nlp) -> None:
    (claim,) = claims_of(nlp, "Amadou Keita said: “Ruvia does not employ mercenaries.”")
    assert claim.stance == "deny"


def test_a_negated_quote_continuing_a_speaker_is_a_denial(nlp) -> None:
    text = "Amadou Keita said the troops would stay. “The mission is not over.”"
    claims = claims_of(nlp, text)
    assert claim_at(claims, text, "the troops would stay").stance == "assert"
    continued = claim_at(claims, text, "The mission is not over")
    assert (continued.source.name, continued.stance) == ("Amadou Keita", "deny")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said that the problem was not understood.",
        "Amadou Keita said Ruvia did not employ mercenaries.",
    ],
)
def test_a_negated_indirect_statement_is_an_assertion(nlp, text: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.cue, claim.stance) == ("said", "assert")


@pytest.mark.parametrize(("text", "stance"), [
    ("“That is a lie,” the minister said.", "deny"),
    ("Amadou Keita said the reports of a massacre were false and baseless.", "deny"),
    ("The Kessa army described the reports as fabrications, a spokesman said.", "deny"),
    ("Amadou Keita said the reports were not false.", "assert"),  # a negated verdict of falsity
    ("Amadou Keita said false reports had spread in Gao.", "assert"),  # falsity as a modifier states nothing false
])
def test_calling_something_false_denies_it(nlp, text: str, stance: str) -> None:
    claims = [c for c in claims_of(nlp, text) if c.source.kind != "outlet"]
    assert claims and claims[0].stance == stance, [(c.text, c.stance) for c in claims]


# 3. Passive and impersonal --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It was reported that the convoy had been attacked near Tessa.", "reported"),
        ("It is reported that the convoy was attacked near Tessa.", "reported"),
        ("Amadou Keita is said to be in hiding in Zembla.", "said"),
        ("The convoy is reported to have crossed the border.", "reported"),
    ],
)
def test_a_passive_without_agent_cites_unnamed_sources(nlp, text: str, cue: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.source.kind, claim.source.name, claim.cue) == ("anonymous", "unnamed sources", cue)
    assert claim.modality == "alleged"


def test_a_passive_with_an_agent_cites_the_agent(nlp) -> None:
    (claim,) = claims_of(nlp, "The presence of the instructors was confirmed by the army.")
    assert (claim.source.name, claim.cue, claim.modality) == ("the army", "confirmed", "reported")


@pytest.mark.parametrize(
    "text",
    [
        "Troops are expected to arrive next week.",
        "The mine is estimated to produce two tonnes of gold a year.",
        "The presence of the instructors was confirmed.",
    ],
)
def test_a_forecast_or_a_confirmed_fact_is_not_attributed(nlp, text: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.source.kind, claim.source.name, claim.cue, claim.modality) == ("outlet", OUTLET, None, "fact")


@pytest.mark.parametrize(
    "text",
    [
        "The journalists were told to leave the country.",
        "Residents were warned to stay indoors.",
        "The soldiers were urged to surrender.",
    ],
)
def test_an_order_given_to_the_passive_subject_is_not_a_citation(nlp, text: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert claim.source.kind == "outlet"


# 4. Anonymous sources -------------------------------------------------------------------------


def test_a_plural_pronoun_after_two_speakers_is_neither_of_them(build_tools) -> None:
    text = "Mali and Niger said on Monday that the talks had stalled. According to them, a new round is planned for June."
    claims = extract_text(build_tools, text).claims
    assert [(c.source.name, c.source.entity_key) for c in claims if c.text.startswith("According")] == [("them", None)]
    one = extract_text(build_tools, "The rebels said on Monday they had taken the town. They said 40 soldiers had surrendered.")
    assert [c.source.name for c in one.claims] == ["The rebels", "The rebels"]


def test_a_name_in_brackets_ending_a_source_is_the_source_s_name(build_tools) -> None:
    text = "The death toll rose to 40, the EU Commission for the Protection of Civilians (CPC) announced."
    (claim,) = extract_text(build_tools, text).claims
    # the acronym is keyed to the name it stands for, not to "EU Commission"
    assert (claim.source.name, claim.source.entity_key) == ("the EU Commission for the Protection of Civilians (CPC)",
                                                            "protection of civilians")
    # a body in brackets after a person is not the speaker
    (claim,) = extract_text(build_tools, "The death toll rose to 40, according to Amadou Keita (Kessa Red Cross).").claims
    assert claim.source.entity_key == "amadou keita"


@pytest.mark.parametrize("text, key", [
    # "it" speaking: the nearest subject of a main clause before it, a body named or one that spoke
    ("The Zorov Liberation Front issued a statement on Monday. It said the attack on Gao was a lie.", "zorov liberation front"),
    ("Amnesty International published a report on Tuesday about the camp. It said the strike was likely caused by a stray rocket.",
     "amnesty international"),
    ("Ghana has long opposed sanctions, but it said on Monday that talks could resume.", "ghana"),
    ("The Kessan government blamed Ruvia on Monday, but the Ruvian army blamed the rebels. It said the rebels fired first.",
     "ruvian army"),
    # not the subject of what someone said
    ("The United Nations said Mali had expelled its envoy, and it said the move was regrettable.", "united nations"),
    # in its own sentence, the subject inside another clause when no main clause has one before it
    ("Although Ghana has long opposed sanctions, it said on Monday that talks could resume.", "ghana"),
    # what only a document or a picture does is no body's
    ("Kessa published a video on Monday. It shows soldiers burning a village.", None),
    # a body no entity stands for, or a document, in between: not a body named further back
    ("The Kessa Rights Group said the army had shelled Gao. The army rejected the charge, but it said an inquiry would open.", None),
    ("The Ruvian defence ministry said the army had left Gao. A UN report was released on Friday. It said twelve civilians died.",
     None),
])
def test_a_speaking_it_is_the_body_it_stands_for(build_tools, text: str, key: str | None) -> None:
    *_, last = extract_text(build_tools, text).claims
    assert last.source.entity_key == key


@pytest.mark.parametrize("text, key", [
    ("Amadou Keita will step down in June, his office said.", "amadou keita"),  # the person named before
    # no one named: the office the sentence's subject holds, of the state it names
    ("Ghana's interior minister banned all rallies in Accra until June, his office announced on Tuesday.", "ghana"),
    ("The talks will resume in June, his office said.", None),  # whose office is not told
    # of two people named, the one the sentence tells of as its subject
    ("President Lina Ruvo dismissed Amadou Keita, her spokeswoman said.", "lina ruvo"),
    # "its" is a body's, never a person's; a lawyer speaks for a client the words need not name
    ("The Ruvian army killed Amadou Keita near Gao, its spokesman said.", None),
    ("Police arrested Amadou Keita, his lawyer said.", None),
])
def test_an_office_named_by_a_possessive_pronoun_speaks_for_whom_it_stands_for(build_tools, text: str, key: str | None) -> None:
    (claim,) = extract_text(build_tools, text).claims
    assert claim.source.entity_key == key


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Ruvian official said the convoy had been attacked near Tessa.", "A Ruvian official"),
        ("Sources within the ministry said the convoy had been attacked.", "Sources within the ministry"),
        ("Eyewitnesses said the soldiers fired into the crowd.", "Eyewitnesses"),
        ("Officials say that the convoy was attacked.", "Officials"),
        ("According to eyewitnesses, dozens of civilians were killed in Tessa.", "eyewitnesses"),
    ],
)
def test_unnamed_speakers_are_anonymous_and_keep_their_description(nlp, text: str, name: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.source.name, claim.source.kind, claim.modality) == (name, "anonymous", "reported")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("According to human rights organizations, dozens of civilians were killed in Tessa.", "human rights organizations"),
        ("According to human rights groups, dozens of civilians were killed in Tessa.", "human rights groups"),
        ("Human rights organizations said dozens of civilians were killed in Tessa.", "Human rights organizations"),
    ],
)
def test_unnamed_organizations_are_anonymous(nlp, text: str, name: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert claim.source.name == name
    assert claim.source.kind == "anonymous"


@pytest.mark.parametrize("text", ["Rebels attacked the Gao airport on Monday.", "The Vantor Front attacked the convoy near Kidal."])
def test_a_deed_told_with_a_verb_that_can_also_be_speech_is_the_outlets(build_tools, text: str) -> None:
    # "attack" is speech only with a clause ("attacked the plan, saying ..."): whatever the
    # attribution tagger reads, a plain object makes it a deed
    assert [c.source.kind for c in extract_text(build_tools, text).claims] == ["outlet"]


def test_a_description_before_a_name_leaves_the_source_to_the_name(build_tools) -> None:
    # the model may read the description as a body of its own ("Ruvian militant group")
    text = "Ruvian militant group Vantor Brigade on Wednesday described the accusations as lies."
    (claim,) = extract_text(build_tools, text).claims
    assert (claim.source.name, claim.source.entity_key) == ("Ruvian militant group Vantor Brigade", "vantor brigade")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The army's spokeswoman, Marta Lindqvist, denied that troops had fired on the convoy.", "The army's spokeswoman, Marta Lindqvist"),
        ("A spokesman for the ministry, Anna Kovac, said the convoy had been attacked.", "A spokesman for the ministry, Anna Kovac"),
    ],
)
def test_a_role_followed_by_the_name_of_who_holds_it_is_a_person(nlp, text: str, name: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.source.name, claim.source.kind) == (name, "person")


# 5. The outlet's own voice --------------------------------------------------------------------


def test_a_plain_sentence_is_the_outlets_fact(nlp) -> None:
    (claim,) = claims_of(nlp, "The convoy left Tessa in May.")  # 'May' the month is no modal
    assert (claim.source.name, claim.source.kind, claim.cue, claim.stance, claim.modality, claim.via) == (
        OUTLET,
        "outlet",
        None,
        "assert",
        "fact",
        (),
    )


def test_without_an_outlet_name_the_voice_is_the_outlets(nlp) -> None:
    (claim,) = claims_of(nlp, "The convoy left Tessa on Monday.", outlet=None)
    assert (claim.source.name, claim.source.kind) == ("the outlet", "outlet")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The movements could indicate a new offensive.", "speculative"),
        ("The convoy probably carried weapons for the rebels.", "speculative"),
    ],
)
def test_hedges_in_the_outlets_voice_set_the_modality(nlp, text: str, modality: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.source.kind, claim.modality) == ("outlet", modality)


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("The convoy allegedly carried weapons for the rebels.", "unnamed allegations", "allegedly"),
        ("Unofficially, the convoy carried weapons for the rebels.", "unofficial sources", "Unofficially"),
    ],
)
def test_a_hearsay_adverb_cites_an_anonymous_source(nlp, text: str, name: str, cue: str) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.source.name, claim.source.kind, claim.cue, claim.modality) == (name, "anonymous", cue, "alleged")


def test_a_hedge_in_an_attributed_claim_overrides_reported(nlp) -> None:
    (claim,) = claims_of(nlp, "The report said the convoy may have left Tessa.")
    assert (claim.source.kind, claim.modality) == ("document", "speculative")


# 6. Coordinated speakers ----------------------------------------------------------------------


def test_coordinated_speakers_each_make_the_claim(nlp) -> None:
    text = "Ruvia and Zembla deny the presence of foreign mercenaries on their soil."
    claims = claims_of(nlp, text)
    assert [c.source.name for c in claims] == ["Ruvia", "Zembla"]
    for claim in claims:
        assert (claim.text, claim.cue, claim.stance, claim.sentence) == (text, "deny", "deny", 0)


# 7. Relative clauses --------------------------------------------------------------------------


def test_a_relative_clause_with_a_denial_is_a_claim_of_its_own(nlp) -> None:
    text = "The contract was signed by the mining minister, Amadou Keita, who however denies any connection to the company, in 2021."
    claims = claims_of(nlp, text)
    assert len(claims) == 2
    sentence = claim_at(claims, text, "The contract was signed")
    assert (sentence.text, sentence.source.kind, sentence.stance) == (text, "outlet", "assert")
    (clause,) = [c for c in claims if c is not sentence]
    assert clause.text == "who however denies any connection to the company"
    assert (clause.source.name, clause.source.kind, clause.cue, clause.stance) == ("Amadou Keita", "person", "denies", "deny")


# 8. Nested attribution and relays -------------------------------------------------------------


def test_a_speaker_inside_a_report_keeps_the_report_as_relay(nlp) -> None:
    (claim,) = claims_of(nlp, "According to a report in the Daily Ledger, the minister said the mine would be closed.")
    assert (claim.source.name, claim.cue) == ("the minister", "said")
    assert any("Daily Ledger" in v for v in claim.via), claim.via


def test_an_according_to_outlet_is_the_source_not_a_relay(nlp) -> None:
    (claim,) = claims_of(nlp, "According to Radio Horizon, the convoy was attacked near Tessa.")
    assert (claim.source.name, claim.source.kind, claim.via) == ("Radio Horizon", "media", ())


@pytest.mark.parametrize("outlet", ["Radio Horizon", "Reuters"])
def test_sources_of_an_outlet_are_relayed_by_it(nlp, outlet: str) -> None:
    (claim,) = claims_of(nlp, f"{outlet} sources explain that the convoy was attacked near Tessa.")
    assert claim.source.name == f"{outlet} sources"
    assert claim.cue == "explain"
    assert outlet in claim.via


def test_sources_of_an_outlet_with_a_media_word_in_its_name_are_anonymous(nlp) -> None:
    (claim,) = claims_of(nlp, "Radio Horizon sources explain that the convoy was attacked near Tessa.")
    assert claim.source.kind == "anonymous"


def test_the_news_comes_out_on_an_outlet_reattributes_the_previous_sentence(nlp) -> None:
    text = "Foreign instructors arrived at the Tessa airbase last week. The news comes out on Radio Horizon, which cites local officials."
    claims = claims_of(nlp, text)
    news = claim_at(claims, text, "Foreign instructors arrived")
    assert (news.source.name, news.source.kind, news.modality) == ("Radio Horizon", "media", "reported")
    assert news.cue == "The news comes out on"
    assert news.sentence == 0
    assert claim_at(claims, text, "The news comes out").source.name == "Radio Horizon"


def test_the_news_comes_out_leaves_an_attributed_previous_sentence_alone(nlp) -> None:
    text = "Amadou Keita said the instructors arrived last week. The news comes out on Radio Horizon."
    claims = claims_of(nlp, text)
    assert claim_at(claims, text, "the instructors arrived").source.name == "Amadou Keita"
    assert claim_at(claims, text, "The news comes out").source.name == "Radio Horizon"


# 9. Documents ---------------------------------------------------------------------------------


def test_the_document_mentioned_again_is_the_same_source(nlp) -> None:
    text = (
        "According to a photograph obtained by the Daily Ledger, the instructors wore Ruvian uniforms. "
        "The photograph shows three men standing next to a helicopter."
    )
    claims = claims_of(nlp, text)
    first = claim_at(claims, text, "the instructors wore")
    second = claim_at(claims, text, "three men standing")
    assert (first.source.name, first.source.kind) == ("a photograph obtained by the Daily Ledger", "document")
    assert "the Daily Ledger" in first.via
    assert second.source == first.source
    assert second.cue == "shows"


# 10. Pronoun speakers -------------------------------------------------------------------------


def test_a_pronoun_speaker_is_the_previous_speaker(nlp) -> None:
    text = "Amadou Keita said the troops would stay in Ruvia. “We stay,” he added."
    claims = claims_of(nlp, text)
    claim = claim_at(claims, text, "We stay")
    assert (claim.source.name, claim.source.kind, claim.cue, claim.sentence) == ("Amadou Keita", "person", "added", 1)


def test_a_pronoun_speaker_looks_back_past_outlet_sentences(nlp) -> None:
    text = "Amadou Keita said the troops would stay in Ruvia. The weather was cold. The roads were closed. “We stay,” he added."
    assert claim_at(claims_of(nlp, text), text, "We stay").source.name == "Amadou Keita"


def test_a_pronoun_speaker_is_the_person_just_named(nlp) -> None:
    text = "Amadou Keita met the envoy on Monday. He said the talks had gone well."
    claim = claim_at(claims_of(nlp, text), text, "the talks had gone well")
    assert (claim.source.name, claim.source.kind) == ("Amadou Keita", "person")


# 11. Questions, headings, offsets -------------------------------------------------------------


def test_questions_make_no_claims(nlp) -> None:
    assert claims_of(nlp, "Will the troops stay in Ruvia?") == []
    text = "Is the mine still open? Amadou Keita says it is."
    (claim,) = claims_of(nlp, text)
    assert (claim.sentence, claim.source.name, claim.text) == (1, "Amadou Keita", "Amadou Keita says it is.")


def test_headings_make_no_claims(nlp) -> None:
    text = "Mercenaries in Ruvia\n\nAmadou Keita said the troops would stay in Ruvia.\n\nBackground\n\nThe convoy left Tessa on Monday."
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == ["Amadou Keita said the troops would stay in Ruvia.", "The convoy left Tessa on Monday."]
    assert [c.source.kind for c in claims] == ["person", "outlet"]


def test_every_claim_of_an_article_matches_its_offsets(nlp) -> None:
    text = (
        "Mercenaries in Ruvia\n\n"
        "Foreign instructors arrived at the Tessa airbase last week. The news comes out on Radio Horizon.\n\n"
        "“We will not leave. We have work to do,” Amadou Keita said, adding that the mission was not over. "
        "“Our partners trust us.”\n\n"
        "Ruvia and Zembla deny the presence of foreign mercenaries on their soil. Will they stay?\n\n"
        "According to a photograph obtained by the Daily Ledger, the instructors wore Ruvian uniforms. "
        "The photograph shows three men standing next to a helicopter."
    )
    doc = nlp(text)
    claims = claims_of(nlp, text)  # checks text == doc.text[start:end] for each claim
    assert len(claims) >= 9
    assert [c.sentence for c in claims] == sorted(c.sentence for c in claims)
    assert all(c.text and not c.text[-1].isspace() for c in claims)
    assert all(c.stance in ("assert", "deny") for c in claims)
    assert all(c.modality in ("fact", "reported", "alleged", "speculative") for c in claims)
    assert all(c.source.kind in ("person", "organization", "media", "document", "anonymous", "outlet") for c in claims)
    assert all(0 <= c.start < c.end <= len(doc.text) for c in claims)
    assert not any("Will they stay" in c.text for c in claims)


# 12. Excerpts of other publications -----------------------------------------------------------

EXCERPT = (
    "“Ruvia hires foreign fighters,” example-news.com 3 March 2022. https://example-news.com/story\n"
    "Foreign fighters arrived in Tessa last month. They were seen near the mine. "
    "The army denied that the fighters were paid by the state."
)


def test_the_citation_line_itself_makes_no_claim(nlp) -> None:
    claims = claims_of(nlp, EXCERPT)
    assert not any("example-news.com" in c.text or "Ruvia hires" in c.text for c in claims)


@pytest.mark.parametrize("fragment", ["Foreign fighters arrived", "They were seen near the mine"])
def test_plain_sentences_of_an_excerpt_are_the_excerpted_publications(nlp, fragment: str) -> None:
    claim = claim_at(claims_of(nlp, EXCERPT), EXCERPT, fragment)
    assert (claim.source.name, claim.source.kind, claim.cue, claim.via) == ("example-news.com", "media", None, ())
    assert claim.modality == "reported"


def test_an_attributed_sentence_of_an_excerpt_is_relayed_by_the_publication(nlp) -> None:
    claim = claim_at(claims_of(nlp, EXCERPT), EXCERPT, "The army denied")
    assert (claim.source.name, claim.cue, claim.stance) == ("The army", "denied", "deny")
    assert "example-news.com" in claim.via


def test_a_second_citation_line_opens_a_new_excerpt(nlp) -> None:
    text = (
        EXCERPT + "\n“Zembla closes its border,” other-news.org 4 March 2022. https://www.other-news.org/border\n"
        "The border was closed on Friday."
    )
    claims = claims_of(nlp, text)
    assert claim_at(claims, text, "Foreign fighters arrived").source.name == "example-news.com"
    assert claim_at(claims, text, "The border was closed").source.name == "other-news.org"


@pytest.mark.parametrize(
    "text",
    [
        "According to the report, a Malian official in Gao noted that the convoy had left.",
        "Sources within the Zorov Group said the convoy had left Gao.",
    ],
)
def test_where_a_source_is_or_belongs_is_no_relay(nlp, text: str) -> None:
    claims = claims_of(nlp, text)
    assert claims
    for claim in claims:
        assert not {"Gao", "Zorov", "Zorov Group"} & set(claim.via), claim.via


def test_whoever_is_named_after_contrary_to_is_the_other_side_not_the_source(nlp) -> None:
    (claim,) = claims_of(nlp, "Contrary to what the rebels claim, no civilians were killed in the raid on Kidal, the army said.")
    assert (claim.source.name, claim.cue) == ("the army", "said")


def test_a_denial_told_as_an_alternative_of_another_verb_is_the_sentence_s_claim(nlp) -> None:
    # one act told two ways: the claim is both verbs with their subject, not the bare "denied it"
    text = "The club's lawyers laughed the story off or rejected it outright."
    (claim,) = claims_of(nlp, text)
    assert (claim.text, claim.source.name, claim.stance) == (text, "The club's lawyers", "deny")
    # with another speaker in the sentence, the two verbs and their subject only
    text = "Lawyers for the club laughed the story off or rejected it, but fans said 30 people were hurt."
    assert {(c.text, c.source.name, c.stance) for c in claims_of(nlp, text)} == {
        (text, "fans", "assert"), ("Lawyers for the club laughed the story off or rejected it", "Lawyers for the club", "deny")}
    # joined by "and", an act and a denial are two things told: the act stays the outlet's
    text = "The governor toured the camp near Kidal and denied the report."
    assert {(c.text, c.stance) for c in claims_of(nlp, text)} == {(text, "assert"), ("denied the report", "deny")}


def test_a_figure_a_relative_clause_says_someone_gave_is_their_claim(nlp) -> None:
    text = "The Kessa Red Cross counted 35 injured, far from the 120 that the mayor's office gave on Friday."
    nested = [c for c in claims_of(nlp, text) if c.start > 0]
    assert [(c.text, c.source.name) for c in nested] == [("the 120 that the mayor's office gave on Friday", "the mayor's office")]
    text = "The UN counted 40 dead in Gao, well below the toll of 90 that the provincial governor announced."
    nested = [c for c in claims_of(nlp, text) if c.start > 0]
    assert [(c.text, c.source.name) for c in nested] == [("the toll of 90 that the provincial governor announced", "the provincial governor")]
    # things handed over are no figure told
    assert [c.source.kind for c in claims_of(nlp, "The army used the 40 tanks the government gave last year.")] == ["outlet"]


@pytest.mark.parametrize(("text", "stance"), [
    ("The Ruvian defence ministry said it did not order the strike on the depot.", "deny"),
    ("Amadou Keita said he never met the rebels.", "deny"),
    ("The inspectors said the school roofs had not been checked since 2010.", "assert"),  # a negative statement
    ("Amadou Keita said it did not deliver the policies the country needs.", "assert"),  # "it" is not him
    ("None of the passengers survived the crash, the airline said.", "assert"),
    ("The minister said the talks would not resume.", "assert"),  # a forecast
    ("The ministry said it does not plan to raise taxes.", "assert"),  # an intention
])
def test_a_speaker_saying_they_did_not_do_it_denies(nlp, text: str, stance: str) -> None:
    assert [c.stance for c in claims_of(nlp, text)] == [stance]
