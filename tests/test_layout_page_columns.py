"""Pages set in two columns (layout/page_columns.py), on small PDFs drawn here (tests/pdfkit.py):
the ten events set in two columns with a rule between and without one, a full-width table under
the columns, a table whose own gutters must not split the page, and a paragraph wrapping from the
foot of the left column to the top of the right one."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.layout import sections
from bulletin_etl.layout.document import load
from bulletin_etl.layout.page_columns import (
    Row,
    Stretch,
    body_pitch,
    find_stretches,
    is_folio_row,
    is_short_column_pair,
    is_tabular,
    page_rows,
    parted_after_mid_line_mark,
    probe_rank,
    rejoined_after_marks,
    set_larger,
    stretch_pitch,
    text_frame,
)
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid

from .pdfkit import PAGE_H, Table, cell, drawn_chars, heading, make_pdf, text

DEFAULTS = LayoutSettings()
SIZE, LEADING = 10.0, 16.0
LEFT, RIGHT = 60.0, 535.0  # the page's text margins
COLUMN_CHARS = 22  # CJK glyphs a column's line holds (1 em each)
GUTTER = RIGHT - LEFT - 2 * COLUMN_CHARS * SIZE  # 35 pt
WORDS = "全市卫生健康信息化建设持续推进服务能力不断提升数据共享范围逐步扩大群众就医体验明显改善"
TITLES = ["互联网医院建设稳步推进", "电子健康卡全面普及", "远程医疗服务覆盖基层", "区域影像中心上线运行",
          "检查检验结果互认扩面", "家庭医生签约服务提质"]


def event(k: int, length: int) -> str:
    """The k-th event, '一、<title>。<body>。', of about `length` characters."""
    head = f"{'一二三四五六七八九十'[k]}、{TITLES[k]}。"
    body = (WORDS * 4)[k:k + length - len(head) - 1]
    return f"{head}{body}。"


INTRO = "本年度全市卫生健康信息化工作围绕便民惠民目标持续推进各项重点任务全面完成现将十件大事简要介绍如下。"
EVENTS = [event(k, n) for k, n in enumerate([52, 75, 38, 60, 47, 66])]


def wrapped(paragraph: str) -> list[tuple[bool, str]]:
    """A paragraph's lines in a column: the first indented two glyphs (first, text)."""
    out, rest, first = [], paragraph, True
    while rest:
        n = COLUMN_CHARS - 2 if first else COLUMN_CHARS
        out.append((first, rest[:n]))
        rest, first = rest[n:], False
    return out


def draw_columns(c, top: float, paragraphs: list[str], rule: bool, split: int | None = None) -> float:
    """The paragraphs flowed into two columns from `top` (the left column holds `split` lines, by
    default half of them, rounded up); a vertical rule in the gutter when asked. Returns the
    columns' bottom."""
    lines = [ln for p in paragraphs for ln in wrapped(p)]
    split = (len(lines) + 1) // 2 if split is None else split
    for column, part in enumerate([lines[:split], lines[split:]]):
        x0 = LEFT + column * (COLUMN_CHARS * SIZE + GUTTER)
        for row, (first, s) in enumerate(part):
            text(c, x0 + (2 * SIZE if first else 0.0), top + row * LEADING, s, SIZE)
    bottom = top + split * LEADING
    if rule:
        x = LEFT + COLUMN_CHARS * SIZE + GUTTER / 2
        c.setLineWidth(0.5)
        c.line(x, PAGE_H - top, x, PAGE_H - bottom)
    return bottom


def full_width(c, top: float, paragraph: str) -> float:
    """A paragraph across the page's width (indented two glyphs); returns its bottom."""
    n = int((RIGHT - LEFT) / SIZE)
    lines = [paragraph[:n - 2]] + [paragraph[k:k + n] for k in range(n - 2, len(paragraph), n)]
    for row, s in enumerate(lines):
        text(c, LEFT + (2 * SIZE if row == 0 else 0.0), top + row * LEADING, s, SIZE)
    return top + len(lines) * LEADING


def events_page(rule: bool, below=None):
    def page(c) -> None:
        heading(c, LEFT, 60.0, "2026 Events", 14.0)
        bottom = full_width(c, 90.0, INTRO)
        bottom = draw_columns(c, bottom + 12.0, EVENTS, rule)
        if below is not None:
            below(c, bottom + 20.0)
    return page


def paragraph_texts(path: Path) -> list[str]:
    doc = load(path)
    text_lines = [b for b in doc.blocks if not isinstance(b, Grid)]
    return [p.text for p in sections.paragraphs(text_lines, DEFAULTS)]


def test_two_columns_with_a_rule_read_column_by_column(tmp_path: Path) -> None:
    """Six events in two columns with a vertical rule between: read as six paragraphs, in order,
    the full-width heading and introduction above them in their place."""
    path = make_pdf(tmp_path / "ruled.pdf", events_page(rule=True))
    assert paragraph_texts(path) == ["2026 Events", INTRO, *EVENTS]


def test_two_columns_without_a_rule(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "plain.pdf", events_page(rule=False))
    assert paragraph_texts(path) == ["2026 Events", INTRO, *EVENTS]


def test_a_paragraph_wrapping_from_the_left_column_to_the_right_is_one(tmp_path: Path) -> None:
    """The left column ends inside the second event (its line reaching the column's edge); the
    right column's first line goes on with it, not indented: one paragraph."""
    lines = [ln for p in EVENTS[:3] for ln in wrapped(p)]
    split = len(wrapped(EVENTS[0])) + 2  # two lines into the second event
    assert not lines[split][0] and len(lines[split - 1][1]) == COLUMN_CHARS

    def page(c) -> None:
        draw_columns(c, 100.0, EVENTS[:3], rule=True, split=split)

    assert paragraph_texts(make_pdf(tmp_path / "wrap.pdf", page)) == EVENTS[:3]


