"""The layout settings: one frozen LayoutSettings, every field commented and named with its unit,
checked when built, passed down from document.load (never read from a module), and a known case
that reads otherwise when a field is changed."""

from __future__ import annotations

import ast
import pickle
import re
from dataclasses import fields
from pathlib import Path

import pytest

from bulletin_etl.layout.document import load
from bulletin_etl.layout.headings import flow_of
from bulletin_etl.layout.lines import TextLine, margins
from bulletin_etl.layout.sections import paragraphs
from bulletin_etl.layout.settings import BadSetting, LayoutSettings, read_settings
from bulletin_etl.layout.tables import Grid, LogicalTable, stitch

from .pdfkit import LATIN_FONT, Table, make_pdf, text

LAYOUT = Path(__file__).resolve().parents[1] / "src" / "bulletin_etl" / "layout"
UNITS = ("_pt", "_em", "_lines", "_share", "_ratio", "_chars", "_count")


# -- a known case that reads otherwise with other settings ------------------------------------------

HEADER = ("单位", "门诊", "住院")
ROWS = [("南京市鼓楼医院", "1066", "35"), ("南京市儿童医院", "2646", "127"), ("南京梅山医院", "327", "12")]


def close_columns(tmp_path: Path) -> Path:
    """A 三线表 whose last two columns stand 8 pt apart (0.8 em at 10 pt): '门诊' figures set
    right-aligned against '住院' figures set left-aligned, the headers set likewise."""
    size, top = 10.0, 100.0

    def page(c) -> None:
        Table(left=60.0, top=top, col_widths=[120.0, 80.0, 80.0], row_heights=[20.0] * 4, size=size,
              style="three_line").draw(c)
        for r, row in enumerate([HEADER, *ROWS]):
            y = top + 20.0 * r + 5.0
            text(c, 63.0, y, row[0], size)
            right = row[1]
            width = c.stringWidth(right, LATIN_FONT if right.isascii() else "STSong-Light", size)
            text(c, 236.0 - width, y, right, size)
            text(c, 244.0, y, row[2], size)

    return make_pdf(tmp_path / "close.pdf", page)


def only_table(path: Path, settings: LayoutSettings | dict | None = None) -> LogicalTable:
    doc = load(path, settings)
    (table,) = stitch([b for b in doc.blocks if isinstance(b, Grid)], doc.settings)
    return table


def test_the_default_gutter_parts_two_close_columns(tmp_path: Path) -> None:
    table = only_table(close_columns(tmp_path))
    assert table.header_paths == [(h,) for h in HEADER]
    assert [row.cells for row in table.rows] == [list(row) for row in ROWS]


def test_a_raised_gutter_min_em_reads_two_close_columns_as_one(tmp_path: Path) -> None:
    """An 8 pt gap is narrower than a gutter of 1 em: the two columns' figures are one run of text
    (and with `tight_gutter_em` raised alike, their headers do not part it again)."""
    wide = {"gutter_min_em": 1.0, "tight_gutter_em": 1.0}
    table = only_table(close_columns(tmp_path), wide)
    assert table.header_paths == [("单位",), ("门诊 住院",)]
    assert [row.cells for row in table.rows] == [[name, f"{a} {b}"] for name, a, b in ROWS]


def line(x0: float, top: float, size: float = 10.0) -> TextLine:
    return TextLine(text="全市卫生健康信息化建设持续推进", page=1, x0=x0, x1=300.0, top=top, bottom=top + size,
                    doctop=top, size=size, bold=False)


def test_one_paragraph_indent_decides_for_headings_and_paragraphs() -> None:
    """A line starting 2 em past the margin opens a paragraph at the default 0.8 em, and neither
    for the heading test nor for the paragraphs at 2.5 em: the value is written once."""
    lines = [line(60.0, 100.0), line(80.0, 115.0), line(60.0, 130.0)]
    for settings, opens in ((LayoutSettings(), True), (LayoutSettings(paragraph_indent_em=2.5), False)):
        flow = flow_of(list(lines), margins(lines, settings), settings)
        assert flow.indented(lines[0], lines[1]) is opens
        assert [len(p.lines) for p in paragraphs(lines, settings)] == ([1, 2] if opens else [3])


# -- the object itself ------------------------------------------------------------------------------

def test_resolve_takes_none_a_mapping_or_an_instance() -> None:
    mine = LayoutSettings(gutter_min_em=0.5)
    assert LayoutSettings.resolve(None) == LayoutSettings()
    assert LayoutSettings.resolve(mine) is mine
    assert LayoutSettings.resolve({"gutter_min_em": 0.5}) == mine
    assert mine.changed() == {"gutter_min_em": 0.5} and LayoutSettings().changed() == {}
    assert LayoutSettings.resolve({"gutter_row_count": 4, "note_gap_em": 3}).note_gap_em == 3.0  # an int for a float
    assert pickle.loads(pickle.dumps(mine)) == mine  # it crosses to the worker process by pickle


