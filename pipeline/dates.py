"""The one date every output carries, so that two builds give the same bytes."""

from __future__ import annotations

import datetime
import os

from .model import Book


def source_date_epoch(book: Book) -> int:
    """SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the book's date."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    date = datetime.date.fromisoformat(book.meta.date) if book.meta.date else datetime.date(2000, 1, 1)
    return int(datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.timezone.utc).timestamp())


def source_datetime(book: Book) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(source_date_epoch(book), tz=datetime.timezone.utc)