def test_a_short_right_column(tmp_path: Path) -> None:
    """The right column holds two lines, the left many more: still two columns, read in order."""
    lines = [ln for p in EVENTS[:3] for ln in wrapped(p)]

    def page(c) -> None:
        draw_columns(c, 100.0, EVENTS[:3], rule=False, split=len(lines) - len(wrapped(EVENTS[2])))

    assert paragraph_texts(make_pdf(tmp_path / "short.pdf", page)) == EVENTS[:3]


def test_a_full_width_table_under_the_columns_stays_one(tmp_path: Path) -> None:
    """A ruled table across the page's width under the two columns: one table of four columns,
    read after the events."""
    def table(c, top: float) -> None:
        t = Table(left=LEFT, top=top, col_widths=[40.0, 200.0, 120.0, 115.0], row_heights=[20.0] * 4, size=9.0)
        t.cells = [cell(0, 0, "序号"), cell(0, 1, "单位"), cell(0, 2, "服务人次"), cell(0, 3, "累计人次")]
        t.cells += [cell(r, k, v) for r in (1, 2, 3) for k, v in enumerate([str(r), f"南京市第{r}医院", "1234", "98765"])]
        t.draw(c)

    doc = load(make_pdf(tmp_path / "table.pdf", events_page(rule=True, below=table)))
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    assert len(grids) == 1 and grids[0].n_cols == 4 and isinstance(doc.blocks[-1], Grid)
    text_lines = [b for b in doc.blocks if not isinstance(b, Grid)]
    assert [p.text for p in sections.paragraphs(text_lines, DEFAULTS)] == ["2026 Events", INTRO, *EVENTS]


TABLE_ROWS = [("南京市第一医院", "12345", "南京市鼓楼医院", "2345"), ("南京市中医院", "845", "江苏省人民医院", "99812"),
              ("南京市儿童医院", "7781", "南京市胸科医院", "612"), ("南京市妇幼保健院", "3021", "南京市口腔医院", "4410"),
              ("南京市第二医院", "1902", "南京市脑科医院", "777")]


def test_a_table_whose_gutters_do_not_split_the_page(tmp_path: Path) -> None:
    """An unruled table set as two groups side by side (name, figure | name, figure): a wide gutter
    runs down its middle, but its rows hold figures and further gutters — a table, no page
    columns."""
    runs = [(x, 100.0 + r * LEADING, s) for r, row in enumerate(TABLE_ROWS)
            for x, s in zip([LEFT, 220.0, 310.0, 480.0], row)]
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    assert find_stretches(rows, DEFAULTS) == []
    assert is_tabular(Stretch(rows, (280.0, 310.0)), DEFAULTS)


def test_prose_columns_are_not_tabular(tmp_path: Path) -> None:
    lines = [ln for p in EVENTS[:3] for ln in wrapped(p)]
    half = (len(lines) + 1) // 2
    runs = [(LEFT + col * (COLUMN_CHARS * SIZE + GUTTER) + (2 * SIZE if first else 0.0), 100.0 + r * LEADING, s)
            for col, part in enumerate([lines[:half], lines[half:]]) for r, (first, s) in enumerate(part)]
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    found = find_stretches(rows, DEFAULTS)
    assert len(found) == 1 and len(found[0].rows) == half and not is_tabular(found[0], DEFAULTS)
    assert round(found[0].gutter[0]) == LEFT + COLUMN_CHARS * SIZE and round(found[0].gutter[1]) == RIGHT - COLUMN_CHARS * SIZE


def test_a_heading_across_both_columns_stays_between_them(tmp_path: Path) -> None:
    """Two stretches of columns with a heading centred across the page between them: the first
    stretch's columns, the heading, then the second stretch's columns."""
    def page(c) -> None:
        bottom = draw_columns(c, 80.0, EVENTS[:2], rule=True)
        c.setFont("Helvetica-Bold", 14.0)
        c.drawCentredString((LEFT + RIGHT) / 2, PAGE_H - (bottom + 20.0 + 0.8 * 14.0), "Statistics 2026")
        draw_columns(c, bottom + 50.0, EVENTS[2:4], rule=False)

    assert paragraph_texts(make_pdf(tmp_path / "two.pdf", page)) == [*EVENTS[:2], "Statistics 2026", *EVENTS[2:4]]


def test_a_line_under_the_columns_further_than_their_pitch_is_read_after_them(tmp_path: Path) -> None:
    """A heading at the left margin a line and a half under the left column (longer than the right
    one) is no line of that column: it is read after the right column."""
    lines = [ln for p in EVENTS[:3] for ln in wrapped(p)]
    split = (len(lines) + 1) // 2 + 1

    def page(c) -> None:
        bottom = draw_columns(c, 100.0, EVENTS[:3], rule=False, split=split)
        text(c, LEFT, bottom + 0.5 * LEADING, "二、统计数据", 12.0)

    assert paragraph_texts(make_pdf(tmp_path / "under.pdf", page)) == [*EVENTS[:3], "二、统计数据"]


def test_a_mark_hanging_into_a_narrow_gutter_does_not_cross_it(tmp_path: Path) -> None:
    """Columns 1.5 em apart; the left column's first line ends in a '，' hanging past the column's
    edge (its box a full em): the gutter is still free on every row, measured from the column's
    edge, where the mark's box starts (`_standing`)."""
    gap = 1.5 * SIZE
    right = LEFT + COLUMN_CHARS * SIZE + gap
    body = (WORDS * 2)[:COLUMN_CHARS]
    runs = [(LEFT, 100.0, body + "，"), (right, 100.0, body)]
    runs += [(x, 100.0 + r * LEADING, body) for r in (1, 2, 3) for x in (LEFT, right)]
    found = find_stretches(page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS), DEFAULTS)
    assert len(found) == 1 and len(found[0].rows) == 4
    assert round(found[0].gutter[0], 1) == LEFT + COLUMN_CHARS * SIZE and round(found[0].gutter[1]) == right


