"""Geocoding on GeoWebNews and LGL (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing
Evaluation"), from ../shared/data/eval/geoparsing_gritta/.

    python benchmarks/geocoding_gritta.py [--corpus GWN lgl] [--limit N] [--end-to-end] [--errors 20]

Given the gold toponyms: each document's toponyms become place entities (one per distinct
name, with the cues the text gives between them) and claimgraph's resolver geocodes them;
accuracy@161 km is the share of gold toponyms with coordinates placed within 161 km (an
unplaced toponym counts as wrong). End to end (--end-to-end): the place mentions claimgraph
finds in the raw text itself; a gold toponym counts as found when a place mention overlaps
it, and as correct when that mention's place is within 161 km; precision is over the
mentions found that overlap some gold toponym span or are placed. Printed beside the
published Mordecai 3 figures (given gold toponyms).
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from claimgraph.extract.mentions import extract_mentions, name_key
from claimgraph.extract.places import find_places, place_cues
from claimgraph.gazetteer import open_gazetteer
from claimgraph.records import Mention, StoredEntity, StoredMention
from claimgraph.resolve import distance_km, geocode_entities

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "eval" / "geoparsing_gritta"
PUBLISHED = {"GWN": 94.1, "lgl": 82.7}  # Mordecai 3, accuracy@161 km given gold toponyms
PLACE_TYPES = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float


def read_corpus(path: Path) -> list[tuple[str, list[Toponym]]]:
    """(text, toponyms with a GeoNames id and coordinates) per article, as in the published
    evaluations (streets and buildings without a GeoNames entry are left out); GWN and LGL
    differ in tag names."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for node in article.iter("toponym"):
            lat = node.findtext("latitude") or node.findtext("gaztag/lat")
            lon = node.findtext("longitude") or node.findtext("gaztag/lon")
            geonames_id = node.findtext("geonamesID") or node.find("gaztag") is not None
            if not lat or not lon or not geonames_id or (node.findtext("nonLocational") or "No") == "Yes":
                continue
            start, end = int(node.findtext("start")), int(node.findtext("end"))
            toponyms.append(Toponym(start, end, text[start:end], float(lat), float(lon)))
        articles.append((text, toponyms))
    return articles


def entities_of(mentions: list[Mention]) -> list[StoredEntity]:
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    entities = []
    for key, group in by_key.items():
        names = tuple(sorted({m.text for m in group}))
        entities.append(StoredEntity(key, names[0], "GPE", names, tuple(StoredMention(m.doc, m.start, m.end, m.text) for m in group)))
    return entities


def given_gold(articles, gazetteer, lexicons, errors: list[str], *, known_places: bool) -> tuple[int, int, int]:
    correct = placed = total = 0
    for index, (text, toponyms) in enumerate(articles):
        mentions = [Mention("d", t.start, t.end, t.name, "GPE", name_key(t.name, lexicons.entities), 0) for t in toponyms]
        places = {p.entity_id: p for p in geocode_entities(entities_of(mentions), place_cues(text, mentions, lexicons.places), gazetteer,
                                                           not_place_names=lexicons.places.not_place_names, known_places=known_places)}
        for toponym, mention in zip(toponyms, mentions):
            total += 1
            place = places.get(mention.key)
            if place is None or place.lat is None:
                errors.append(f"{index}: {toponym.name!r} unplaced")
                continue
            placed += 1
            distance = distance_km(toponym, place)
            if distance <= 161:
                correct += 1
            else:
                errors.append(f"{index}: {toponym.name!r} -> {place.name}, {place.country} ({distance:.0f} km off)")
    return correct, placed, total


def end_to_end(articles, gazetteer, tools) -> tuple[int, int, int, int]:
    """(gold found and correct, gold total, system place mentions placed, of them correct)."""
    found_correct = total = system = system_correct = 0
    for text, toponyms in articles:
        doc = tools.nlp(text)
        mentions = extract_mentions(doc, "d", tools.lexicons.entities)
        finding = find_places(text, mentions, tools.lexicons.places, tools.lexicons.entities, gazetteer)
        places_only = [m for m in finding.mentions if m.type in PLACE_TYPES]
        places = {p.entity_id: p for p in geocode_entities(entities_of(places_only), finding.cues, gazetteer,
                                                           not_place_names=tools.lexicons.places.not_place_names)}
        placed = [(m, places[m.key]) for m in places_only if m.key in places and places[m.key].lat is not None]
        for toponym in toponyms:
            total += 1
            found_correct += any(m.start < toponym.end and toponym.start < m.end
                                 and distance_km(toponym, p) <= 161 for m, p in placed)
        for mention, place in placed:
            system += 1
            system_correct += any(mention.start < t.end and t.start < mention.end and distance_km(t, place) <= 161
                                  for t in toponyms)
    return found_correct, total, system, system_correct


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", default=["GWN", "lgl"], choices=["GWN", "lgl", "GeoVirus"])
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles of each corpus.")
    parser.add_argument("--end-to-end", action="store_true", help="Also find the toponyms (runs spaCy; slower).")
    parser.add_argument("--errors", type=int, default=0, help="Print this many errors per corpus.")
    args = parser.parse_args()
    from claimgraph import BuildOptions
    from claimgraph.pipeline import BuildTools

    tools = BuildTools.load(BuildOptions(), on_message=lambda m: print(m, file=sys.stderr))
    gazetteer = tools.gazetteer or open_gazetteer()
    for corpus in args.corpus:
        articles = read_corpus(DATA / f"{corpus}.xml")
        if args.limit:
            articles = articles[: args.limit]
        errors: list[str] = []
        started = time.perf_counter()
        correct, _placed, total = given_gold(articles, gazetteer, tools.lexicons, errors, known_places=True)
        elapsed = time.perf_counter() - started
        strict, strict_placed, _ = given_gold(articles, gazetteer, tools.lexicons, [], known_places=False)
        published = PUBLISHED.get(corpus)
        print(f"{corpus}: {len(articles)} articles, {total} toponyms with coordinates ({elapsed:.1f} s)")
        print(f"  given gold toponyms: accuracy@161km {100 * correct / total:.1f}"
              + (f"   (Mordecai 3: {published})" if published else ""))
        print(f"  without the document fallback for names the gazetteer lacks: {100 * strict / total:.1f}"
              f" (placed {100 * strict_placed / total:.1f}%)")
        for line in errors[: args.errors]:
            print(f"    {line}")
        if args.end_to_end:
            found, gold_total, system, system_correct = end_to_end(articles, gazetteer, tools)
            recall, precision = found / gold_total, system_correct / system if system else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"  end to end: recall@161km {100 * recall:.1f}  precision@161km {100 * precision:.1f}  F1 {100 * f1:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
