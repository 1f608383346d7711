"""A list a colon introduces ends where the article goes on in another shape.

A text seed has no <li>: a run of short lines after "… the council could:" is read as a list. Until it
kept going while the lines stayed under 30 words, the paragraphs and headings after a list became its
items, to the article's end (a new user's opinion column, council page, packing guide and tech post).
"""

from __future__ import annotations

from pipeline.clean.quotations import recognise_quotations
from pipeline.clean.units import Role, Unit

GOING_ON = ["I don't pretend any of these is glamorous. None of them comes with a ribbon-cutting.",
            "A question for the cabinet",
            "Councillor Patel told me the car park was future-proofed because floors could become offices."]


def _items(*lines: str) -> list[str]:
    units = [Unit(line=i, text=text) for i, text in enumerate(lines, start=1)]
    return [u.text for u in recognise_quotations(units).units if u.role is Role.LIST_ITEM]


def test_items_ending_in_semicolons_end_with_the_first_that_ends_a_sentence():
    items = ["cut business rates on empty shop units for five years;",
             "put a free shuttle bus between the station, the hospital and the high street;",
             "fix the potholes on every road in the borough, twice."]
    assert _items("For the same money, the council could:", *items, *GOING_ON) == items


def test_a_heading_after_items_that_end_sentences_heads_the_next_section():
    items = ["Always compare estimated rows with actual rows.", "Use BUFFERS to see how much data was read."]
    after = ["Wrapping up", "EXPLAIN ANALYZE won't fix anything on its own, but it turns a vague complaint into a "
             "question you can answer."]
    assert _items("Lessons:", *items, *after) == items


def test_a_numbered_heading_after_items_without_numbers_heads_the_next_section():
    items = ["5 tops in colours that all go together", "2 pairs of trousers and 1 pair of shorts",
             "2 pairs of shoes, one of them worn on the plane"]
    after = ["3. Decant everything", "Full-size toiletries are the biggest waste of space. Decant shampoo into "
             "small refillable bottles and leave the rest at home."]
    assert _items("A simple capsule that works for me:", *items, *after) == items


def test_a_long_sentence_after_items_without_stops_is_the_next_paragraph():
    items = ["120 MW battery system", "Connected to the grid through a new substation", "Created 310 construction jobs"]
    after = ["The company said it plans to add two further storage projects in Texas by the end of 2027.",
             "Construction of the first is expected to begin in the spring."]
    assert _items("Key facts about the site:", *items, *after) == items


def test_items_of_one_shape_stay_one_list_to_its_last():
    """Lenin's four conditions (seed 4): sentences, the last of two; the list ends at the next paragraph."""
    items = ["Free and democratic elections with right of recall for all Soviet officials.",
             "No official to receive a higher wage than a skilled worker.",
             "No standing army or police force but the armed people.",
             "Gradually, all the tasks of running the state must be done by everybody in turn. “When everybody is "
             "a ‘bureaucrat’ in turn, nobody is a bureaucrat.”"]
    after = ["These four conditions, which Lenin set out in 1917, were meant to stop the rise of a bureaucracy in a "
             "young and poor workers' state surrounded by enemies on every side."]
    assert _items("Lenin laid down the four conditions for Soviet power:", *items, *after) == items