def hanging_comma_page(tmp_path: Path, gap_em: float, mark_at: int) -> list:
    """Two columns `gap_em` apart, four rows; the first left line ends in a '、' (a full em box)
    `mark_at` glyphs past the column's edge (1: hanging past it) and the right line beside it starts
    at its column's edge."""
    right = LEFT + COLUMN_CHARS * SIZE + gap_em * SIZE
    body = (WORDS * 2)[:COLUMN_CHARS]
    runs = [(LEFT, 100.0, body[:COLUMN_CHARS - 1 + mark_at] + "、"), (right, 100.0, body)]
    runs += [(x, 100.0 + r * LEADING, body) for r in (1, 2, 3) for x in (LEFT, right)]
    return page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)


def test_a_comma_hanging_into_a_gutter_of_little_more_than_an_em_leaves_it_free(tmp_path: Path) -> None:
    """Columns 1.3 em apart (as ReportLab sets them); a '、' hangs past the left column's edge, its
    box reaching 0.3 em from the right column: its ink leaves 0.8 em beside it, under
    `page_column_gap_em`, so the row is one run; but the mark stands at its box's start, the
    column's edge (`_standing`), and crosses no gutter: the stretch holds all four rows, the gutter
    measured from the column's edge, the '、' read in the left column."""
    rows = hanging_comma_page(tmp_path, 1.3, 1)
    assert [len(row.runs) for row in rows] == [1, 2, 2, 2]
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(found.rows) == 4 and round(found.gutter[0], 1) == LEFT + COLUMN_CHARS * SIZE
    assert found.sides(DEFAULTS)[0][COLUMN_CHARS]["text"] == "、"


def test_a_justified_space_after_a_comma_is_no_gap(tmp_path: Path) -> None:
    """The counter-case: a justified line stretches the space after a '、' by 0.3 em, as wide as
    the hanging mark's room above: between glyphs its ink counts, the row is one run."""
    body = (WORDS * 2)[:COLUMN_CHARS]
    runs = [(LEFT, 100.0, body[:8] + "、"), (LEFT + 9.3 * SIZE, 100.0, body[8:])]
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    assert [len(row.runs) for row in rows] == [1]


def test_a_comma_inside_a_line_across_the_gutter_does_not_cut_it(tmp_path: Path) -> None:
    """The counter-case: a line across the whole page with a '、' inside it, where the gutter of
    the rows below would be, is one run (the next glyph follows the mark's box at once)."""
    body = (WORDS * 3)[:2 * COLUMN_CHARS + 3]
    line = body[:COLUMN_CHARS] + "、" + body[COLUMN_CHARS:]
    rows = page_rows(drawn_chars(tmp_path, [(LEFT, 100.0, line)], SIZE), DEFAULTS)
    assert [len(row.runs) for row in rows] == [1]


def test_a_running_header_in_two_parts_over_the_columns_is_no_column_line(tmp_path: Path) -> None:
    """'<issuer>' at the left and '<year> 统计数据公报' at the right, smaller than the text, right over
    the columns (closer than their line pitch): the stretch starts under it."""
    import pdfplumber

    def page(c) -> None:
        text(c, LEFT, 88.0, "南京市卫生信息中心", 8.0)
        text(c, RIGHT - 80.0, 88.0, "2026年度统计数据公报", 8.0)
        draw_columns(c, 100.0, EVENTS[:3], rule=True)

    with pdfplumber.open(make_pdf(tmp_path / "header.pdf", page)) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows[1:] and rows[0].runs[0][0]["text"] == "南"


SHORT = (WORDS * 2)[:COLUMN_CHARS - 2 + COLUMN_CHARS + 9] + "。"
"""A short paragraph: two full lines in the left column, ten glyphs in the right one."""


def short_pair_page(c) -> None:
    """A paragraph across the page (the page's text width), then SHORT in two columns: the left
    column's two lines, the right column's one."""
    bottom = full_width(c, 60.0, INTRO)
    draw_columns(c, bottom + 12.0, [SHORT], rule=False, split=2)


def test_a_short_paragraph_in_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    """One row with text on both sides: the gutter parts the page's width in halves and the left
    column's lines fill it, so the paragraph is read left column first (is_short_column_pair)."""
    assert [len(s) for _, s in wrapped(SHORT)] == [COLUMN_CHARS - 2, COLUMN_CHARS, 10]
    assert paragraph_texts(make_pdf(tmp_path / "short_pair.pdf", short_pair_page)) == [INTRO, SHORT]


def test_short_labels_side_by_side_are_no_columns(tmp_path: Path) -> None:
    """Two rows of short labels, one at the left margin, one right of the page's middle: the left
    labels span too little of the page to be a column (nor does the gap part it in halves)."""
    def page(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        for row, (left, right) in enumerate([("填报单位", "南京市卫生信息中心"), ("联系电话", "12320")]):
            text(c, LEFT, bottom + 12.0 + row * LEADING, left, SIZE)
            text(c, LEFT + (COLUMN_CHARS * SIZE + GUTTER), bottom + 12.0 + row * LEADING, right, SIZE)

    with pdfplumber.open(make_pdf(tmp_path / "labels.pdf", page)) as pdf:
        assert find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS) == []


def test_an_uneven_short_pair_is_no_columns(tmp_path: Path) -> None:
    """Two full lines at the left and one line right of them, the gap between far right of the
    page's middle (a description beside a short note): no page columns."""
    wide = COLUMN_CHARS + 10

    def page(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        for row in range(2):
            text(c, LEFT, bottom + 12.0 + row * LEADING, (WORDS * 2)[row * wide:(row + 1) * wide], SIZE)
        text(c, LEFT + wide * SIZE + GUTTER, bottom + 12.0, "另有说明", SIZE)

    with pdfplumber.open(make_pdf(tmp_path / "uneven.pdf", page)) as pdf:
        assert find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS) == []


