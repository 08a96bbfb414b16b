"""Synthetic bulletins whose internet hospitals' table is moved down its page so that the page break
falls right over a name of several lines centred on its row (issue 17, typst 920005): under the
continued page's repeated header its first line stands lines over its figures, the lines evenly
spaced down to its last (layout/tables/body.py `one_cell_down_to`, `runs_on_under_an_opened_name`,
`opens_a_centred_first_row`). The long_names_atop draw family (tests/synth/long_names_atop.py)
draws the case, and where the cells may be cut the counter-case (the row cut, its rest over the
next row); the sweep failure is pinned in test_synthetic_bulletins.py."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from .synth import long_names_atop, render_typst
from .synth.draws import ALL, drawn_through
from .synth.model import make_bulletin, truth
from .synth.sweep import Case, cannot_render, replay

DRAWS = drawn_through("long_names_atop")


def _mark(row: int, page: int, y: float, room: float = 770.0) -> dict:
    return {"row": row, "page": page, "y": y, "room": room}


def test_the_break_falls_over_the_longest_name_after_the_second_row_on_the_first_page() -> None:
    names = ["南京市第二医院", "南京市儿童医院", "南京雄州综合门诊部", "江苏先声再康大药房连锁有限公司六合区雨花西路诊所",
             "南京麒麟综合门诊部", "江苏国药大药房连锁有限公司高淳区雨花西路诊所"]
    marks = [_mark(0, 3, 500.0), _mark(1, 3, 540.0), _mark(2, 3, 580.0), _mark(3, 3, 620.0), _mark(4, 3, 700.0),
             _mark(5, 4, 120.0)]
    assert long_names_atop.push(marks, names, False, 12.0) == (3, 151.0)  # its name 1 pt past the room
    assert long_names_atop.push(marks, names, True, 12.0) == (3, 130.8)  # a first line's room left: cut
    assert long_names_atop.push(marks[:2], names, False, 12.0) is None  # two rows on the page: nothing moved
    assert long_names_atop.push(marks[1:], names, False, 12.0) is None  # the first row unmarked


def test_the_family_draws_only_where_long_names_narrowed_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "long_names,long_names_atop")
    b = make_bulletin(881118, draws=DRAWS)
    assert long_names_atop.chosen(b.sections, DRAWS, 881118)
    assert not long_names_atop.chosen(b.sections, DRAWS - {"long_names"}, 881118)
    assert not long_names_atop.chosen(b.sections, drawn_through("ragged_columns"), 881118)


@pytest.mark.parametrize("seed", range(40))
def test_the_family_changes_no_truth(seed: int) -> None:
    """It moves a table: the bulletin drawn is the same."""
    assert truth(make_bulletin(seed, draws=ALL)) == truth(make_bulletin(seed, draws=ALL - {"long_names_atop"}))


def test_the_long_name_opens_the_continued_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """881118, forced: the table moved down 109.89 pt, '江苏先声再康大药房连锁有限公司建邺区河西大街诊所'
    (six lines, centred) is the first row under the repeated header of the next page."""
    if cannot_render("typst", "uming"):
        pytest.skip(cannot_render("typst", "uming"))
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "long_names,long_names_atop")
    info = render_typst.render(make_bulletin(881118, draws=DRAWS), tmp_path / "b.pdf", style="three_line",
                               font="uming", seed=881118)
    assert info["long_names_atop"] == {"push_pt": 109.89, "cut_rows": False, "line_pt": 13.5,
                                       "name": "江苏先声再康大药房连锁有限公司建邺区河西大街诊所"}
    with pdfplumber.open(tmp_path / "b.pdf") as pdf:
        pages = [[line["text"] for line in page.extract_text_lines()] for page in pdf.pages]
    under_header = [(n, lines[k + 1]) for n, lines in enumerate(pages, 1) for k, text in enumerate(lines[:-1])
                    if text.endswith("累计总量")]
    assert under_header[1:] == [(9, "南京市中"), (10, "江苏先声")]  # the table's first page, then the next


CASES = [
    # the families through long_names_atop, long_names and long_names_atop forced (seeds 881101–881120,
    # three_line, uming: 20/20 exact; of 881101, 881105, 881109, 881114, 881118, 881139 3/6 before)
    (881118, "three_line", "uming"),  # a six-line name centred atop the continued page (as 920005)
    (881114, "three_line", "uming"),  # its second line 18 pt over the figures (runs_on_under_an_opened_name)
    (881101, "three_line", "uming"),  # airy rows; the next page two three-line rows (opens_a_centred_first_row)
    (881105, "three_line", "uming"),  # counter-case: cells cut, the long name's rest over the next row
]


@pytest.mark.parametrize(("seed", "style", "font"), CASES, ids=[f"typst-{c[0]}" for c in CASES])
def test_a_centred_name_atop_a_continued_page_keeps_its_lines(seed: int, style: str, font: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    reason = cannot_render("typst", font)
    if reason:
        pytest.skip(reason)
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "long_names,long_names_atop")
    case = Case(seed, "typst", style, font, draws=DRAWS)
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
