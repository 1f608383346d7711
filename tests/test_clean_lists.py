"""Lists of entries and the lines they repeat: where a listicle ends, and which copy of a repeated line goes.

Invented pages, one per kind the development set showed: a list whose entries share a line the
page repeats ("Rated: Good"), a list where one entry's value happens to repeat, a table of
contents that repeats the article's headings, and two entries of a list that share a paragraph.
"""

from __future__ import annotations

from pipeline.clean.body import (_closing_section_to, _continued_pattern, _entries_run_from, _entries_run_to,
                                 _labelled_like_the_text)
from pipeline.clean.body_model import AFTER, ASIDE, BEFORE, BODY
from pipeline.clean.duplicates import drop_duplicates
from pipeline.clean.language import detect_language
from pipeline.clean.units import Unit

REVIEW = ("The {0} makes its jackets from recycled wool in a small mill, pays a living wage to every "
          "worker and publishes the names of its suppliers every year.")


def _entries(names: list[str], shared: str = "See the rating", rated: bool = True) -> list[str]:
    out = []
    for name in names:
        rating = [f"Rated: {'Good' if len(name) % 2 else 'Great'}"] if rated else []
        out += [name, *rating, REVIEW.format(name), shared]
    return out


def _page(before: list[str], inside: list[str], after: list[str]) -> tuple[list[int], list[str]]:
    texts = before + inside + after
    path = [BEFORE] * len(before) + [BODY] * len(inside) + [AFTER] * len(after)
    return path, texts


def test_a_list_whose_entries_share_a_line_runs_on_while_that_line_recurs():
    names = ["Alder Works", "Birch Label", "Cedar & Co", "Dune Studio", "Elm Goods", "Fern House"]
    entries = _entries(names)
    path, texts = _page(["Home", "Shop"], ["The best ethical jackets of the year"] + entries[:13],
                        entries[13:] + ["Privacy Policy", "Terms of use"])
    last = _entries_run_to(path, texts)
    assert last == len(texts) - 3 and texts[last] == "See the rating"  # the sixth entry's last line


def test_a_line_that_recurs_all_over_the_page_does_not_carry_the_article_on():
    """An advertisement's label is evenly spaced too, but it stands before the article as well."""
    names = ["Alder Works", "Birch Label", "Cedar & Co", "Dune Studio", "Elm Goods"]
    entries = _entries(names, shared="Advertisement", rated=False)
    path, texts = _page(["Home", "Advertisement", "Shop"], entries[:10], entries[10:] + ["Footer"])
    assert _entries_run_to(path, texts) is None


def test_a_list_whose_entries_open_a_line_with_the_same_label_runs_on_while_the_label_recurs():
    """No line repeats whole ("Price | from $12 a meal", "Price | from $9 a meal"), but each entry
    opens one with the same label, however long its entries are."""
    entries = []
    for k, name in enumerate(["Alder Box", "Birch Meals", "Cedar Kitchen", "Dune Greens", "Elm Bowls"], 1):
        entries += [f"{k}. {name}", f"Founded in {2000 + k}", f"{10 + k} recipes a week",
                    f"Ships to {20 + k} states", f"Best for | {name.split()[0]} lovers who cook twice a week",
                    f"Ingredients | organic vegetables from {k + 2} farms", f"Price | from ${8 + k} a meal",
                    REVIEW.format(name), f"What reviewers say | Box {k} arrived fresh and the portions were generous.",
                    f"Try {name}", f"{name} gift cards", f"{name} on the map", f"{name} coupon codes"]
    path, texts = _page(["Home", "Meal kits"], entries[:39], entries[39:] + ["Privacy Policy", "Terms of use"])
    last = _entries_run_to(path, texts)
    assert last is not None and texts[last].startswith("What reviewers say")  # the fifth entry's last labelled line


def test_a_list_runs_on_when_its_last_entry_inside_the_article_is_longer_than_the_others():
    """The model ended the article inside an entry longer than the rest: the entries' shared line
    stands five lines above the end, one more than their widest spacing, and still counts."""
    names = ["Half Dome", "Glacier Point", "Sentinel Dome", "Wawona Tunnel", "Badger Pass", "Happy Isles"]
    extras = [1, 1, 0, 1, 3, 0]  # lines between an entry's name and its description
    entries = []
    for name, n in zip(names, extras):
        entries += [name, *(f"{name} camera {k + 1} looks {('west', 'north', 'east')[k]}" for k in range(n)),
                    REVIEW.format(name), "View webcam"]
    path, texts = _page(["Home", "Webcams"], entries[:20], entries[20:] + ["Last updated: November 13"])
    assert texts[21] == REVIEW.format("Badger Pass") and texts[21 - 5] == "View webcam"  # the end, five below
    assert _entries_run_to(path, texts) == len(texts) - 2  # the sixth entry's shared line


