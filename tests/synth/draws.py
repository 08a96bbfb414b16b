"""The draw families a synthetic bulletin may use, and switching them off for debugging.

Every family draws from its own random stream (random.Random(f"{family}-{seed}")), so switching
one off leaves the rest of the bulletin exactly as it was; with every family off a seed draws
what the generator drew before the families existed (the committed fixtures of tests/data/synth
rely on this).

    BULLETIN_SYNTH_OFF=typography,bands python -m tests.synth.sweep --seeds 1-30 --producer html
    python -m tests.synth.sweep --seeds 1-30 --off typography,bands

Families (the classes of issue 9 the extractor must handle):
  typography        heading/caption/masthead typography from the whole range (size 0.85–1.4× body,
                    regular or bold or stroked, same or another family, captions under the body
                    size, 公文 style)
  furniture         page numbers '- 3 -', '— 3 —', '第 N 页  共 M 页', '3 / 11'; running headers
  unknown_sections  a statistics section no known title matches, with its own table (~15%)
  notes             notes under every table style, also at a page foot or broken over a page
  typo_pairs        run-together name pairs where one name carries a one-character typo
  bands             a third header level spanning several column groups
  landscape         wide tables on landscape pages
  thousands         thousands separators in table figures ('3,066,151')
  masthead          the bulletin's name set large above the masthead line ('卫生信息统计简报'); the
                    masthead line set so large that it wraps inside its date ('… 2021年1月26' / '日').
                    The masthead's two boxes (a stream of its own, 'masthead-boxes-<seed>': ~40%, all
                    when forced; furniture.mast_boxes): each box narrower than its text by its last
                    character, so that it wraps under the box's first glyph ('… 编' / '印', '… 22' /
                    '日'), the boxes 1.2–3 em apart — a page-column cut may run between them, and a
                    running header's rule over them rules them off like a table; counter-case: one
                    line, the boxes 2–4 em apart (reportlab, html, WeasyPrint, Typst; not docx)
  wraps             a title's bracketed tail wrapped alone onto the next line ('…采集情况' / '（区）');
                    a paragraph line cut short before a bracketed group that did not fit
                    ('…发展指数' / '（2019），南京市…'): reportlab tracks a paragraph to bring a group to
                    a line's end; html and docx set the text of some bulletins ragged (a stream of its
                    own, 'wraps-ragged-<seed>', so the other wraps draws are as they were)
  page_breaks       a title broken by a page ('…采集情况（医' / '院）'), and its counter-cases (a section
                    ending at a page's foot, '统计数据' at one page's foot, the next title atop the next);
                    a table's title alone at a page's foot; titles not kept with what follows (html,
                    docx); rows of unruled tables cut by a page break under the repeated header; a
                    continuation page repeating the header merged otherwise (group label + sub-column);
                    (reportlab; a stream of its own, 'page_breaks-head-<seed>', all bulletins when forced)
                    an unruled table broken right after its header: its title and header alone at a
                    page's foot between two rules, its rows on the next page under the repeated header
                    (docx by chance: LibreOffice breaks a header row over the page); counter-case, an
                    orphaned title boxed by two rules at a page's foot
  spacing           letter-spaced table labels (~30%): a few short header labels of some tables set with
                    one or two spaces between their characters ('单 位', '序  号', '第 三 方') and the
                    total rows' '合 计' ('合 计：8123' across the table); the truth is unchanged (html
                    keeps two spaces two). Figures in prose separated by a bare full-width '，' are
                    not drawn: no sentence the sections draw holds two figures with no unit between
  shading           tables printed with backgrounds (~35% of bulletins, most of their tables;
                    shading.py): a grey header band, zebra body rows, a filled 合计 row, single cells
                    filled, light and mid greys, sometimes a white or near-white fill behind the whole
                    table; reportlab paints filled rectangles (a cell's fill stroked in grid tables),
                    docx the cells' own shading (w:shd, as Word's table styles), html CSS backgrounds
                    on th/tr/td. The truth is unchanged: a fill rules nothing
  dark_fills        dark table fills (~30% of bulletins, most of their tables; shading.py draw_dark): the
                    header band or the 合计 row (or both) filled dark grey, navy, dark blue, near-black or
                    dark red, their text printed white or light (pale blue, pale yellow), over the shading
                    family's light fills or alone; every producer paints them as it paints the shading
                    family's. The truth is unchanged: a dark fill is a background, the text's colour is
                    nothing
  dark_zebra        tables banded dark (~20% of bulletins, most of their tables; shading.band_table): every
                    other body row filled dark (dark_fills' colours) with light text, the rows between light
                    grey or unfilled, the header band dark or not; in half of them every cell is filled and
                    the table's borders print white (a dark table style): between dark cells a white border
                    parts them as a black one would, where LibreOffice and Chromium draw it as a thin white
                    filled rectangle; at the table's edge it borders the white page. Replaces the table's
                    other fills. The truth is unchanged
  part_title        the part's heading over the statistics sections (rewording.part_title, ~30%) worded
                    otherwise ('主要统计数据', '统计数据汇总', '数据统计', '统计资料', '主要统计指标', '第二部分
                    统计数据': only the part's words and a part's number) or set like the table titles, in
                    their size and face, right over the first one: two headings on consecutive lines in one
                    size (the counter-case of a title's two lines, '…平台数据' / '采集情况（医院）'). The
                    truth is unchanged
  airy_rows         tables printed with rows far apart (~15% of bulletins, most of their tables;
                    model.airy_rows): a third of an em to an em more above and under each row's text
                    (reportlab's padding, docx's cell margins, CSS padding, Typst's inset), so that the empty
                    band between two rows' lines is several times a wrapped name's line gap and, in a 三线表,
                    many times the header's rule pitch — still one table. The truth is unchanged
  group_start       header groups' titles start-aligned (~30% of bulletins, model.group_start): a label
                    merged over several columns ('门诊' over '年总量' / '累计总量', the bands family's
                    bands) printed at its cell's left edge, not centred over its columns
  rewording         section titles worded otherwise (rewording.py): another synonym ending ('…情况',
                    '…概况', '…统计表'), the year before, after or not at all, '年' or '年度', with or
                    without '南京市' (~50%); every heading numbered one way ('一、', '（一）', '1.', '1、',
                    '2.1'; ~35%); one title that says too little ('相关业务数据统计'), the section told by
                    its content, with the warning saying so (~20%). Unknown sections' titles are never
                    reworded into a known section's words. The numbered titles' cases (a stream of its
                    own, 'rewording-numbered-<seed>': ~30% of bulletins, all when forced): numbered
                    throughout, the platform titles in their longest form ('2.2 …平台数据' / '采集情况
                    （医院）' where the title wraps; '统计数据' over '（二）…采集情况' / '（区）' — a numbered
                    line begins a heading), and the online-booking table with its remark '（不包含 12320
                    电话预约…）' under the prose section before it (the other moved tables have none)
  two_columns       prose set in two page columns (~40%): the ten events (mostly), sometimes the remote
                    medicine, 12320 hotline or development index paragraphs, with a vertical rule in the
                    gutter or none, the gutter 1–3 ems; balanced (Typst too, where the columns fit a page;
                    LibreOffice without widow control), or (reportlab) the right column holding
                    two lines. The heading stays across the page; a table section may follow on the same
                    page under the columns (the counter-case: a full-width table). The truth is unchanged.
                    Half the prose sections in columns (reportlab; a stream of its own,
                    'two_columns-foot-<seed>') begin at a page's foot with one row of their columns: read
                    across, the gutter between '…热线共受' and '理咨询电话…' is no space; a gutter beside a
                    figure ('南京' | '12320') stays one
  hung_quotes       (reportlab) a line of the events, not a paragraph's first, breaks before a '“' and hangs it
                    half an em before its edge, as Typst hangs an opening mark at a line's start (~40% of
                    bulletins whose events quote, all when forced): in a right page column when the events
                    are set in columns, 1–1.3 ems apart (the mark's box in the gutter: its row must not
                    cross it), else, the
                    counter-case, in text across the page (the mark in the margin, no gutter left of it).
                    The line before is cut short by the mark's tail (at most 3 glyphs) and justified, in
                    bulletins that justify their text. Typst hangs such marks where its lines fall (seeds
                    720129, 720153, 720185, 720216); the other producers hang none. The truth is unchanged
  column_last_pages (with two_columns; reportlab; drawn on the stream 'two_columns-last-<seed>') half
                    the sections in columns not begun at a page's foot (the events too) end, when their
                    columns run over a page break, on a last page set as Typst sets it (Typst by
                    itself where its text falls so): a right column of one line (or two) beside a
                    left column of 6–14 lines, headings and short last lines among them; the page
                    before ends its columns higher up when the rest would not fit so.
                    The other half, balanced, are the counter-case
  titles_under_columns (with two_columns; Typst; drawn on the stream 'two_columns-titles-<seed>')
                    where the events are in columns, half the bulletins (all when forced) move the
                    last event on to the next column by a column break and set the title after them
                    ('统计数据') on the same page, in the body's size, a line's pitch under the
                    columns: under the left column's last line (a paragraph's end) when the right
                    column is shorter, under the right column's when it is taller (the left column
                    ended above); counter-case, the others set apart as before
  columns_under_title (with titles_under_columns; Typst; drawn on the stream 'columns_under_title-<seed>')
                    where the part title is set close under the events' columns and the first
                    statistics section is prose set in columns (two_columns), half the bulletins
                    (all when forced) set that section's title close too, in the body's size a
                    line's pitch under the part title, and its columns as wide apart as the
                    events': its columns begin at the pitch of the columns above, under one
                    gutter, the two titles between them (typst 790111: the rows under the
                    part title were skipped, and the second columns read across the gutter);
                    counter-case, the others set apart as before. The truth is unchanged
  units             figures with their unit in the cell (~40% of bulletins, sections/units.py): some
                    figure columns of some tables printed with 万 or 亿 in every cell ('38682.77万'),
                    only where every figure is whole and at least that large, with exactly the
                    decimals it needs; some cells in full-width digits ('３，０６６，１５１'); prose
                    figures in full-width digits (events, remote medicine, hotline…) and the
                    hotline's in 万 ('7.9605万个'); counter-case: an institution named with 万
                    ('南京万寿医院'). The truth keeps the numbers; totals' `printed` and events'
                    bodies the text as printed
  cut_halves        (reportlab; ~50%) a table printed as two halves side by side (the online-booking
                    channels) cut by the page inside its last row, only the rest of that row and the
                    total under the repeated header on the next page: both halves' names wrapped,
                    their rests ('程序', '端') side by side, or, where the right half is empty (an odd
                    number of channels), the counter-case: the left half's rest alone (a lone run, as
                    in a table of one group). The table is moved down its page so that the break
                    falls there; nothing is drawn when that row has fewer than two rows over it or
                    its first line does not fit on the page. Where the right half is empty (family
                    cut_halves_beside, with cut_halves, drawn on the stream 'cut_halves-beside-<seed>':
                    ~50%; seven channels or more), the break
                    cuts instead the right half's name two rows above the last, and the right half's
                    next name wraps beside the left half's last row alone: a top-aligned table whose
                    right half a row short shows no centred names (docx 740025). The truth is
                    unchanged
  note_frames       (reportlab) the notes under about half the tables set in a block of their own, in
                    from the page's margin by one to two ems or at the table's left edge where that
                    is further in (a producer setting them in the table's block, a paragraph style
                    indented left; Typst's notes under a table on a page of few lines read so too):
                    a note's second line starts where its first does, right of the page's margin,
                    and goes on the same paragraph; the other tables' notes, across the text width,
                    are the counter-case. The truth is unchanged

  headless_tables   a table section printed without a heading right under another table section's
                    table (~12%, headless.py; LibreOffice lost one so in docx 710287): read as the
                    section its content shows, the warning says so; counter-case: an unknown
                    section's table so printed stays a second table not read. A numbered run's gap
                    is reported. The truth is unchanged
  head_gaps         (html, WeasyPrint; ~25%, head_gaps.py) header cells padded 1.0–1.5 pt a side, so that
                    labels as wide as their columns stand 2–3 pt apart where one ends in Chinese and the
                    next begins with a digit ('2019年报告数量' | '2019年数据条数'; weasyprint 720007); or
                    the counter-case, a quarter em of autospace inside a label after a digit before
                    Chinese ('2019 年报告数量', as Typst sets it), the cells padded 2.5 pt or more. The
                    truth is unchanged
  landscape_captions (html, WeasyPrint, Typst; ~35% of the bulletins with landscape pages) every table of
                    four columns or more on a landscape page: several captions centred on landscape pages
                    end together past the portrait pages' right margin, where the portrait prose, in
                    page columns or ragged, may end at no one edge as often (weasyprint 720007); the
                    portrait pages keep their own margins. Counter-case: the other bulletins with
                    landscape pages, a few wide tables only. The truth is unchanged
  wrapped_rows      (~15%, wrapped_rows.py) a row of the hospitals' platform table named long enough
                    ('南京医科大学友谊整形外科医院江北分院') to wrap over three lines in a narrow name column,
                    beside its widest figure printed in full-width digits, which a narrow figure
                    column wraps once (Typst's three-line tables, no rules between rows: the figure's
                    rest ties between its row's line and the name's third line); counter-case: another
                    row named as long, its figures whole in Latin digits. The truth follows the names
  word_spaces       (reportlab; ~40% of the bulletins whose events across the page hold a lone figure between two
                    spaces, all when forced; model.word_spaces) the first line of the events so holding one
                    ('…平台接入 6 家医院…'), not a paragraph's last, broken one or two glyphs early and justified by
                    its two word spaces alone, as WeasyPrint justifies Chinese text: each space stretched over an
                    em, wider than a page gutter, the figure alone between them (weasyprint 790024, where the
                    paragraph's short last line under it made a short column pair of it). The counter-case of
                    a space ending a left column's line (`ends_left_line`, Typst 763004). The truth is unchanged
  long_names        (~25%, long_names.py) in the internet hospitals' table a row named so long that a narrow
                    name column (Typst sets it five characters wide) wraps it over five lines
                    ('江苏国药大药房连锁有限公司高淳区雨花西路诊所'), right
                    above a row named over two ('南京麒麟综合门诊部'): centred (Typst), the long name's lines
                    under its row's line run on evenly spaced to the next row's name, whose own line is blank
                    there, and close the long name, mirroring its lines over the row (typst 790048);
                    counter-case, a second pair the other way round, the long name's first lines over its row
                    opening it. The truth follows the names
  flush_paragraphs  (all producers; ~25%, model.flush_paragraphs; all when forced) every prose section's
                    paragraphs set flush left, as many Word styles print them: no first-line indent, a
                    paragraph told from the next only by where its last line stops. Some events, evaluation
                    lists and remote-medicine paragraphs (~40% of them) end on a character with no final
                    '。' (a sentence its writer cut, a list: '…信创云环境', '…获得四级甲等'): a closing line
                    holding a '，' or '；' stops short on a bare character over the next item's first line at
                    the margin in its size (the counter-case of line_ends.runs_on_mid_clause), or fills the
                    line, or stops a character short (no end shown: sections.cut_before_items). The truth of
                    an event's body follows its text; the rest is unchanged
  close_notes       (all producers; ~20%, model.close_notes; all when forced) every table with notes printed
                    with airy rows (airy_rows' padding, a third of an em to an em, where that family drew
                    none) and its notes set in the body's size and leading right under the last row, at the
                    body's line pitch ('（截止 2026 年底，总预约挂号量为 …）', '注：累计采集…'): the table's row
                    pitch (an airy row's; a wrapped name's lines closer, so the pitch changes mid-table) is
                    far wider than the gap over the note — the counter-case of regions.is_at_table_pitch and
                    taken_from_a_row: the note is no row. The truth is unchanged
  mark_columns      (reportlab; ~30% of the bulletins whose events are set across the page, no columns and
                    no hung quote; all of those when forced) the text width narrowed by up to seven
                    characters, the first width at which three consecutive lines of an event set a mid-line
                    '，' or '、' at one x (drawn glyph by glyph, where they were measured): a blank strip down
                    the marks' right halves in a single column of justified prose, no gutter (the case of
                    page_columns.is_gutter_of_mark_boxes, which 755006 drew by chance). Where no width up to
                    seven characters narrower lines marks up, the text is as it was (~half the bulletins
                    asked); the three lines may straddle a page break. The truth is unchanged
  recentred_rests   (WeasyPrint; ~50% of the bulletins with landscape pages, all when forced;
                    render_html.recentred_rest) the first table set portrait right after a landscape one
                    has its last row (the total, or '合计：N' across the table) broken onto the next page:
                    begun on the landscape page, its rest goes on centred on a portrait page, further
                    left, too short to show its gutters, its header's labels run together (weasyprint
                    790091; `columns.fits_recentred_table`). Counter-case: where the landscape table fills
                    its page, the table begins on a portrait page and its rest goes on on one as wide,
                    where it stood. The truth is unchanged
  ragged_columns    (with two_columns; reportlab; ~50% of the bulletins with prose in page columns, all when
                    forced; model.ragged_columns) those sections set unjustified, each glyph an em after the
                    one before: the left column's lines end where their last glyph or mark does, many in a '，'
                    or '。' inside the column (its box ending at the edge, an em past the glyph before it),
                    some short; a line that would leave a closing mark to start the next is overfilled by it,
                    touching marks ('…应用”。') reaching the right column's first glyph (reportlab 790182:
                    `page_columns.line_end_candidates`, `opens_hung_chain`). Counter-case: the justified
                    columns of the other bulletins, of sections with a hung quote (hung_quotes) and of
                    columns ending on a Typst-like last page (column_last_pages). The truth is unchanged
  open_feet         (reportlab; ~30% of the bulletins, all when forced; render_reportlab._open_foot) grid tables
                    broken by a page leave the rule under each page's last row off, its column rules ending at
                    the row's foot: Chromium prints a grid row ending right at the page's content foot so, the
                    border it shares with the next row painted on neither page (html 920010;
                    `ruled.closing_edges`). Where a grid's shading strokes its cells, the stroke still closes
                    the row. Counter-case: where such a table ends, its column rules run 2–6 pt past the rule
                    under its last row, nothing printed between (a note may stand close under it). The truth
                    is unchanged
  carried_rests     (reportlab; ~30%, model.carried_rests; all when forced) one table of institutions (internet
                    hospitals' or the hospitals' platform table) printed with rows far apart (airy_rows' padding
                    where that family drew none; every producer pads them), and in reportlab names six characters
                    a line, its lines 1.75–2 ems apart, each
                    glyph at its line's top, the leading all under it (as LibreOffice sets wqy-zenhei): two rows
                    stand further apart than twice a line's padding under the header's rule. Each page break
                    inside it cuts the last row named over three lines or more among the page's last four,
                    carrying two lines of its name (three of a name over four) under the repeated header, two
                    runs alone that open no row, on a page the 三线表 goes on from, no closing rule (docx 716691:
                    `regions.begins_body_under_header`). Counter-cases: a quarter carry one line ('区）', docx
                    843756); the table's last page is closed by its rule; where no such row stands the break
                    falls between rows, a row's start under the header. The truth is unchanged
  new_names         (all producers; ~30%, new_names.py; all when forced) institutions new this year, in no table
                    and no gazetteer, run together in the evaluation ratings' last list of the second or
                    third evaluation (issue 19 §4): two new names, or a listed name then a new one, or a new
                    one then a listed one ('南京市建邺区人民医院南京河西康复医院', docx 910013), cut by the
                    shape of institution names, both run_together, the warning naming both parts;
                    counter-case in the same list, a new campus ('南京仙林口腔医院河西分院', 医院 inside it
                    before a place that begins no name) listed alone and kept whole. The truth follows
  long_names_atop   (with long_names; Typst; ~50% of the bulletins where long_names drew, all when forced;
                    long_names_atop.py) the internet hospitals' table moved down its page (measured in a first
                    pass) so that the page break falls right over the longest name of the rows (after the
                    second) on the table's first page: where cells are kept whole, that row opens the
                    continued page under the repeated header, a name of up to six lines centred on it (or
                    top-aligned), the first line as much as two and a half lines over its figures, the lines
                    evenly spaced down to the last, the cells' padding under it (typst 920005:
                    `body.one_cell_down_to`); counter-case, where the page_breaks family lets cells be cut,
                    the same move cuts that row after its first line: the rest of its name stands the
                    padding over the next row under the repeated header. The truth is unchanged
  landscape_columns (with landscape; all producers draw it, WeasyPrint shows it; ~50% of the bulletins with
                    a prose section right after a landscape table, all when forced; model.landscape_columns)
                    that section (hotline, remote medicine, development index) set in two balanced page
                    columns: WeasyPrint sets it on the landscape page the table opened, its title centred
                    over the columns, whose left column's lines end together at the gutter, more lines
                    than share any other edge of the page (weasyprint 920039: taken for the page's right
                    margin, a title set like the body ran on into the prose; `lines.margin_edges`,
                    `column_set_edges`). Counter-case: prose after portrait tables, in columns or across
                    the page. The truth is unchanged

A new family is appended to FAMILIES, never inserted. A bulletin pinned from a sweep is drawn with
the families of the sweep's commit, `draws=drawn_through("<its last family>")`: a family added since
may draw on its seed and print it otherwise, and the pin would no longer test what failed
(`pinned_draws(seed)` finds them by the sweep's seed range, SWEPT_THROUGH; a bulletin pinned before
pins named their draws keeps the families it was checked with, PINNED).

A family can be forced on for every bulletin (testing a family's rule across producers):

    BULLETIN_SYNTH_FORCE=shading python -m tests.synth.sweep --seeds 1-10 --producer reportlab
    python -m tests.synth.sweep --seeds 1-10 --producer reportlab --force shading
"""

