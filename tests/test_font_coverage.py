"""Characters the text's fonts cannot draw: named one by one when few, by script when a chapter is in a
script the fonts lack; a font an editor adds to the text's stack counts."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, SMALL_BOOK, make_project
from pipeline.build import BuildOptions, prepare
from pipeline.text_fonts import text_fonts

PROSE = ("The revolution of 1917 was followed by a long civil war that left the economy in ruins and the "
         "working class scattered across the countryside in search of food, as the letters of the time show.")
JAPANESE = "ロシアの公文書館は、スターリン時代の政治局の議事録を新たに公開した。研究者によると、これまで知られていなかった決定の経緯が明らかになるという。"


def _warnings(project: Path) -> list:
    _editorial, made = prepare(BuildOptions(project=project))
    return [p for p in made.warnings if "no glyph" in p.message]


def test_the_text_is_set_in_the_families_shared_css_names_for_the_body():
    assert [p.name for p in text_fonts(ROOT / "styles")] == [
        "CharisSIL-Regular.ttf", "CharisSIL-Italic.ttf", "CharisSIL-Bold.ttf", "CharisSIL-BoldItalic.ttf"]


def test_a_character_the_text_fonts_lack_is_named_until_a_font_that_has_it_joins_the_stack(tmp_path):
    seed = "A Title Here\n\n" + PROSE.replace("civil war", "civil war \u0370") + "\n"
    project = make_project(tmp_path, {"one.txt": seed}, SMALL_BOOK)
    [warning] = _warnings(project)
    assert "U+0370 greek capital letter heta" in warning.message
    shared = project / "styles" / "shared.css"
    css = shared.read_text(encoding="utf-8")
    shared.write_text(css.replace('html, body { font-family: "Charis SIL", serif; }',
                                  '@font-face { font-family: "Noto Sans Mono"; src: url("fonts/NotoSansMono-Regular.ttf"); }\n'
                                  'html, body { font-family: "Charis SIL", "Noto Sans Mono", serif; }'), encoding="utf-8")
    assert text_fonts(project / "styles")[-1].name == "NotoSansMono-Regular.ttf"
    assert _warnings(project) == []


def test_a_chapter_in_a_script_the_fonts_lack_is_named_by_its_scripts_not_char_by_char(tmp_path):
    seed = "スターリン時代の記録\n\n" + JAPANESE + "\n\n" + JAPANESE.replace("研究者", "専門家") + "\n"
    project = make_project(tmp_path, {"one.txt": seed}, SMALL_BOOK)
    [warning] = _warnings(project)
    assert "characters, of the Han, Hiragana and Katakana scripts" in warning.message
    assert "U+" not in warning.message and len(warning.message) < 200
    assert "Noto Serif CJK" in warning.hint and "shared.css" in warning.hint