def test_a_heading_set_close_above_the_columns_is_no_column_line(tmp_path: Path) -> None:
    """A masthead in two parts (text on both sides of the gutter), then a heading at the left
    margin set closer above the columns than their line pitch: the stretch starts at the columns'
    first row, the heading read before them (_at_pitch)."""
    def page(c) -> None:
        text(c, LEFT, 60.0, "南京市卫生信息中心 编印", SIZE)
        text(c, RIGHT - 8 * SIZE, 60.0, "2026年1月4日", SIZE)
        text(c, LEFT, 100.0, "十件大事", SIZE)
        draw_columns(c, 100.0 + 0.8 * LEADING, EVENTS[:3], rule=False)

    path = make_pdf(tmp_path / "close.pdf", page)
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows[2:]
    assert paragraph_texts(path)[-4:] == ["十件大事", *EVENTS[:3]]


def test_a_heading_between_two_stretches_joins_neither(tmp_path: Path) -> None:
    """The events in two columns, a heading at the left margin two lines under them, a short
    paragraph in two columns under it, one gutter for both: two stretches, the heading in
    neither (their rows do not go on at the columns' pitch over it)."""
    def page(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        bottom = draw_columns(c, bottom + 12.0, EVENTS[:2], rule=False)
        text(c, LEFT, bottom + LEADING, "统计数据", 12.0)
        draw_columns(c, bottom + 2.5 * LEADING, [SHORT], rule=False, split=2)

    path = make_pdf(tmp_path / "between.pdf", page)
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    first, second = find_stretches(rows, DEFAULTS)
    assert len(second.rows) == 2 and not any(r.runs[0][0]["text"] == "统" for r in first.rows + second.rows)
    assert paragraph_texts(path) == [INTRO, *EVENTS[:2], "统计数据", SHORT]


def test_a_justified_word_space_parts_no_runs(tmp_path: Path) -> None:
    """'2024 年' justified: the space glyph inside a gap as wide as a gutter joins the runs; a
    space printed right after a glyph, the gap going on beyond it, parts them
    (_joined_over_spaces)."""
    runs = [(LEFT, 100.0, "2024"), (LEFT + 4 * 5.56 + 6.0, 100.0, " "), (LEFT + 4 * 5.56 + 12.0, 100.0, "年全市")]
    runs += [(LEFT, 130.0, "全市 "), (LEFT + 3 * SIZE + 12.0, 130.0, "年度")]
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    assert [len(row.runs) for row in rows] == [1, 2]


def test_a_short_pair_alone_on_its_page_is_read_column_by_column(tmp_path: Path) -> None:
    """A column's last lines alone on a page (the left column two lines, the right one), under a
    centred running header: the page shows no text width, the right column is no wider than the
    left, so the pair is read column by column (even_halves)."""
    def page(c) -> None:
        text(c, (LEFT + RIGHT) / 2 - 5 * SIZE, 40.0, "南京市卫生信息中心年度统计", SIZE)
        draw_columns(c, 80.0, [SHORT], rule=False, split=2)

    assert paragraph_texts(make_pdf(tmp_path / "alone.pdf", page)) == ["南京市卫生信息中心年度统计", SHORT]


RANKED = (WORDS * 2)[:3 * COLUMN_CHARS - 2] + "第一。"
"""A one-sentence paragraph: three full lines in the left column, '第一。' alone in the right one."""


def ranked_between_headings(c, left_chars: int = COLUMN_CHARS) -> None:
    """RANKED in two columns (left columns of `left_chars` glyphs) between two headings set in
    12 pt over the 10 pt text, shorter than the page's width, nothing else on the page across it
    (its tables read apart): Typst 740232's development index."""
    text(c, LEFT, 60.0, "2.9 全国卫生健康信息化发展指数", 12.0)
    lines = [RANKED[:left_chars - 2], RANKED[left_chars - 2:2 * left_chars - 2],
             RANKED[2 * left_chars - 2:3 * left_chars - 2]]
    for row, s in enumerate(lines):
        text(c, LEFT + (2 * SIZE if row == 0 else 0.0), 90.0 + row * LEADING, s, SIZE)
    text(c, LEFT + left_chars * SIZE + GUTTER, 90.0, RANKED[3 * left_chars - 2:], SIZE)
    text(c, LEFT, 90.0 + 4 * LEADING, "2.10 2026年南京市体检综合管理平台数据量统计", 12.0)


def test_a_short_pair_between_short_headings_is_read_column_by_column(tmp_path: Path) -> None:
    """The page's lines from its left margin are headings, set larger than the text, ending where
    their words end: they show no right margin, the right column ('第一。') is no wider than the
    left, so the sentence is read left column first (_reach_beside, set_larger)."""
    path = make_pdf(tmp_path / "ranked.pdf", ranked_between_headings)
    lines = [b for b in load(path).blocks if not isinstance(b, Grid)]
    assert [ln.text for ln in lines] == [
        "2.9 全国卫生健康信息化发展指数", RANKED[:20], RANKED[20:42], RANKED[42:64], "第一。",
        "2.10 2026年南京市体检综合管理平台数据量统计"]
    assert [ln.frame for ln in lines[1:5]] == [(LEFT, LEFT + 220.0)] * 3 + [(LEFT + 255.0, LEFT + 275.0)]


def test_an_uneven_pair_under_a_line_across_the_page_is_no_columns(tmp_path: Path) -> None:
    """Counter-case: the same page with a paragraph across it (its width shown) and the left
    lines 16 glyphs wide, the gap right of them far left of the page's middle: no page columns."""
    def page(c) -> None:
        full_width(c, 20.0, INTRO[:int((RIGHT - LEFT) / SIZE) - 2])
        ranked_between_headings(c, left_chars=16)

    with pdfplumber.open(make_pdf(tmp_path / "ranked_uneven.pdf", page)) as pdf:
        assert find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS) == []


def test_set_larger_tells_a_heading_from_text() -> None:
    """A row in 17 pt over 12 pt text is set larger (Typst 740232's headings); one in 12.4 pt is
    the text's size within `same_size_pt`, one in 9 pt smaller (a note)."""
    def row(size: float) -> Row:
        char = {"text": "统", "x0": LEFT, "x1": LEFT + size, "top": 100.0, "bottom": 100.0 + size, "size": size}
        return Row([char], [[char]])

    assert [set_larger(row(size), 12.0, DEFAULTS) for size in (17.0, 12.4, 9.0)] == [True, False, False]


