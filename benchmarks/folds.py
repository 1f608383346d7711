"""Which fold a development page falls in, for cross-validation by site: every page of a site, and every
copy made of a page ("0086-example.com#head", a cut copy; "#no-lexicon"), in the same fold, so that no
held-out page is learnt from in another guise."""

from __future__ import annotations

import zlib


def domain_of(name: str) -> str:
    """The page's site: "0086-example.com#head" is example.com's, as "0086-example.com" is."""
    name = name.split("#", 1)[0]
    return name.split("-", 1)[1] if "-" in name else name


def fold_of(name: str, folds: int) -> int:
    return zlib.crc32(domain_of(name).encode()) % folds
