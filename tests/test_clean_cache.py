"""The cleaned-article cache gives back what cleaning gave: the blocks and what was read off the page."""

from pathlib import Path

from pipeline.cache import CleanCache
from pipeline.clean.units import Overrides
from pipeline.read import decode_seed

PAGE = """Home | News | About
The Quiet Harbour Reopens
By Ann Smith
3 May 2025
The harbour at the end of the bay reopened last week after two years of repairs, and the fishing boats that had moored elsewhere came back one by one through the narrow channel.
The council had spent most of its budget on the new sea wall, which the engineers say will hold against the winter storms that broke the old one in two places.
Fishermen who had lost a season's income said they were glad to be back, though the moorings now cost more than they did before the work began.
"""


def _article_fields(result):
    a = result.article
    return a.title, a.author, a.published, [b.text for b in a.blocks]


def test_an_article_from_the_cache_keeps_its_author_and_date(tmp_path):
    source = decode_seed(PAGE.encode(), Path("harbour.txt"))
    fresh = CleanCache(tmp_path).clean(source, Overrides())
    assert fresh.article.author == "Ann Smith" and fresh.article.published == "2025-05-03"
    again = CleanCache(tmp_path)  # a new build: the entry comes from disk
    cached = again.clean(source, Overrides())
    assert again.hits == 1
    assert _article_fields(cached) == _article_fields(fresh)