def test_a_wide_right_text_beside_a_narrow_left_one_is_no_columns(tmp_path: Path) -> None:
    """Alone on its page, two full lines at the left and one right of them running further than
    the left ones are wide: no page columns (even_halves)."""
    def page(c) -> None:
        for row in range(2):
            text(c, LEFT, 80.0 + row * LEADING, (WORDS * 2)[row * 12:(row + 1) * 12], SIZE)
        text(c, LEFT + 12 * SIZE + GUTTER, 80.0, (WORDS * 2)[30:55], SIZE)

    with pdfplumber.open(make_pdf(tmp_path / "wide_right.pdf", page)) as pdf:
        assert find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS) == []


def test_a_masthead_over_a_centred_title_is_no_short_pair(tmp_path: Path) -> None:
    """'<issuer> 编印' at the left, the date at the right margin, a centred title under them, the
    events across the page below: the page's text reaches the date's margin, so the gap between
    the masthead's parts must part the page in halves, and it does not (even_halves)."""
    def page(c) -> None:
        text(c, LEFT, 60.0, "南京市卫生信息中心 编印", SIZE)
        text(c, RIGHT - 8 * SIZE, 60.0, "2026年2月8日", SIZE)
        text(c, (LEFT + RIGHT) / 2 - 10 * SIZE, 60.0 + LEADING, "2026年度南京市卫生信息中心十件大事", SIZE)
        full_width(c, 60.0 + 3 * LEADING, INTRO)

    with pdfplumber.open(make_pdf(tmp_path / "masthead.pdf", page)) as pdf:
        assert find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS) == []


def test_a_running_header_over_a_centred_title_alone_is_no_short_pair(tmp_path: Path) -> None:
    """A table's page read without its table: the running header's two parts, a centred title
    under them at about a line's pitch, nothing else reaching the right margin. The left 'column'
    would be the header's left part over the title, its first line short of the title's end: no
    page columns (is_short_column_pair)."""
    def page(c) -> None:
        text(c, LEFT, 60.0, "南京市卫生信息中心", SIZE)
        text(c, RIGHT - 10 * SIZE, 60.0, "2026年度统计数据公报", SIZE)
        text(c, (LEFT + RIGHT) / 2 - 8 * SIZE, 60.0 + LEADING, "2026年南京市互联网医院数据统计", SIZE)

    with pdfplumber.open(make_pdf(tmp_path / "header_title.pdf", page)) as pdf:
        assert find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS) == []


def test_a_short_pair_under_centred_titles_is_read_column_by_column(tmp_path: Path) -> None:
    """A centred title wider than the right column reaches, then a short paragraph in two columns
    (a right column of one short line), then a centred table's row: no row but the pair's starts at
    the page's left margin, so the centred rows do not show where the page's text ends
    (`starts_at_margin`) and the pair is read by its left column's width."""
    centre = (LEFT + RIGHT) / 2
    title = "全国卫生健康信息化发展指数统计"

    def page(c) -> None:
        text(c, centre - len(title) * SIZE, 60.0, title, 2 * SIZE)
        draw_columns(c, 100.0, [SHORT], rule=False, split=2)
        text(c, centre - 10 * SIZE, 160.0, "类别  用人单位  个人用户  订单数", SIZE)

    with pdfplumber.open(make_pdf(tmp_path / "centred.pdf", page)) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows[1:3] and len(found.rows[0].runs) == 2


LONG_EVENTS = [event(k, 150) for k in range(6)]
"""Six events of seven column lines each, the last one short."""


def flow(c, top: float, part: list[tuple[bool, str]], column: int) -> None:
    """Wrapped lines (first-line flag, text) drawn down page column `column` from `top`, a
    paragraph's first line indented two characters."""
    x0 = LEFT + column * (COLUMN_CHARS * SIZE + GUTTER)
    for row, (first, s) in enumerate(part):
        text(c, x0 + (2 * SIZE if first else 0.0), top + row * LEADING, s, SIZE)


