"""French end to end: the French pipeline through the language seam, on sentences of our own.

Names are invented (Ruvia, Kessa, Zorov, Amadou Keita); places are real (Gao, Bamako) so that
the gazetteer places them. The session's build tools load the French pipeline
(fr_core_news_md) the first time a French article needs it, as a build does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Token

from claimgraph import BuildOptions, BuildTools, Store, build, query
from claimgraph.analyze import extract_article
from claimgraph.export import contract_records
from claimgraph.extract.document import DocumentExtraction
from claimgraph.extract.syntax import _repair_morphology, load_syntax_scheme
from claimgraph.ingest.records import Article, Published
from claimgraph.records import MentionForm
from claimgraph.resolve.entities import resolve_entities

from .conftest import build_news


def extract_french(build_tools: BuildTools, text: str, *, published: str | None = None) -> DocumentExtraction:
    article = Article(id="d1", key="test", fingerprint="test", text=text, title=None, url=None, outlet="Le Courrier du Sahel",
                      language="fr", published=Published(value=published, basis="metadata" if published else None))
    nlp = build_tools.pipelines.for_language("fr")
    assert nlp is not None
    return extract_article(nlp, article)


def test_french_articles_go_through_the_french_pipeline(build_tools: BuildTools) -> None:
    nlp = build_tools.pipelines.for_language("fr")
    assert nlp is not None and nlp.lang == "fr"
    # The model's own components, then the seam, then the same extraction components as English.
    assert nlp.pipe_names.index("claimgraph_syntax") > nlp.pipe_names.index("ner")
    assert nlp.pipe_names.index("claimgraph_entity_patterns") < nlp.pipe_names.index("claimgraph_dates")
    english = build_tools.pipelines.for_language("en")
    assert english is not None and "claimgraph_syntax" not in english.pipe_names


def test_the_parse_is_rewritten_into_the_rules_scheme(build_tools: BuildTools) -> None:
    nlp = build_tools.pipelines.for_language("fr")
    assert nlp is not None
    doc = nlp("Selon le ministre Amadou Keita, les soldats ont été attaqués par des hommes armés près de Gao.")
    by_text = {t.text: t for t in doc}
    # "selon" heads its nominal as an English preposition does; the passive's "par" is an agent.
    assert by_text["Selon"].dep_ == "prep" and by_text["ministre"].dep_ == "pobj" and by_text["ministre"].head.text == "Selon"
    assert by_text["par"].dep_ == "agent" and by_text["hommes"].head.text == "par"
    assert by_text["soldats"].dep_ == "nsubjpass"
    assert by_text["Keita"].head.text == "ministre" and by_text["Amadou"].head.text == "Keita"  # a name is headed by its last word
    assert by_text["attaqués"].tag_ == "VBN" and by_text["soldats"].tag_ == "NNS"
    assert by_text["de"].norm_ == "of"  # function words carry the English word the rules name
    assert by_text["ministre"]._.ud_dep == "obl:mod"  # the model's own label stays readable
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(("sentence", "source", "cue", "stance"), [
    ("Le ministre Amadou Keita a déclaré que les troupes quitteraient Gao.", "Le ministre Amadou Keita", "déclaré", "assert"),
    ("« Nous resterons à Gao jusqu’à la fin de l’année », affirme Amadou Keita.", "Amadou Keita", "affirme", "assert"),
    ("Selon le porte-parole de Ruvia, les soldats sont arrivés à Bamako.", "le porte-parole de Ruvia", "Selon", "assert"),
    ("D'après Amadou Keita, le convoi a quitté Gao mardi.", "Amadou Keita", "D'après", "assert"),
    ("Ruvia a démenti toute présence de ses soldats à Gao.", "Ruvia", "démenti", "deny"),
    ("Amadou Keita a nié toute rencontre avec les chefs de la Brigade Kessa.", "Amadou Keita", "nié", "deny"),
    ("Les soldats sont arrivés à Gao, précise le gouverneur de Ruvia.", "le gouverneur de Ruvia", "précise", "assert"),
    # calling something false denies it; a word of falsity that only qualifies a noun does not
    ("« Tout cela est un mensonge », a déclaré le ministre Amadou Keita.", "le ministre Amadou Keita", "déclaré", "deny"),
    ("Amadou Keita a affirmé que ces accusations étaient fausses.", "Amadou Keita", "affirmé", "deny"),
    ("Amadou Keita a affirmé que de fausses rumeurs circulaient à Gao.", "Amadou Keita", "affirmé", "assert"),
    ("Le ministre Amadou Keita a accusé la junte de mensonges.", "Le ministre Amadou Keita", "accusé", "assert"),
    # a speaker saying they did not do it denies it; one act told two ways is one claim
    ("Amadou Keita a affirmé qu'il n'avait jamais rencontré les rebelles.", "Amadou Keita", "affirmé", "deny"),
    ("Les avocats du club ont ironisé ou démenti cette rumeur.", "Les avocats du club", "démenti", "deny"),
])
def test_french_attribution(build_tools: BuildTools, sentence: str, source: str, cue: str, stance: str) -> None:
    found = extract_french(build_tools, sentence)
    attributed = [c for c in found.claims if c.source.kind != "outlet"]
    assert attributed, [c.source for c in found.claims]
    claim = attributed[0]
    assert (claim.source.name, claim.cue, claim.stance) == (source, cue, stance)


def test_the_conditional_of_a_reported_fact_is_alleged(build_tools: BuildTools) -> None:
    found = extract_french(build_tools, "Selon des habitants, l'attaque aurait fait 20 morts à Gao.")
    assert [c.modality for c in found.claims] == ["alleged"]
    plain = extract_french(build_tools, "Selon des habitants, l'attaque a fait 20 morts à Gao.")
    assert [c.modality for c in plain.claims] == ["reported"]


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    ("Le convoi est parti le 26 juillet.", "le 26 juillet", "2024-07-26"),
    ("Le convoi est parti mercredi dernier.", "mercredi dernier", "2024-08-14"),
    ("Le convoi est parti il y a deux semaines.", "il y a deux semaines", "2024-W31"),
    ("Le retrait sera achevé fin août.", "fin août", "2024-08"),
    ("Le camp a été fermé le 3 mars 2021.", "3 mars 2021", "2021-03-03"),
    ("Les renforts ruviens ont débarqué la semaine passée.", "la semaine passée", "2024-W32"),
    ("Les renforts ruviens ont débarqué hier.", "hier", "2024-08-14"),
    ("Le convoi a été attaqué jeudi matin.", "jeudi matin", "2024-08-15TMO"),
    ("Le ministre a parlé hier soir.", "hier soir", "2024-08-14TEV"),
    ("Le convoi est arrivé à Gao dans la soirée.", "dans la soirée", "2024-08-15TEV"),
    ("Les blessés ont été évacués dans la nuit.", "dans la nuit", "2024-08-15TNI"),
    ("Le premier avion a atterri à 23h45.", "23h45", "2024-08-15T23:45"),
])
def test_french_dates(build_tools: BuildTools, sentence: str, expression: str, value: str) -> None:
    found = extract_french(build_tools, sentence, published="2024-08-15")  # a Thursday
    assert [(d.text, d.value) for d in found.dates] == [(expression, value)]


def test_french_part_of_the_day_in_the_plus_que_parfait_looks_back_a_day(build_tools: BuildTools) -> None:
    found = extract_french(build_tools, "Les blessés sont arrivés à Bamako. Ils avaient quitté Kidal dans la soirée.", published="2024-08-15")
    assert [(d.text, d.value) for d in found.dates] == [("dans la soirée", "2024-08-14TEV")]


def test_french_dates_without_a_document_date_are_not_invented(build_tools: BuildTools) -> None:
    found = extract_french(build_tools, "Le convoi est parti mercredi dernier, et non le 26 juillet.")
    assert [(d.text, d.value) for d in found.dates] == [("mercredi dernier", "XXXX-WXX-3"), ("le 26 juillet", "XXXX-07-26")]


@pytest.mark.parametrize(("sentence", "value", "value_max", "unit", "qualifier"), [
    ("Environ 1 500 soldats sont arrivés à Gao.", 1500, None, "soldats", "about"),
    ("Plus de 600 personnes ont fui Gao.", 600, None, "personnes", "more_than"),
    ("Ruvia a versé 1,5 milliard d'euros à la Brigade Kessa.", 1.5e9, None, "EUR", "exact"),
    ("Des centaines de soldats ont quitté Gao.", 200, None, "soldats", "at_least"),
    ("Le convoi comptait 2.346 véhicules.", 2346, None, "véhicules", "exact"),
    ("Entre 400 et 500 soldats sont restés à Gao.", 400, 500, "soldats", "range"),
    ("Moins d'une vingtaine de soldats sont restés à Gao.", 20, None, "soldats", "up_to"),
])
def test_french_quantities(build_tools: BuildTools, sentence: str, value: float, value_max: float | None, unit: str,
                           qualifier: str) -> None:
    found = extract_french(build_tools, sentence)
    assert [(q.value, q.value_max, q.unit, q.qualifier) for q in found.quantities] == [(value, value_max, unit, qualifier)]


@pytest.mark.parametrize(("sentence", "plover"), [
    ("Des hommes armés ont attaqué un camp de l'armée près de Gao.", "ASSAULT"),
    ("Ruvia a retiré ses soldats de Gao.", "RETREAT"),
    ("Des centaines d'étudiants se sont rassemblés devant le consulat de Ruvia à Bamako.", "PROTEST"),
])
def test_french_events(build_tools: BuildTools, sentence: str, plover: str) -> None:
    found = extract_french(build_tools, sentence)
    assert plover in {e.plover for e in found.events}


def _verb(lemma: str, form: str, morph: str) -> Token:
    """One verb as a model may read it: its lemma, its form and the morphology it gave."""
    doc = Doc(spacy.blank("fr").vocab, words=["les", "250", form])
    token = doc[2]
    token.lemma_, token.pos_ = lemma, "VERB"
    token.set_morph(morph)
    return token


def test_the_model_s_slips_on_french_verb_forms_are_repaired() -> None:
    scheme = load_syntax_scheme("fr")
    conditional = _verb("bombarder", "bombarderait", "Mood=Ind|Tense=Imp|VerbForm=Fin")
    imperfect = _verb("déclarer", "déclarait", "Mood=Ind|Tense=Imp|VerbForm=Fin")
    counted = _verb("rapatrier", "rapatriés", "VerbForm=Inf")  # "les 250 rapatriés" read as a verb
    for token in (conditional, imperfect, counted):
        _repair_morphology(token, scheme)
    assert conditional.morph.get("Mood") == ["Cnd"]  # the infinitive plus "-ait"
    assert imperfect.morph.get("Mood") == ["Ind"]  # the stem plus "-ait": an imperfect
    assert counted.pos_ == "NOUN"  # the people the number counts, no repatriation


def test_a_supposed_attack_is_a_threat_and_a_conditional_fact_is_alleged(build_tools: BuildTools) -> None:
    supposed = extract_french(build_tools, "« Quiconque bombarderait le port de Gao subirait une riposte immédiate », a dit Amadou Keita.")
    told = [(e.plover, e.status) for e in supposed.events]
    assert ("THREATEN", "conditional") in told and not any(plover == "ASSAULT" for plover, _ in told)
    reported = extract_french(build_tools, "Selon des habitants, des hommes armés auraient attaqué un camp de l'armée près de Gao.")
    assert [(e.plover, e.status) for e in reported.events] == [("ASSAULT", "alleged")]


def test_a_decided_repatriation_of_civilians_is_a_retreat(build_tools: BuildTools) -> None:
    civilians = extract_french(build_tools, "Le Mali a décidé jeudi de rapatrier les civils maliens bloqués au Niger.")
    assert [(e.plover, e.status) for e in civilians.events] == [("RETREAT", "planned")]
    troops = extract_french(build_tools, "Le Mali a décidé jeudi de retirer ses soldats du Niger.")
    assert [(e.plover, e.status) for e in troops.events] == [("CONCEDE", "planned")]  # a promise to withdraw yields


def test_a_kind_of_event_refused_under_negative_concord_is_no_event(build_tools: BuildTools) -> None:
    refused = extract_french(build_tools, "Le Mali « n'acceptera aucune attaque contre le Burkina Faso », a prévenu Amadou Keita.")
    assert refused.events == []
    # Under a verb that carries the noun, "aucune" negates the event: a named speaker denies it.
    denied = extract_french(build_tools, "Le Tchad n'a mené aucune attaque contre le Mali, a déclaré le ministre Amadou Keita.")
    assert [e.type for e in denied.events] == ["DENIAL"]


@pytest.mark.parametrize(("sentence", "status"), [
    ("Des hommes armés attaqueront le camp de l'armée au Mali.", "planned"),  # the simple future
    ("Des hommes armés vont attaquer le camp de l'armée au Mali.", "planned"),  # aller + infinitive
    ("Des hommes armés pourraient attaquer le camp de l'armée au Mali.", "possible"),
    ("Des hommes armés sont allés attaquer le camp de l'armée au Mali.", "happened"),  # went to attack: a past
    ("Des hommes armés sont sur le point d'attaquer le camp de l'armée au Mali.", "possible"),  # about to
    ("Des hommes armés sont au point d'attaquer le camp de l'armée au Mali.", "happened"),  # "to the point of": no nearness
])
def test_french_future_and_possibility_are_read(build_tools: BuildTools, sentence: str, status: str) -> None:
    found = extract_french(build_tools, sentence)
    assert [e.status for e in found.events if e.type == "ATTACK"] == [status]


@pytest.mark.parametrize(("sentence", "status"), [
    ("La fermeture de la base de Gao est prévue.", "planned"),
    ("La fermeture de la base de Gao n'est pas prévue.", "negated"),
])
def test_a_plan_told_as_the_predicate_of_an_event_noun(build_tools: BuildTools, sentence: str, status: str) -> None:
    found = extract_french(build_tools, sentence)
    assert [e.status for e in found.events if e.type == "WITHDRAWAL"] == [status]


def test_the_antecedent_of_qui_is_the_doer(build_tools: BuildTools) -> None:
    found = extract_french(build_tools, "Les chefs de l'armée du Mali, qui ont menacé de fermer la frontière, se sont réunis à Bamako.")
    threats = [e for e in found.events if e.plover == "THREATEN"]
    assert [[a.text for a in e.arguments if a.role == "actor"] for e in threats] == [["Mali"]]


@pytest.mark.parametrize("sentence", ["« Nous avons attaqué la base de Tessalit », a déclaré le Front Zorov.",
                                      "« Nos soldats ont attaqué la base de Tessalit », a déclaré le Front Zorov."])
def test_a_quoted_first_person_doer_is_the_quotations_speaker(build_tools: BuildTools, sentence: str) -> None:
    (attack,) = [e for e in extract_french(build_tools, sentence).events if e.plover == "ASSAULT"]
    assert {a.text for a in attack.role("actor")} == {"le Front Zorov"}


def test_organisations_and_countries_resolve_across_french_and_english() -> None:
    forms = [MentionForm(key=key, type=kind, text=text, count=1) for key, text, kind in (
        ("cédéao", "Cédéao", "ORG"), ("ecowas", "ECOWAS", "ORG"),
        ("union européenne", "Union européenne", "ORG"), ("european union", "European Union", "ORG"))]
    entities = resolve_entities(forms)
    assert sorted(sorted(e.aliases) for e in entities) == [["Cédéao", "ECOWAS"], ["European Union", "Union européenne"]]


def test_a_french_and_an_english_account_of_one_event_form_one_fact(tmp_path: Path, build_tools: BuildTools) -> None:
    db = build_news(tmp_path, build_tools, [
        ("Sahel Daily", "Ruvia sends troops to Gao",
         "Ruvia deployed 300 soldiers to Gao on 12 March 2024, the Ruvian defence ministry said."),
        ("Le Courrier du Sahel", "Ruvia envoie des troupes à Gao",
         "Ruvia a déployé 300 soldats à Gao le 12 mars 2024, a indiqué le ministère ruvien des armées."),
    ])
    with Store.open(db) as store:
        records = list(contract_records(store))
    languages = {r["id"]: r["language"] for r in records if r["kind"] == "document"}
    assert sorted(languages.values()) == ["en", "fr"]
    claims = {r["id"]: r for r in records if r["kind"] == "claim"}
    deployments = [r for r in records if r["kind"] == "fact" and len({claims[c]["doc"] for c in r["claims"]}) == 2]
    assert len(deployments) == 1
    assert deployments[0]["status"] == "corroborated" and "Ruvia" in deployments[0]["about"]


def test_an_article_in_a_language_without_a_pipeline_is_stored_searchable_and_reported(tmp_path: Path,
                                                                                       build_tools: BuildTools) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = ("Die Regierung von Ruvia hat am Dienstag dreihundert Soldaten nach Gao geschickt, teilte das Ministerium mit. "
            "Die Soldaten sollen die örtliche Polizei ausbilden und bis zum Ende des Jahres bleiben.")
    (corpus / "de.json").write_text(json.dumps({"title": "Ruvia schickt Soldaten", "outlet": "Sahel Zeitung", "text": text}), encoding="utf-8")
    with Store.open(tmp_path / "kb.db") as store:
        report = build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        assert report.added == 1 and report.unanalysed == {"de": 1}
        assert [hit.title for hit in query.search(store, "Soldaten")] == ["Ruvia schickt Soldaten"]
        assert query.store_stats(store).languages == {"de": 1}


@pytest.mark.parametrize(("sentence", "place"), [
    # an embassy's "de" phrase names the state it represents, not where it is
    ("Samedi, des centaines de manifestants ont pris d'assaut l'ambassade du Tchad au Mali.", "Mali"),
    ("L'Ambassade du Tchad à Bamako a été attaquée par des hommes armés.", "Bamako"),
])
def test_an_embassy_is_where_it_stands_not_the_state_it_represents(build_tools: BuildTools, sentence: str, place: str) -> None:
    found = extract_french(build_tools, sentence)
    (event,) = [e for e in found.events if e.plover == "ASSAULT"]
    assert [a.text for a in event.arguments if a.role == "location"] == [place]
    assert not [m for m in found.mentions if m.text.startswith(("ambassade", "Ambassade")) and m.type == "GPE"]


def test_a_speaker_named_after_contrairement_is_the_other_side_not_the_source(build_tools: BuildTools) -> None:
    text = ("« Contrairement à ce que prétendent les chefs rebelles, aucun hélicoptère n'a survolé Kidal », "
            "affirme dans une note le ministère de la Défense.")
    (claim,) = extract_french(build_tools, text).claims
    assert (claim.source.name, claim.cue) == ("le ministère de la Défense", "affirme")


def test_an_accusation_and_the_answer_calling_it_false_contradict(tmp_path: Path, build_tools: BuildTools) -> None:
    db = build_news(tmp_path, build_tools, [
        ("Le Courrier du Sahel", "Le Tchad dément",
         ("La ministre tchadienne des Affaires étrangères Amina Keita a rejeté mardi les allégations des militaires maliens "
          "contre le Tchad. "
         "« Tout cela est un mensonge », a-t-elle dit à la radio. Les militaires maliens ont accusé mardi le Tchad d'armer des rebelles près de Kidal.")),
    ])
    with Store.open(db) as store:
        records = list(contract_records(store))
    claims = {r["id"]: r["text"] for r in records if r["kind"] == "claim"}
    ((found, a, b),) = [(r, claims[r["a"]], claims[r["b"]]) for r in records if r["kind"] == "contradiction" and r["slot"] == "accusation"]
    assert found["type"] == "assert_vs_deny" and found["values"] == ["accused", "denied"]
    # the answer shown is the minister's own words, not the report of his denial
    assert a.startswith("Les militaires maliens ont accusé") and b.startswith("« Tout cela est un mensonge »")


def test_the_brief_and_the_workbench_quote_french_as_it_is_and_say_each_source_s_language(tmp_path: Path,
                                                                                          build_tools: BuildTools) -> None:
    from fastapi.testclient import TestClient

    from claimgraph.brief import BriefScope, build_brief, render_html, render_markdown
    from claimgraph.present.app import create_app
    from claimgraph.present.web import AppSettings

    french = "Le Tchad a démenti mardi toute présence de ses soldats à Kidal, a déclaré le ministre tchadien Amina Keita."
    db = build_news(tmp_path, build_tools, [
        ("Le Courrier du Sahel", "Le Tchad dément", french),
        ("Sahel Daily", "Chad denies", "Chad denied on Tuesday any presence of its soldiers in Kidal, the Chadian minister Amina Keita said."),
    ])
    with Store.open(db) as store:
        brief = build_brief(store, BriefScope())
        claim = next(c for c in query.iter_claims(store) if c.text == french)
    markdown = render_markdown(brief)
    assert f"Le Courrier du Sahel, undated, in fr · {claim.source_name}: “{french}”" in markdown
    assert "Sahel Daily, undated, in en" in markdown
    assert f'<q lang="fr">{french}</q>' in render_html(brief)

    client = TestClient(create_app(AppSettings(db)), base_url="http://127.0.0.1")
    claims = client.get("/claims")
    assert claims.status_code == 200 and f'<bdi lang="fr">{french}</bdi>' in claims.text
    reader = client.get(f"/documents/{claim.doc}")
    assert reader.status_code == 200 and '<article class="reader" lang="fr">' in reader.text and "toute présence de ses soldats" in reader.text


def test_a_brief_of_english_sources_names_no_language(tmp_path: Path, build_tools: BuildTools) -> None:
    from claimgraph.brief import BriefScope, build_brief, render_markdown

    db = build_news(tmp_path, build_tools, [
        ("Sahel Daily", "Chad denies", "Chad denied on Tuesday any presence of its soldiers in Kidal, the Chadian minister Amina Keita said."),
    ])
    with Store.open(db) as store:
        markdown = render_markdown(build_brief(store, BriefScope()))
    assert "Sahel Daily, undated ·" in markdown and ", in en" not in markdown


def test_french_counts_told_as_none_and_counts_taken_out_of_their_slot(build_tools: BuildTools) -> None:
    none = extract_french(build_tools, "L'armée malienne a affirmé qu'aucun civil n'a été tué lors de la frappe sur Gao.")
    assert [(q.text, q.value, q.slot) for q in none.quantities] == [("aucun civil", 0.0, "killed")]
    freed = extract_french(build_tools, "Les douze otages libérés vendredi sont arrivés à Bamako.")
    assert [q.slot for q in freed.quantities if q.value == 12] == [None]


def test_a_french_accusation_told_as_how_another_party_acts_is_not_the_speaker_s(build_tools: BuildTools) -> None:
    told = extract_french(build_tools, "Le ministre sénégalais a déclaré que l'armée malienne cherche à cacher ses crimes en accusant le Niger.")
    assert [e.background for e in told.events if e.plover == "ACCUSE"] == [True]
