"""What a saved page says about its article in its markup: title, author, date, publication, address.

Pages state these for search engines and social sites: JSON-LD (`headline`,
`author`, `datePublished`, `publisher`), Open Graph and article meta tags, the
`<h1>`, a `<time datetime>`. They are more reliable than reading a byline off
the text, so the cleaner takes them first; `book.yaml` still wins over both.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from ..clean.page_units import words_key
from .walk import visible_text

_ISO_DAY = re.compile(r"^((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?")
_SITE_SUFFIX = re.compile(r"\s+[|\-–—·•]\s+(?:\S+\s?){1,4}$")  # "Title | Site Name"


@dataclass(frozen=True)
class PageFacts:
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    publication: str | None = None
    url: str | None = None
    h1: str | None = None  # the page's first <h1> in its article or main part, else anywhere
    titles: tuple[str, ...] = ()  # every statement of the headline, most trusted first
    stated: tuple[str, ...] = ()  # of those, the ones its metadata makes (JSON-LD, Open Graph)
    language: str | None = None  # the BCP 47 tag the page declares (<html lang>), often a template's default
    article_body: str | None = None  # JSON-LD's articleBody: the text a page rendered by script may hold only there


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:300] or None


def _ld_text(value) -> str | None:
    """A JSON-LD string: the script's text is no HTML to the parser, so the entities many sites write in it
    ("Maria &amp; Katerina", "Don&#8217;t") are still to be read."""
    return _clean(html.unescape(value)) if isinstance(value, str) else None


def _iso(value) -> str | None:
    match = _ISO_DAY.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def _meta(root) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and key not in out:
            out[key] = content
    return out


def _json_ld(root) -> list[dict]:
    """Every JSON-LD object of the page, @graph entries included (read as data, never run)."""
    found: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 200:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind]) if k}


_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "report", "scholarlyarticle", "techarticle",
                  "socialmediaposting", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                  "reportagenewsarticle", "recipe", "howto", "webpage", "posting", "liveblogposting"}


def _names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        name = _ld_text(name)
        if name and not name.lower().startswith("http") and name not in out:
            out.append(name)
    return out


def _from_json_ld(items: list[dict]) -> dict[str, str]:
    article = next((i for i in items if _types(i) & (_ARTICLE_TYPES - {"webpage"})), None) or \
        next((i for i in items if _types(i) & _ARTICLE_TYPES), None)
    if article is None:
        return {}
    out: dict[str, str] = {}
    title = _ld_text(article.get("headline")) or _ld_text(article.get("name"))
    if title:
        out["title"] = title
    names = _names(article.get("author"))
    if names:
        out["author"] = " and ".join(names[:3]) if len(names) <= 2 else ", ".join(names[:3])
    date = _iso(article.get("datePublished")) or _iso(article.get("dateCreated"))
    if date:
        out["published"] = date
    publisher = _names(article.get("publisher"))
    if publisher:
        out["publication"] = publisher[0]
    body = article.get("articleBody")
    if isinstance(body, str) and body.strip():
        out["article_body"] = html.unescape(body)[:_BODY_CHARS]
    return out


_BODY_CHARS = 500_000  # a book's length: more is no article


def _first_h1(root, scopes=("//article//h1", "//main//h1", "//*[@role='main']//h1")) -> str | None:
    for scope in scopes:
        for h1 in root.xpath(scope):
            text = visible_text(h1)
            if text:
                return text[:300]
    return None


def page_facts(root) -> PageFacts:
    meta = _meta(root)
    ld = _from_json_ld(_json_ld(root))
    publication = ld.get("publication") or _clean(meta.get("og:site_name")) or _clean(meta.get("application-name"))
    h1, titles, stated = _headline(root, meta, ld, publication)
    author = ld.get("author") or _clean(meta.get("author")) or _clean(meta.get("article:author")) \
        or _clean(meta.get("parsely-author")) or _clean(meta.get("sailthru.author"))
    if author and (author.lower().startswith("http") or "/" in author):
        author = None
    published = ld.get("published") or _iso(meta.get("article:published_time")) or \
        _iso(meta.get("datepublished")) or _iso(meta.get("date")) or _iso(meta.get("pubdate")) or \
        _iso(meta.get("parsely-pub-date")) or _time_element(root)
    url = _clean(meta.get("og:url")) or _canonical(root)
    return PageFacts(titles[0] if titles else None, author, published, publication, url, h1, titles, stated,
                     _declared_language(root), ld.get("article_body"))


_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _declared_language(root) -> str | None:
    """<html lang="pt-BR"> (or xml:lang), when it is a well-formed tag."""
    top = root if root.tag == "html" else next(iter(root.iter("html")), None)
    value = (top.get("lang") or top.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip() \
        if top is not None else ""
    return value if _TAG.match(value) else None


def _headline(root, meta: dict[str, str], ld: dict[str, str],
              publication: str | None) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """The article's `<h1>`, every statement of the headline (most trusted first: the metadata's, the
    article's `<h1>`, any `<h1>`, the `<title>` without the site's name), and the metadata's alone. An `<h1>`
    is often the site's name, even inside `<main>`: one that is (the `<title>`'s suffix, the publication)
    states no headline. Which heading matches them is the page stage's to find (page_units.py)."""
    head_title = root.find(".//title")
    # the <title> is no visible text (`visible_text` skips it): its own text, entities already read by the parser
    full_title = " ".join(head_title.text_content().split()) if head_title is not None else ""
    site = _SITE_SUFFIX.search(full_title)
    sites = {words_key(name) for name in (publication, site and site.group().strip(" |-–—·•")) if name}
    og_title = _clean(meta.get("og:title"))
    stated = tuple(dict.fromkeys(t for t in (ld.get("title"), _SITE_SUFFIX.sub("", og_title) if og_title else None)
                                 if t))
    h1 = _first_h1(root)  # the article's own <h1>
    h1 = h1 if h1 and words_key(h1) not in sites else None
    titles = tuple(dict.fromkeys(t for t in (*stated, h1, _first_h1(root, ("//h1",)),
                                             _clean(_SITE_SUFFIX.sub("", full_title)))
                                 if t and words_key(t) not in sites))
    return h1, titles, stated


def _time_element(root) -> str | None:
    for scope in ("//article//time[@datetime]", "//time[@datetime]"):
        for element in root.xpath(scope)[:1]:
            return _iso(element.get("datetime"))
    return None


def _canonical(root) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return _clean(link.get("href"))
    base = root.find(".//base")
    return _clean(base.get("href")) if base is not None else None