def columns_over_a_page_break(tmp_path: Path, page_two_top=None) -> Path:
    """A paragraph across the page, then LONG_EVENTS in two columns of 16 rows each down page one,
    the fifth event running off its right column's foot; page two goes on in its left column alone
    (the rest of the fifth event, the sixth), under `page_two_top` when given; page three, text
    across the page (the document's margins)."""
    lines = [ln for p in LONG_EVENTS for ln in wrapped(p)]
    rows = 16

    def one(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        flow(c, bottom + 12.0, lines[:rows], 0)
        flow(c, bottom + 12.0, lines[rows:2 * rows], 1)

    def two(c) -> None:
        if page_two_top is not None:
            page_two_top(c)
        flow(c, 100.0, lines[2 * rows:], 0)

    return make_pdf(tmp_path / "break.pdf", one, two, lambda c: full_width(c, 60.0, INTRO * 8))


def test_a_paragraph_running_off_the_columns_foot_goes_on_in_the_next_pages_column(tmp_path: Path) -> None:
    """Page two holds the columns' last lines, in its left column alone: they go on the column page
    one left open (`open_column`, `continue_column`) and carry its edges, so that the lines reaching
    its edge are no short lines: the fifth event is one paragraph across the break, the sixth
    another."""
    path = columns_over_a_page_break(tmp_path)
    doc = load(path)
    two = [b for b in doc.blocks if not isinstance(b, Grid) and b.page == 2]
    assert len(two) == 10 and {ln.frame for ln in two} == {(LEFT, LEFT + COLUMN_CHARS * SIZE)}
    assert paragraph_texts(path) == [INTRO, *LONG_EVENTS, INTRO * 8]


def test_a_page_opening_with_text_across_it_goes_on_no_column(tmp_path: Path) -> None:
    """The counter-case: page two opens with a paragraph across the page, in the columns' size
    (its short last line fits the column): the column lines under it go on no column."""
    path = columns_over_a_page_break(tmp_path, lambda c: full_width(c, 60.0, INTRO))
    two = [b for b in load(path).blocks if not isinstance(b, Grid) and b.page == 2]
    assert len(two) == 12 and {ln.frame for ln in two} == {None}


def test_a_running_header_over_the_continued_column_is_passed_over(tmp_path: Path) -> None:
    """Page two opens with a running header across the page, smaller than the text: the column's
    lines under it go on page one's column."""
    def header(c) -> None:
        text(c, LEFT, 70.0, "南京市卫生信息中心", 8.0)
        text(c, RIGHT - 24.0, 70.0, "第1期", 8.0)

    path = columns_over_a_page_break(tmp_path, header)
    two = [b for b in load(path).blocks if not isinstance(b, Grid) and b.page == 2]
    assert [ln.frame for ln in two] == [None] + [(LEFT, LEFT + COLUMN_CHARS * SIZE)] * 10


def test_a_comma_in_a_line_across_the_page_does_not_hang(tmp_path: Path) -> None:
    """The counter-case of a hanging mark: columns 2.5 em apart, and between their rows a justified
    line across the page whose '、' ends just before the right column's edge and whose next glyph
    starts at that edge. The mark's box starts far right of the left column's edge: it stands
    with its ink (`_standing`), the line crosses the gutter and belongs to no stretch."""
    gap = 2.5 * SIZE
    right = LEFT + COLUMN_CHARS * SIZE + gap
    body = (WORDS * 2)[:COLUMN_CHARS]
    n = COLUMN_CHARS + 2
    across = [(right - 0.15 * SIZE - n * SIZE, 100.0 + 2 * LEADING, (WORDS * 2)[:n - 1] + "、"),
              (right, 100.0 + 2 * LEADING, body)]
    runs = [(x, 100.0 + r * LEADING, body) for r in (0, 1, 3, 4) for x in (LEFT, right)] + across
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    found = find_stretches(rows, DEFAULTS)
    assert [len(s.rows) for s in found] == [2, 2] and all(rows[2] not in s.rows for s in found)


def flush_header_page(right_column_indented: bool):
    """Events in two columns from the page's top, under a two-part running header one line pitch
    above them, set half a point smaller (as WeasyPrint's margin boxes are): the issuer at the left
    margin, '第 2 期' flush right. The right column opens a paragraph (indented two glyphs) when
    asked, else goes on the left column's paragraph."""
    split = 3 if right_column_indented else 4  # EVENTS[0] fills three lines: the right column then opens EVENTS[1]

    def page(c) -> None:
        text(c, LEFT, 100.0 - LEADING, "南京市卫生信息中心", SIZE - 0.5)
        text(c, RIGHT - 4 * (SIZE - 0.5), 100.0 - LEADING, "第2期", SIZE - 0.5)
        draw_columns(c, 100.0, EVENTS[:3], rule=False, split=split)
    return page


def test_a_flush_right_running_header_at_the_page_top_starts_no_stretch(tmp_path: Path) -> None:
    """The header's right part starts far right of the right column's edge, where no column line
    starts (`is_running_header_row`): the stretch starts under it, and the header's parts join no
    event."""
    with pdfplumber.open(make_pdf(tmp_path / "flush.pdf", flush_header_page(False))) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows[1:] and "".join(c["text"] for c in rows[0].chars) == "南京市卫生信息中心第2期"


def test_a_top_row_whose_right_column_opens_a_paragraph_starts_the_stretch(tmp_path: Path) -> None:
    """The counter-case: with no header, the page's top row is the columns' first, its right column
    opening a paragraph indented two glyphs (within `margin_row_start_max_em`): the stretch starts
    at it, and the events read in order."""
    def page(c) -> None:
        draw_columns(c, 100.0, EVENTS[:3], rule=False, split=3)

    path = make_pdf(tmp_path / "top.pdf", page)
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows
    assert paragraph_texts(path) == EVENTS[:3]


def one_row_pair_then_heading(c) -> None:
    """A paragraph across the page, then its last words in two columns of one row (the page broke
    the columns before it), then a heading at the left margin in the text's size, set apart (two and
    a half pitches under), and a paragraph across the page."""
    bottom = full_width(c, 60.0, INTRO)
    row = bottom + LEADING
    text(c, LEFT, row, (WORDS * 2)[:COLUMN_CHARS], SIZE)
    text(c, LEFT + COLUMN_CHARS * SIZE + GUTTER, row, "发展指数中排名第六。", SIZE)
    text(c, LEFT, row + 2.5 * LEADING, "南京市医疗机构国家三项测评成绩", SIZE)
    full_width(c, row + 3.5 * LEADING, INTRO)


def test_a_heading_under_a_one_row_pair_ends_it(tmp_path: Path) -> None:
    """A stretch of one row with text on both sides shows one step only, to the heading set apart
    under it: the page's pitch stands for the columns' (`stretch_pitch`), the heading goes on no
    column, and the row alone is no pair of columns."""
    with pdfplumber.open(make_pdf(tmp_path / "one_row.pdf", one_row_pair_then_heading)) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    assert find_stretches(rows, DEFAULTS) == []


def test_the_page_pitch_stands_for_a_single_step() -> None:
    """`stretch_pitch`: two steps or more give their lower median; one step, the page's pitch when
    smaller (or the step itself on a page without one)."""
    assert stretch_pitch([16.0, 30.0], 12.0) == 16.0
    assert stretch_pitch([39.0], 22.5) == 22.5
    assert stretch_pitch([16.0], 22.5) == 16.0
    assert stretch_pitch([39.0], 0.0) == 39.0


def stretched_mark_rows(tmp_path: Path, space_after_box_em: float) -> list:
    """Two columns 1.3 em apart, six rows; in three left lines a '、' (a full em box) set mid-line
    is followed by `space_after_box_em` of justified space before the line goes on."""
    right = LEFT + COLUMN_CHARS * SIZE + 1.3 * SIZE
    body = (WORDS * 2)[:COLUMN_CHARS]
    runs = [(x, 100.0 + r * LEADING, body) for r in range(6) for x in (LEFT, right)
            if not (x == LEFT and r in (1, 2, 3))]
    for r in (1, 2, 3):
        runs += [(LEFT, 100.0 + r * LEADING, body[:6] + "、"),
                 (LEFT + (7 + space_after_box_em) * SIZE, 100.0 + r * LEADING, body[:8])]
    return page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)