def test_a_list_runs_on_past_an_entry_without_the_shared_line():
    """One entry lacks the shared line (its slot held an advertisement), so the last copy inside the
    article stands further from the end than the last three copies' spacing: the spacing of the whole
    run of entries (one entry above is longer) says how far apart the line may stand."""
    names = ["Alder Works", "Birch Label", "Cedar & Co", "Dune Studio", "Elm Goods", "Fern House", "Gorse Lane"]
    entries = []
    for k, name in enumerate(names):
        extra = [f"{name} ships from its mill", f"{name} repairs for free"] if k == 1 else []
        shared = [] if k == 4 else ["Book now"]
        entries += [name, *extra, REVIEW.format(name), *shared]
    path, texts = _page(["Home", "Shop"], entries[:16], entries[16:] + ["Privacy Policy"])
    assert texts[17] == REVIEW.format("Elm Goods") and texts[15] == "Book now"  # the end, two below the last copy
    assert _entries_run_to(path, texts) == len(texts) - 2  # the last entry's shared line


def _titled_entries(names: list[str], button: str | None = None) -> list[str]:
    out = []
    for name in names:
        out += [name, REVIEW.format(name), *([button] if button else [])]
    return out


def test_a_button_under_every_entry_does_not_stop_the_list():
    """The entries after the end carry a "Read More" the entries above did not show: the list goes
    on over it, and the button between two entries stands aside."""
    inside = _titled_entries(["Quick coat hooks", "Plant stand", "Mirror frame"])
    after = _titled_entries(["House number sign", "Jewelry organizer", "Coffee table"], button="Read More")
    path, texts = _page(["Home"], inside, after + ["Up next", "Privacy Policy"])
    placed = _continued_pattern(path, texts, detect_language(texts))
    assert [state for text, state in zip(texts, placed) if text == "Read More"] == [ASIDE, ASIDE, AFTER]
    assert placed[texts.index(REVIEW.format("Coffee table"))] == BODY
    assert placed[-2:] == [AFTER, AFTER]


def test_a_group_heading_between_entries_goes_on_with_the_list():
    """A calendar of events: "June" over two more events is the list's own heading."""
    inside = ["May"] + _titled_entries(["Knowledge 2026", "Asset conference", "Technologies World"])
    after = ["June"] + _titled_entries(["FinOps X 2026", "HPE Discover"]) + ["Related Posts", "Privacy Policy"]
    path, texts = _page(["Home"], inside, after)
    placed = _continued_pattern(path, texts, detect_language(texts))
    assert placed[texts.index("June")] == BODY
    assert placed[texts.index(REVIEW.format("HPE Discover"))] == BODY
    assert placed[-2:] == [AFTER, AFTER]


def test_a_short_line_over_a_single_entry_does_not_carry_the_list_on():
    """An author's card after a list of entries: a label, a name and a paragraph about the person."""
    inside = _titled_entries(["Quick coat hooks", "Plant stand", "Mirror frame"])
    bio = "Emily has covered travel, food and DIY for the magazine for ten years and tests every tool."
    path, texts = _page(["Home"], inside, ["Author", "Emily Way", bio, "Recipes", "Contests"])
    placed = _continued_pattern(path, texts, detect_language(texts))
    assert placed[len(inside) + 1:] == [AFTER] * 5


def test_an_aside_with_the_label_of_lines_the_article_keeps_is_the_article_s():
    texts = ["Estamos aquí", "License: CC-BY-NC", "Spanish grammar in context", "License: CC-BY-NC-SA",
             "Recorridos", "License: CC-BY", "Sponsored: a language course", "Sponsored: a summer school"]
    path = [BODY, BODY, BODY, BODY, BODY, ASIDE, ASIDE, ASIDE]
    assert _labelled_like_the_text(path, texts) == [BODY] * 6 + [ASIDE, ASIDE]


def test_a_closing_section_below_the_article_s_end_is_the_article_s():
    closing = ("Whichever machine you choose, a few minutes of cleaning after each use will keep it "
               "making good coffee for years.")
    path, texts = _page(["Home"], ["Espresso machines under $500", REVIEW.format("Café Pro")],
                        ["Check price on Amazon", "Final Thoughts", closing, "Related posts", "Privacy Policy"])
    assert _closing_section_to(path, texts) == texts.index(closing)


def test_a_heading_of_other_pages_below_the_article_is_not_its_closing_section():
    teaser = "Seven accessories that make a home espresso setup easier to live with every single day."
    path, texts = _page(["Home"], ["Espresso machines under $500", REVIEW.format("Café Pro")],
                        ["Related posts", teaser, "Privacy Policy"])
    assert _closing_section_to(path, texts) is None


