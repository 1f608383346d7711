"""WeasyPrint's window on the world, shut to everything but styles/.

WeasyPrint's default fetcher reads file:// URLs and follows redirects, so a
stray `<link rel=attachment href=file:///…>` would embed a local file in the
PDF. This fetcher serves `data:` URLs and files under the project's styles/
folder only; anything else is refused (and remembered, so the build can say
so).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import URLFetcher

from .weasy.api import URLFetcherResponse, URLFetchingError


class RestrictedFetcher(URLFetcher):
    def __init__(self, allowed_folder: Path):
        super().__init__(timeout=1, allowed_protocols={"data", "file"}, allow_redirects=False)
        self.allowed = allowed_folder.resolve()
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if path.is_relative_to(self.allowed) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _content_type(path)})
        self.refused.append(url)
        raise URLFetchingError(f"refused to fetch {url!r}: only files under styles/ may be used")


def _content_type(path: Path) -> str:
    return {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2",
            ".png": "image/png", ".jpg": "image/jpeg", ".svg": "image/svg+xml"}.get(path.suffix.lower(),
                                                                                    "application/octet-stream")