from __future__ import annotations

import os
import random

FAMILIES = ("typography", "furniture", "unknown_sections", "notes", "typo_pairs", "bands", "landscape", "thousands",
            "masthead", "wraps", "page_breaks", "spacing", "shading", "rewording", "two_columns", "units",
            "dark_fills", "group_start", "cut_halves", "note_frames", "headless_tables", "hung_quotes", "head_gaps",
            "landscape_captions", "column_last_pages", "titles_under_columns", "wrapped_rows", "dark_zebra",
            "part_title", "airy_rows", "cut_halves_beside", "word_spaces", "long_names", "flush_paragraphs",
            "close_notes", "mark_columns", "recentred_rests", "columns_under_title", "ragged_columns", "open_feet",
            "carried_rests", "new_names",
            "long_names_atop", "landscape_columns")
ALL = frozenset(FAMILIES)
NONE: frozenset[str] = frozenset()


def parse_off(spec: str | None) -> frozenset[str]:
    names = {s.strip() for s in (spec or "").split(",") if s.strip()}
    if "all" in names:
        return ALL
    unknown = names - ALL
    if unknown:
        raise ValueError(f"unknown draw famil{'y' if len(unknown) == 1 else 'ies'} {sorted(unknown)}; "
                         f"choose from {', '.join(FAMILIES)} or all")
    return frozenset(names)