def test_the_last_entry_s_own_closing_line_is_not_a_new_entry():
    names = ["Alder Works", "Birch Label", "Cedar & Co"]
    entries = _entries(names)
    path, texts = _page(["Home"], entries[:-1], entries[-1:] + ["Leave a comment", "Recent posts"])
    assert _entries_run_to(path, texts) is None


def test_an_entry_whose_value_repeats_on_the_page_keeps_the_list_s_pattern():
    """"Average rating: 4.5" shown three times is one entry's value, not a line of its own kind."""
    ratings = ["4.5", "3.9", "4.5", "4.1", "4.5", "4.8"]
    entries = []
    for k, rating in enumerate(ratings, 1):
        entries += [f"{k}. Mover number {k}", f"Total reviews: {100 + k}", f"Average rating: {rating}",
                    REVIEW.format(f"mover number {k}")]
    path, texts = _page(["Home"], entries[:16], entries[16:] + ["Privacy Policy"])
    language = detect_language(texts)
    placed = _continued_pattern(path, texts, language)
    assert all(state in (BODY, ASIDE) for state in placed[1:-1])
    assert placed[-1] == AFTER


def _units(texts: list[str]) -> list[Unit]:
    return [Unit(line=k + 1, text=text) for k, text in enumerate(texts)]


def test_a_table_of_contents_goes_and_the_headings_in_the_text_stay():
    headings = ["1. How long is the trip you are planning this year?",
                "2. Which season of the year will you be visiting?",
                "3. Are you comfortable driving on gravel mountain roads?"]
    prose = ["The length of the trip decides much of the rest, from the car to the route you take.",
             "Winter brings short days and icy roads; summer brings light until midnight.",
             "Many roads in the highlands are gravel, and rivers must be forded without bridges."]
    texts = ["Contents"] + headings + ["Planning a trip comes with one big question."]
    for heading, paragraph in zip(headings, prose):
        texts += [heading, paragraph]
    result = drop_duplicates(_units(texts))
    gone = [event.line for event in result.events]
    assert gone == [2, 3, 4]  # the contents' entries, not the headings above their paragraphs
    assert [u.text for u in result.units].count(headings[1]) == 1


def test_a_paragraph_two_entries_share_is_kept_in_both():
    shared = "Included services: baggage handling from hotel to hotel and a tour manager throughout."
    texts = ["Danube river cruise, eight days from Budapest", "Eight nights aboard with all meals included.",
             shared, "Prices start at $2,499 a person, flights extra.",
             "Rhine river cruise, seven days from Basel", "Seven nights aboard with wine at dinner.",
             shared, "Prices start at $2,199 a person, flights included."]
    result = drop_duplicates(_units(texts))
    assert not result.events
    assert [u.text for u in result.units].count(shared) == 2


def test_a_block_every_entry_of_a_list_repeats_is_kept_in_each():
    """Each view of a list of webcams ends on the same credit and appeal: two repeated lines side by
    side, which alone would look like one entry of a table of contents or a teaser."""
    credit = "This webcam image is provided courtesy of the Valley Conservancy, who keep it running."
    appeal = "You can support this webcam and the valley's trails by making a gift to the Conservancy."
    texts = []
    for view, words in (("Half Dome", "the valley floor"), ("High Sierra", "the high country"),
                        ("El Capitan", "the granite wall")):
        texts += [view, f"This view of {words} shows the weather and the snow on the peaks today.",
                  credit, appeal, "View webcam"]
    result = drop_duplicates(_units(texts))
    assert not result.events
    assert [u.text for u in result.units].count(appeal) == 3


def test_a_line_three_entries_repeat_is_kept_in_each_though_one_copy_looks_like_a_teaser():
    """A training plan's warm-up under each day: the copy over a short heading looks like a teaser,
    but a teaser and its paragraph come in pairs, and this line comes in every entry."""
    warm_up = "Warm up for ten to twenty minutes with easy jogging and a few short strides."
    texts = ["Monday. Easy run", warm_up, "Run easy for forty minutes in the second zone of your heart rate.",
             "Tuesday. Intervals", warm_up, "Main set", "Run six hard minutes four times, with two easy between.",
             "Thursday. Tempo run", warm_up, "Run twenty minutes at tempo effort, then cool down slowly."]
    result = drop_duplicates(_units(texts))
    assert not result.events


def test_a_second_copy_of_the_whole_article_still_goes():
    paragraphs = [f"Paragraph {k} of the article tells one part of the story of the river and the mill."
                  for k in range(1, 7)]
    texts = ["The mill", *paragraphs, "Share this story", "The mill", *paragraphs]
    result = drop_duplicates(_units(texts))
    assert [event.line for event in result.events] == list(range(10, 16))