def test_a_stretched_space_after_a_mid_line_mark_is_no_table_gutter(tmp_path: Path) -> None:
    """A justified '、' whose next glyph stands 0.45 em after its box: its ink alone leaves 0.95 em,
    so three rows are cut twice, but the mark's whole box leaves less than `page_column_gap_em`
    (`parted_after_mid_line_mark`): the columns are no table (`is_tabular`)."""
    rows = stretched_mark_rows(tmp_path, 0.45)
    assert [len(row.runs) for row in rows] == [2, 3, 3, 3, 2, 2]
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(found.rows) == 6 and not is_tabular(found, DEFAULTS)
    assert [len(rejoined_after_marks(row.runs, DEFAULTS)) for row in rows] == [2, 2, 2, 2, 2, 2]


def test_clear_space_after_a_marks_whole_box_is_a_gutter(tmp_path: Path) -> None:
    """The counter-case: a '、' whose whole box leaves 1 em (above `page_column_gap_em`) to the next
    run: a real gutter, the row stays cut in three."""
    rows = stretched_mark_rows(tmp_path, 1.0)
    assert [len(rejoined_after_marks(row.runs, DEFAULTS)) for row in rows] == [2, 3, 3, 3, 2, 2]
    mark, after = rows[1].runs[0][-1], rows[1].runs[1][0]
    assert mark["text"] == "、" and not parted_after_mid_line_mark(mark, after, DEFAULTS)


def mark_pair_page(space_after_box_em: float):
    """A paragraph across the page, then a justified line across it whose '、' (a full em box) sits
    at the page's middle, followed by `space_after_box_em` of space, and the paragraph's short last
    line under it."""
    def page(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        body = WORDS * 2
        mark_x = (LEFT + RIGHT) / 2 - 0.5 * SIZE
        n = int((mark_x - LEFT) / SIZE)
        text(c, mark_x - n * SIZE, bottom + 12.0, body[:n] + "、", SIZE)
        text(c, mark_x + (1 + space_after_box_em) * SIZE, bottom + 12.0, body[:n], SIZE)
        text(c, LEFT, bottom + 12.0 + LEADING, body[:8] + "。", SIZE)
    return page


def mark_pair(tmp_path: Path, space_after_box_em: float) -> tuple[Stretch, tuple[float, float]]:
    """The justified line and the short line under it as a stretch whose gutter is the '、''s box
    to the next glyph (as a column's edge found on the page's other rows sets it, `_standing`),
    and the page's text frame."""
    with pdfplumber.open(make_pdf(tmp_path / "mark_pair.pdf", mark_pair_page(space_after_box_em))) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    visible = sorted((c for run in rows[2].runs for c in run), key=lambda c: c["x0"])
    k = next(k for k, c in enumerate(visible) if c["text"] == "、")
    return Stretch(rows[2:4], (visible[k]["x0"], visible[k + 1]["x0"])), text_frame(rows, DEFAULTS)


def test_a_mid_line_marks_box_is_no_short_pairs_gutter(tmp_path: Path) -> None:
    """A justified line across the page with a '、' at its middle, its next glyph 0.02 em after the
    mark's box, over the paragraph's short last line: standing at its box's start the mark leaves
    a gutter-wide gap parting the page in halves, but its whole box runs up to the next glyph — no
    short pair (`is_short_column_pair`)."""
    stretch, frame = mark_pair(tmp_path, 0.02)
    assert not is_short_column_pair(stretch, frame, DEFAULTS)


def test_clear_space_after_a_marks_whole_box_parts_a_short_pair(tmp_path: Path) -> None:
    """The counter-case: the same line with a full em of space after the mark's box: a short pair."""
    stretch, frame = mark_pair(tmp_path, 1.0)
    assert is_short_column_pair(stretch, frame, DEFAULTS)


def test_a_mark_hanging_at_a_columns_end_before_a_wide_gutter_parts_the_row(tmp_path: Path) -> None:
    """The counter-case at a column's end: columns 2.5 em apart, a '、' hanging past the left
    column's edge leaves 1.5 em clear after its whole box: a real gutter, the row stays in two."""
    rows = hanging_comma_page(tmp_path, 2.5, 1)
    mark, after = rows[0].runs[0][-1], rows[0].runs[1][0]
    assert mark["text"] == "、" and not parted_after_mid_line_mark(mark, after, DEFAULTS)
    assert [len(rejoined_after_marks(row.runs, DEFAULTS)) for row in rows] == [2, 2, 2, 2]


def folio_under_columns(c) -> None:
    """Events in two columns, the left column's second line ending in two closing marks hanging past
    its edge ('）。'), and a folio in two parts under them ('第2页 … 共10页'), its right part
    starting in the gutter: the folio's probe and the real gutter are each crossed by one row."""
    bottom = draw_columns(c, 100.0, EVENTS[:3], rule=False)
    text(c, LEFT + COLUMN_CHARS * SIZE, 100.0 + LEADING, "）。", SIZE)
    text(c, LEFT + 150.0, bottom + 3 * LEADING, "第2页", SIZE)
    text(c, LEFT + 236.0, bottom + 3 * LEADING, "共10页", SIZE)


def test_a_folios_probe_tying_the_gutter_gives_way_to_the_columns(tmp_path: Path) -> None:
    """Both probes are left free by as many rows; the gutter most rows start their right part at
    wins (`probe_rank`): the hanging marks do not cross it, and all five column rows are read in
    columns. The gutter starts at the left column's edge: '）。' hangs there as one chain
    (`opens_hung_chain`; its '）' stood at its whole box before, the gutter starting at the '。')."""
    with pdfplumber.open(make_pdf(tmp_path / "folio.pdf", folio_under_columns)) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows[:5] and found.gutter == (280.0, 315.0)


def test_probe_rank() -> None:
    """More rows leaving a probe free rank it first whatever its group; at a tie, the larger group."""
    assert probe_rank(4, 3) < probe_rank(4, 1)
    assert probe_rank(5, 1) < probe_rank(4, 3)


def sized_row(top: float, size: float) -> Row:
    """A row of one glyph of `size` at `top`."""
    char = {"text": "字", "x0": 60.0, "x1": 60.0 + size, "top": top, "size": size}
    return Row([char], [[char]])


def test_the_page_pitch_is_the_one_of_the_stretchs_size() -> None:
    """A short pair in 12 pt (a step of 20.3 pt) over a note in 10.5 pt at 15 pt (html 720023): the
    pair's page pitch is its own size's (`body_pitch`), not the note's; the note's is 15."""
    rows = [sized_row(87.3, 12.0), sized_row(107.6, 12.0), sized_row(489.1, 10.5), sized_row(504.1, 10.5),
            sized_row(519.1, 10.5)]
    assert body_pitch(rows, DEFAULTS, 12.0) == pytest.approx(20.3)
    assert body_pitch(rows, DEFAULTS, 10.5) == pytest.approx(15.0)
    assert body_pitch(rows, DEFAULTS, 9.0) == 0.0


def stacked_marks_page(tmp_path: Path, gap_em: float) -> list:
    """A paragraph set one em a glyph across the page, as LibreOffice sets it: four full lines, the
    second and third holding a '、' at the same place near the page's middle, `gap_em` of space
    after its box before the line goes on (0: the next glyph at once); a line in two parts at the
    page's foot ('内部资料  注意保存') starts its right part where the lines go on after the marks, as
    LibreOffice's centred folio did (seed 740063; a folio itself probes nothing, `is_folio_row`): a
    gutter is probed there (`_probes`)."""
    half = 23
    body = WORDS * 3
    runs = [(LEFT, 100.0, body[:47]), (LEFT, 100.0 + 3 * LEADING, body[10:57])]
    runs += [(LEFT + half * SIZE - 40.0, 700.0, "内部资料"), (LEFT + (half + 1 + gap_em) * SIZE, 700.0, "注意保存")]
    for r in (1, 2):
        runs += [(LEFT, 100.0 + r * LEADING, body[r:r + half] + "、"),
                 (LEFT + (half + 1 + gap_em) * SIZE, 100.0 + r * LEADING, body[r + 30:r + 53 - round(gap_em)])]
    return page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)