@pytest.mark.parametrize(("given", "message"), [
    ({"gutter_min": 0.5}, "unknown setting 'gutter_min' (did you mean gutter_min_em?)"),
    ({"indent": 1}, "unknown setting 'indent' (did you mean paragraph_indent_em?)"),
    ({"gutter": 1}, "unknown setting 'gutter' (did you mean gutter_min_em, tight_gutter_em or gutter_row_count?)"),
    ({"xyz": 1}, "unknown setting 'xyz' (no setting is named like it; the settings are the fields of "
                 "bulletin_etl/layout/settings.py)"),
    ({"gutter_min_em": 0}, "setting gutter_min_em must be positive, not 0"),
    ({"gutter_min_em": -0.1}, "setting gutter_min_em must be positive, not -0.1"),
    ({"gutter_min_em": float("nan")}, "setting gutter_min_em must be positive, not nan"),
    ({"gutter_min_em": "wide"}, "setting gutter_min_em must be a number, not 'wide'"),
    ({"gutter_min_em": True}, "setting gutter_min_em must be a number, not True"),
    ({"gutter_row_count": 2.5}, "setting gutter_row_count must be a whole number, not 2.5"),
    ({"vertical_strategy": "dots"}, "setting vertical_strategy must be one of lines, lines_strict, text, explicit, "
                                    "not 'dots'"),
])
def test_a_bad_setting_is_refused_naming_it(given: dict, message: str) -> None:
    with pytest.raises(BadSetting) as refused:
        LayoutSettings.resolve(given)
    assert str(refused.value) == message


def test_read_settings_names_the_file(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("gutter_min_em: 0.5  # wider gutters\nnote_gap_em: 3\n", encoding="utf-8")
    assert read_settings(good).changed() == {"gutter_min_em": 0.5, "note_gap_em": 3.0}
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing changed\n", encoding="utf-8")
    assert read_settings(empty) == LayoutSettings()
    for body, problem in (("gutter_min: 0.5\n", "unknown setting 'gutter_min' (did you mean gutter_min_em?)"),
                          ("- gutter_min_em\n", "expected a mapping of setting: value, found list"),
                          ("gutter_min_em: [\n", "not YAML (expected the node content, but found '<stream end>' at line 2)")):
        bad = tmp_path / "bad.yaml"
        bad.write_text(body, encoding="utf-8")
        with pytest.raises(BadSetting) as refused:
            read_settings(bad)
        assert str(refused.value) == f"{bad}: {problem}"
    with pytest.raises(BadSetting, match=r"missing\.yaml: cannot be read \(No such file or directory\)$"):
        read_settings(tmp_path / "missing.yaml")


def test_every_field_has_a_comment_and_its_unit_in_its_name() -> None:
    source = (LAYOUT / "settings.py").read_text(encoding="utf-8").splitlines()
    for f in fields(LayoutSettings):
        at = next(i for i, text in enumerate(source) if re.match(rf"    {f.name}: ", text))
        above = source[at - 1].strip()
        commented = "  # " in source[at] or (above.startswith("# ") and not above.startswith("# =="))
        assert commented, f"{f.name} has no comment saying what it decides"
        assert f.name.endswith("_strategy" if isinstance(f.default, str) else UNITS), f"{f.name}: no unit in its name"


# -- passed down, never read from a module ------------------------------------------------------------

def layout_modules() -> list[Path]:
    return sorted(LAYOUT.rglob("*.py"))


def names_in(tree: ast.AST) -> set[str]:
    """The identifiers a module defines, imports or reads (not the words of its docstrings)."""
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef | ast.FunctionDef)}
    return names | {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}


def builds_settings(node: ast.AST) -> bool:
    """A call LayoutSettings(…), or LayoutSettings named as a dataclass field's default factory."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "LayoutSettings"
    return isinstance(node, ast.keyword) and node.arg == "default_factory" and isinstance(node.value, ast.Name) \
        and node.value.id == "LayoutSettings"


def test_no_layout_module_keeps_a_settings_instance() -> None:
    """No module under layout/ names the old singletons or builds a LayoutSettings of its own (at
    module level, as a default argument or a dataclass default): the settings come from
    document.load's caller. Only LayoutSettings.resolve builds the defaults, when asked to."""
    for path in layout_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        old = names_in(tree) & {"SETTINGS", "HeadingSettings", "TableSettings"}
        assert not old, f"{path.name} names {old}"
        built = [n.lineno for n in ast.walk(tree) if builds_settings(n)]
        assert not built, f"{path.name}: builds a LayoutSettings on line(s) {built}"


def test_no_layout_module_keeps_a_tolerance_of_its_own() -> None:
    """No number at module level under layout/: every tolerance is a field of LayoutSettings."""
    for path in layout_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        numbers = [n.targets[0].id for n in tree.body if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)
                   and isinstance(n.value, ast.Constant) and type(n.value.value) in (int, float)]
        assert not numbers, f"{path.name}: module-level numbers {numbers} belong in LayoutSettings"


def test_the_document_carries_the_settings_it_was_read_with(tmp_path: Path) -> None:
    path = close_columns(tmp_path)
    assert load(path).settings == LayoutSettings()
    assert load(path, {"note_gap_em": 3.0}).settings.changed() == {"note_gap_em": 3.0}
