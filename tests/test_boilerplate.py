"""Headline detection and furniture removal on plain text, with lines written for the tests."""

from __future__ import annotations

import pytest

from claimgraph.ingest import clean_body, load_rules
from claimgraph.ingest.boilerplate import furniture_reason, outlet_in_furniture

RULES = load_rules()
BODY = [
    "The regional council of Vantor voted on Tuesday to close the old river bridge after inspectors found cracks in two pillars.",
    "Engineers said the repairs could take at least eight months, according to a statement from the council.",
]


def clean(lines: list[str], *, title: str | None = None, detect: bool = True):
    return clean_body("\n".join(lines), rules=RULES, title=title, detect_title=detect)


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Read more: Floods close three schools",
        "READ MORE",
        "Related articles",
        "Previous postWhy the harbour is silting up",
        "Next article",
        "Advertisement",
        "Sign up for our weekly briefing and get the news in your inbox.",
        "Subscribe to the Vantor Courier",
        "Follow us on Facebook and Instagram",
        "Photo: AFP / Lena Ortiz",
        "Image credit: city archive",
        "SOURCE: TWITTER / VANTORNEWS",
        "Getty Images",
        "By Maria Lindqvist",
        "Reporting by Tom Haas; Editing by Ana Ruiz",
        "Tags: bridges, council, infrastructure",
        "© 2024 Vantor Courier. All rights reserved.",
        "Articles may not be reproduced without written permission of the publisher.",
        "Home | News | Region | Sport",
        "https://example.org/photos/bridge.jpg",
        "Source: https://commons.example.org/wiki/File:Bridge.jpg",
        "pic.twitter.com/AbC123xyz",
        "— Vantor Police (@VantorPolice) March 3, 2024",
        "Skip to main content",
        "Leave a comment",
        "12 Comments",
        "Continue reading the main story",
        "Published 3 hours ago",
        "Updated 12 March 2024",
        "5 min read",
        "Copy link",
        "Listen to this article",
        "This article was originally published on The Conversation.",
        "Image source, Getty Images",
        "Media caption, Residents queue for water in Vantor",
        "We use cookies to improve your experience on our site.",
        "Follow @VantorCourier for the latest updates",
        "Our Standards: The Vantor Trust Principles.",
        "Click to share on Facebook (Opens in new window)",
    ],
)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert furniture_reason(line, RULES) is not None


@pytest.mark.parametrize(
    "line",
    [
        BODY[0],
        BODY[1],
        "Source: a council memo dated 3 March, which the Courier has seen, lists 14 bridges in need of repair.",
        "The newsletter of the engineers' union criticised the delay in a long editorial published on Monday, calling it reckless.",
        "Photographs of the cracks were shared widely.",
        "By the end of the week, traffic had moved to the ferry.",
        "Copyright lawyers for the city declined to comment on the dispute.",
        "Published estimates put the cost of the repairs at 40 million euros.",
        "Image quality from the drone was poor, the inspectors said.",
        "Continued shelling forced residents to flee the old town.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert furniture_reason(line, RULES) is None


def test_headline_is_detected_and_removed_from_the_text() -> None:
    cleaned = clean(["", "Vantor closes its old river bridge", "", *BODY])
    assert cleaned.title == "Vantor closes its old river bridge"
    assert cleaned.text.startswith("The regional council")


def test_a_site_name_suffix_is_stripped_from_the_headline() -> None:
    assert clean(["Vantor closes its old river bridge – Courier", "", *BODY]).title == "Vantor closes its old river bridge"
    assert clean(["Vantor closes its old river bridge | The Vantor Courier", "", *BODY]).title == "Vantor closes its old river bridge"


def test_a_text_that_opens_with_prose_has_no_headline() -> None:
    cleaned = clean(BODY)
    assert cleaned.title is None
    assert cleaned.text.startswith("The regional council")


def test_a_known_headline_repeated_as_first_line_is_removed_once() -> None:
    cleaned = clean(["Vantor closes its old river bridge", *BODY], title="Vantor closes its old river bridge", detect=False)
    assert cleaned.title == "Vantor closes its old river bridge"
    assert not cleaned.text.startswith("Vantor closes")


def test_a_dateline_header_is_taken_out_of_the_body() -> None:
    cleaned = clean(["Date: 3 March 2024", "", "Vantor closes its old river bridge", "", *BODY])
    assert cleaned.header_fields == (("date", "3 March 2024"),)
    assert cleaned.title == "Vantor closes its old river bridge"
    assert "Date:" not in cleaned.text


def test_short_fragments_are_furniture_at_the_edges_but_headings_inside() -> None:
    cleaned = clean(["Vantor closes its old river bridge", "", BODY[0], "", "What happens next", "", BODY[1], "", "Top", "Print", "Related"])
    assert "What happens next" in cleaned.text
    for furniture in ("Top", "Print", "Related"):
        assert furniture in cleaned.removed
        assert furniture not in cleaned.text.split("\n")


def test_a_repeated_caption_is_removed_everywhere() -> None:
    caption = "Inspectors at the bridge on Monday."
    cleaned = clean(["Vantor closes its old river bridge", "", caption, "", BODY[0], "", caption, "", BODY[1]])
    assert caption not in cleaned.text
    assert caption in cleaned.removed


def test_removed_lines_are_verbatim_and_the_body_is_kept_whole() -> None:
    cleaned = clean(["Vantor closes its old river bridge", "", BODY[0], "Photo: AFP", BODY[1], "", "Subscribe to the Vantor Courier", "Comments"])
    assert cleaned.removed == ("Photo: AFP", "Subscribe to the Vantor Courier", "Comments")
    assert cleaned.text == BODY[0] + "\n" + BODY[1]


@pytest.mark.parametrize(
    ("removed", "outlet"),
    [
        (("Subscribe to The Vantor Courier", "Comments"), "Vantor Courier"),
        (("If content prepared by Harbor Watch team is useful for you, please support us.",), "Harbor Watch"),
        (("© 2024 Vantor Courier. All rights reserved.",), "Vantor Courier"),
        (("Subscribe to our newsletter", "Related posts"), None),
        (("Top",), None),
    ],
)
def test_the_outlet_is_read_from_removed_furniture(removed: tuple[str, ...], outlet: str | None) -> None:
    assert outlet_in_furniture(removed, RULES) == outlet


def test_furniture_above_the_headline_is_not_taken_for_it() -> None:
    cleaned = clean(["By Jane Smith", "", "Share this article", "", "Vantor closes its old river bridge", "", *BODY])
    assert cleaned.title == "Vantor closes its old river bridge"
    assert "By Jane Smith" in cleaned.removed and "Share this article" in cleaned.removed
    assert cleaned.text.startswith("The regional council")


def test_a_section_label_above_the_headline_is_passed_over() -> None:
    cleaned = clean(["Africa", "", "Vantor closes its old river bridge", "", *BODY])
    assert cleaned.title == "Vantor closes its old river bridge"
    assert "Africa" in cleaned.removed and cleaned.text.startswith("The regional council")


def test_a_repeated_sentence_of_prose_keeps_its_first_occurrence() -> None:
    update = "It takes 1,237 delegates to win the nomination, and no candidate has reached that number yet."
    cleaned = clean(["Vantor votes", "", BODY[0], "", update, "", BODY[1], "", update])
    assert cleaned.text.count(update) == 1
    assert cleaned.text.index(update) < cleaned.text.index(BODY[1])