def test_marks_set_one_over_another_mid_paragraph_are_no_gutter(tmp_path: Path) -> None:
    """Two lines of a paragraph on a one-em grid whose '、' fell at one place, the next glyph right
    after each mark's box: standing at its box's start (`_standing`) the mark column looks like a
    gutter an em wide parting both rows in even halves, but every row is parted only there
    (`is_gutter_of_mark_boxes`): no columns, the lines are read across the page."""
    rows = stacked_marks_page(tmp_path, 0.0)
    assert [len(row.runs) for row in rows] == [1, 1, 1, 1, 2]
    assert find_stretches(rows, DEFAULTS) == []


def test_marks_set_one_over_another_before_clear_space_part_columns(tmp_path: Path) -> None:
    """The counter-case: the same two rows with a full em clear after each mark's box (a real gutter
    two ems wide, the marks hanging into it): two columns, the marks read in the left one."""
    rows = stacked_marks_page(tmp_path, 1.0)
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(found.rows) == 2 and [c["text"] for c in found.sides(DEFAULTS)[0]].count("、") == 2


def long_left_column_over_folio(tmp_path: Path, folio: str) -> list:
    """Typst's columns on a page they do not fill: a left column of 24 lines, its 14th and 15th
    ending a glyph short (ragged), beside a right column of 12 lines, 2.1 ems apart; under them a
    line in two parts centred on the page, '第3页' ending 0.6 em right of the left column's edge and
    `folio` starting 1.7 ems right of it, in the gutter (seed 763005)."""
    edge = LEFT + COLUMN_CHARS * SIZE
    right = edge + 2.1 * SIZE
    body = WORDS * 4
    runs = [(LEFT, 100.0 + r * LEADING, body[r:r + (COLUMN_CHARS - 1 if r in (13, 14) else COLUMN_CHARS)])
            for r in range(24)]
    runs += [(right, 100.0 + r * LEADING, body[r + 5:r + 5 + COLUMN_CHARS]) for r in range(12)]
    runs += [(edge + 6.0 - 2.5 * SIZE, 100.0 + 27 * LEADING, "第3页"), (edge + 17.0, 100.0 + 27 * LEADING, folio)]
    return page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)


def test_a_folio_probes_no_gutter(tmp_path: Path) -> None:
    """The folio's two parts, '第3页' and '共9页', leave a gap free on every row above: probed there,
    the left column's edge taken from the folio's left part, the ragged 14th and 15th lines looked
    short of it, the 15th a title under the columns, and the left column was cut there. A folio
    probes no gutter (`is_folio_row`): one stretch of all 24 rows, at the columns' gutter."""
    rows = long_left_column_over_folio(tmp_path, "共9页")
    assert is_folio_row(rows[-1]) and not any(is_folio_row(row) for row in rows[:-1])
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(found.rows) == 24
    assert (round(found.gutter[0]), round(found.gutter[1])) == (LEFT + COLUMN_CHARS * SIZE, 301)


def test_a_line_in_two_parts_under_the_columns_still_probes(tmp_path: Path) -> None:
    """The counter-case: the same line under the columns reading as no folio ('第3页' | '数据来源')
    still probes its gutter, which ranks first (`probe_rank`) and cuts the left column as before."""
    rows = long_left_column_over_folio(tmp_path, "数据来源")
    assert not is_folio_row(rows[-1])
    assert [len(s.rows) for s in find_stretches(rows, DEFAULTS)] == [14]