def test_a_paragraph_the_page_shows_twice_in_a_row_still_goes_once():
    caption = "The old mill at dawn, seen from the bridge over the river, before the flood reached it."
    texts = ["The flood came at night.", caption, "Photo: A. Reader", caption, "Photo: A. Reader",
             "By morning the water was at the doors."]
    result = drop_duplicates(_units(texts))
    assert [event.line for event in result.events] == [4]


def test_a_short_table_of_contents_goes_whatever_the_length_of_its_entries():
    headings = ["Why prune at all", "Group one", "Group two", "Group three"]
    texts = ["Pruning clematis is simpler than it looks once you know the group of your plant."] + headings
    for heading in headings:
        texts += [heading, f"Under {heading.lower()}: cut back after flowering, above a pair of healthy buds."]
    result = drop_duplicates(_units(texts))
    assert [(event.line, event.rule) for event in result.events] == [(k, "contents-list") for k in (2, 3, 4, 5)]


def test_line_numbers_of_code_listings_are_not_a_table_of_contents():
    texts = ["A first listing:", "1", "2", "3", "let x = 1;", "A second listing:",
             "1", "let y = 2;", "2", "let z = 3;", "3", "print(x + y + z)"]
    assert not drop_duplicates(_units(texts)).events


def test_a_list_runs_on_over_its_last_entry_when_several_of_its_shared_lines_head_it():
    """The model ended the article before the last entry of a list whose entries open with labelled
    lines ("Author: …", "Released: …"): they recur only once below the end, less than an entry's
    length below it, but several together head one more entry, not one entry's closing line."""
    entries = []
    for k, title in enumerate(["A Far Better Harbour", "The Quiet Library", "House of Tides", "The Late Garden"], 1):
        entries += [title, f"Author: Writer number {k}", f"Released: June {k}, 2025", f"Genre: Fiction {k}",
                    REVIEW.format(title)]
    path, texts = _page(["Home", "Books"], entries[:15], entries[15:] + ["Privacy Policy"])
    assert texts[17] == "The Late Garden"  # the model's end: just above the last entry
    last = _entries_run_to(path, texts)
    assert last is not None and texts[last] == "Genre: Fiction 4"


def _resources(titles: list[str]) -> list[str]:
    out = []
    for k, title in enumerate(titles, 1):
        out += [title, "By:", f"Teacher number {k}", REVIEW.format(title), "Language: Spanish",
                f"Format: Open textbook {k}", f"License: CC-BY {k}", "Go to resource"]
    return out


def test_a_list_the_model_started_late_starts_where_its_first_entry_does():
    """The model started the article at the second entry of a list of resources: the entries' shared
    lines ("By:", "Language: …", "Go to resource") recur at the list's spacing above the start too,
    several of them, so the list began above it."""
    entries = _resources(["Alder Reader", "Birch Grammar", "Cedar Modules", "Dune Archive", "Elm Lessons"])
    path, texts = _page(["Home", "Resources for teachers"], entries[:8 + 32], entries[40:] + ["Donate"])
    path = [BEFORE] * 10 + path[10:]  # the first entry, above the model's start
    first = _entries_run_from(path, texts)
    assert first is not None and 2 < first < 10 and texts[first] == "By:"  # inside the first entry


def test_one_label_above_the_article_at_the_list_s_spacing_is_still_an_advertisement_s():
    entries = _entries(["Alder Works", "Birch Label", "Cedar & Co", "Dune Studio", "Elm Goods"],
                       shared="Advertisement", rated=False)
    path, texts = _page(["Home", "Advertisement", "Shop"], entries[:10], entries[10:] + ["Footer"])
    assert _entries_run_from(path, texts) is None and _entries_run_to(path, texts) is None


def test_a_calendar_whose_entries_each_open_with_a_date_runs_both_ways_while_the_dates_recur():
    """No line repeats and no label is shared, but every event opens with a date alone on its line:
    the dates recur at the list's spacing above the model's start and below its end."""
    entries = []
    for k, name in enumerate(["Alder Summit", "Birch Expo", "Cedar Forum", "Dune Days", "Elm Congress",
                              "Fern Meetup", "Glen Week", "Holt Conference", "Isle Retreat", "Jura Days"], 1):
        entries += [f"March {k + 10}, 2026", name, f"City number {k}, United States", REVIEW.format(name)]
    path, texts = _page(["Home", "Events"], entries[:28], entries[28:] + ["Subscribe to our newsletter"])
    path = [BEFORE] * 14 + path[14:]  # the model started at the fourth event and ended after the seventh
    assert _entries_run_from(path, texts) == 2 and texts[2] == "March 11, 2026"
    assert _entries_run_to(path, texts) == 38 and texts[38] == "March 20, 2026"
