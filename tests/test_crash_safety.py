"""Crash safety: a build killed with SIGKILL at random moments, in ingest and in the
cross-source stage, leaves a database that passes `PRAGMA integrity_check`, and the next
build resumes to exactly the records of an uninterrupted build (sorted exports compared,
not counts). 20 kills on a tiny corpus here; `python scripts/crash_resume.py` runs more on
a larger one."""

from __future__ import annotations

import os
from pathlib import Path

from claimgraph import BuildOptions, BuildTools

from .conftest import write_article
from .crash_harness import kill_and_resume

KILLS = int(os.environ.get("CLAIMGRAPH_KILLS", "20"))
STORIES = [
    ("Ruvia Sends Troops To Kessa", ["Ruvia deployed 400 soldiers to Gao in Kessa on 3 March 2021, the defence ministry said.",
                                     "The Kessan government denied that any Ruvian troops were in the country."]),
    ("Troops Arrive In Gao", ["About 400 Ruvian soldiers arrived in Gao on 3 March 2021, according to Reuters.",
                              "Amadou Keita, the mayor of Gao, said the soldiers were welcome."]),
    ("Kessa Denies Deployment", ["Kessa's foreign minister said on Friday that no Ruvian troops had been deployed to Gao.",
                                 "“We do not employ mercenaries,” the minister said."]),
    ("Ferry Terminal Approved", ["The council of Port Alder voted on Tuesday to approve a new ferry terminal, Mayor Helen Brandt said."]),
    ("Ships Held At Port Elster", ["The harbour authority of Port Elster said two cargo ships had been held at anchor for a week."]),
    ("Attack Near Gao", ["At least 12 people were killed in an attack near Gao on 5 March 2021, the United Nations said.",
                         "Ruvia accused Kessa of attacking the convoy."]),
]


def test_twenty_kills_in_ingest_and_in_the_cross_source_stage_leave_a_sound_database_that_resumes_to_the_same_records(
        tmp_path: Path, build_tools: BuildTools) -> None:
    corpus = tmp_path / "corpus"
    for index, (title, paragraphs) in enumerate(STORIES):
        write_article(corpus, f"story{index}.txt", title, paragraphs)

    report = kill_and_resume([corpus], tmp_path, tools=build_tools, options=BuildOptions(batch_size=2), kills=KILLS)

    assert report.kills == KILLS, report
    assert report.in_ingest >= KILLS // 4 and report.in_resolve >= KILLS // 4, report
    assert report.integrity_failures == [], report
    assert report.identical, report
    print(report)