def drawn_through(last: str) -> frozenset[str]:
    """The families up to and including `last` (FAMILIES only grows at its end): a bulletin pinned
    from a sweep names the last family of the sweep's commit, so that families added since, which
    may draw on its seed, leave it printed as it was when it failed."""
    return frozenset(FAMILIES[:FAMILIES.index(last) + 1])


PINNED = drawn_through("headless_tables")
"""The families every bulletin pinned before pins named their draws (5e1e193) was checked with."""

SWEPT_THROUGH = ((720000, 729999, "headless_tables"),  # the sweep at 33d5086
                 (740000, 744999, "headless_tables"),  # the sweep at 5e1e193
                 (745000, 749999, "cut_halves_beside"),  # the sweep at 7a8c302
                 (790000, 799999, "cut_halves_beside"),  # the sweep at 3f1d458
                 (910000, 919999, "ragged_columns"),  # the sweep at 4162573
                 (920000, 929999, "ragged_columns"))  # the sweep at bf84e67
"""Seed ranges of the fresh sweeps whose failures are pinned, each with the last family of its commit."""


def pinned_draws(seed: int) -> frozenset[str]:
    """The families a pinned bulletin is drawn with: those of its sweep's commit, or PINNED."""
    for first, last, family in SWEPT_THROUGH:
        if first <= seed <= last:
            return drawn_through(family)
    return PINNED


def default_draws() -> frozenset[str]:
    """All families, less those named in BULLETIN_SYNTH_OFF."""
    return ALL - parse_off(os.environ.get("BULLETIN_SYNTH_OFF"))


def forced(family: str) -> bool:
    """The family is drawn in every bulletin (BULLETIN_SYNTH_FORCE names it), not in some."""
    return family in parse_off(os.environ.get("BULLETIN_SYNTH_FORCE"))


def stream(family: str, seed: int) -> random.Random:
    """The family's own random stream for this seed."""
    return random.Random(f"{family}-{seed}")
