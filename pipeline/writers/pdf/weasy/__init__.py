"""Everything that reaches into WeasyPrint's internals (and pydyf's and fontTools'), behind a version gate.

The PDF writer is fast because it relies on how WeasyPrint 70 works inside:
laid-out pages pickled and sent between processes (`page_transfer`), their
folios rewritten after layout (`page_transfer.set_folios`), pages painted in
helper processes and replayed into the one document written (`painting`),
WeasyPrint's glyph loop done once per glyph (`text_painting`), two layout bugs
fixed at their causes and three wastes avoided (`fixes`). None of that is
WeasyPrint's public API, so it lives here and nowhere else; every monkeypatch
is a row of the table in `patches` and is applied and reverted through it.
Also here: the classes WeasyPrint documents but exports only from submodules
(`api`, the one module of this package the plain path imports besides the
gate and `libraries`); the native libraries' versions, for the layout cache
(`native`); WeasyPrint imported with its native libraries' lookups kept per
machine (`libraries`, `library_answers`).

The gate: these fast paths were verified, to the byte, on the versions in
VERIFIED only. On any other WeasyPrint (and with `build --plain-pdf`) the
writer lays the book out and writes it with WeasyPrint's public API alone,
and `patches.applied` refuses to apply the version-bound patches at all.

This module stays light (WeasyPrint is imported only when the gate is asked):
the build imports `libraries` from here before WeasyPrint is loaded.
"""

from __future__ import annotations

#: The WeasyPrint releases the fast paths were verified on: the full test suite, and the
#: reader's PDF the same to the byte as a build in one process.
VERIFIED = frozenset({"70.0"})


def version() -> str:
    """The version of the WeasyPrint this process imports."""
    import weasyprint

    return weasyprint.__version__


def verified() -> bool:
    """Whether the fast paths may be used with the WeasyPrint this process imports."""
    return version() in VERIFIED
