"""Where the lines of a PDF page start and end, in points, read with pypdf alone.

Walks a page's content stream (text matrices, the transformation matrix, fonts'
glyph widths, kerning in TJ arrays, character spacing) and joins the text shown on
one baseline into a line. Enough for WeasyPrint's output: Type 0 fonts with two-byte
glyph codes.
"""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.generic import ContentStream

def _widths(font):
    desc = font["/DescendantFonts"][0].get_object()
    default = desc.get("/DW", 1000)
    table = {}
    w = desc.get("/W", [])
    i = 0
    while i < len(w):
        first = w[i]
        if isinstance(w[i + 1], list) or hasattr(w[i + 1], "__iter__"):
            for k, value in enumerate(w[i + 1]):
                table[first + k] = value
            i += 2
        else:
            for code in range(first, w[i + 1] + 1):
                table[code] = w[i + 2]
            i += 3
    return table, default

def mul(a, b):
    return [a[0]*b[0]+a[1]*b[2], a[0]*b[1]+a[1]*b[3], a[2]*b[0]+a[3]*b[2], a[2]*b[1]+a[3]*b[3],
            a[4]*b[0]+a[5]*b[2]+b[4], a[4]*b[1]+a[5]*b[3]+b[5]]

def text_runs(page):
    """(x0, x1, y) in points of every text-showing operation on the page."""
    fonts = page["/Resources"]["/Font"]
    content = ContentStream(page.get_contents(), page.pdf)
    ctm = [1, 0, 0, 1, 0, 0]; stack = []
    tm = lm = [1, 0, 0, 1, 0, 0]
    font = None; size = 1; tc = tw = 0; tz = 1
    runs = []
    for operands, op in content.operations:
        op = op.decode() if isinstance(op, bytes) else op
        if op == "q": stack.append(ctm)
        elif op == "Q": ctm = stack.pop()
        elif op == "cm": ctm = mul([float(x) for x in operands], ctm)
        elif op == "BT": tm = lm = [1, 0, 0, 1, 0, 0]
        elif op == "Tf": font = _widths(fonts[operands[0]].get_object()); size = float(operands[1])
        elif op == "Tc": tc = float(operands[0])
        elif op == "Tz": tz = float(operands[0]) / 100
        elif op == "Tm": tm = lm = [float(x) for x in operands]
        elif op in ("Td", "TD"): lm = mul([1, 0, 0, 1, float(operands[0]), float(operands[1])], lm); tm = lm
        elif op in ("TJ", "Tj"):
            items = operands[0] if op == "TJ" else [operands[0]]
            table, default = font
            advance = 0.0
            for item in items:
                if isinstance(item, (bytes, str)) or hasattr(item, "original_bytes"):
                    data = item.original_bytes if hasattr(item, "original_bytes") else (item if isinstance(item, bytes) else item.encode("latin-1"))
                    for k in range(0, len(data), 2):
                        code = data[k] << 8 | data[k + 1]
                        advance += (table.get(code, default) / 1000 * size + tc) * tz
                else:
                    advance -= float(item) / 1000 * size * tz
            start = mul(tm, ctm); end = mul(mul([1, 0, 0, 1, advance, 0], tm), ctm)
            runs.append((start[4], end[4], start[5]))
            tm = mul([1, 0, 0, 1, advance, 0], tm)
    return runs

def lines(page):
    """(x0, x1) of every line of text (runs on one baseline joined)."""
    by_y = {}
    for x0, x1, y in text_runs(page):
        key = round(y, 1)
        a, b = by_y.get(key, (x0, x1))
        by_y[key] = (min(a, x0), max(b, x1))
    return by_y
