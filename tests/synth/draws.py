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
                    its first line does not fit on the page. Where the right half is empty (a stream
                    of its own, 'cut_halves-beside-<seed>': ~50%; seven channels or more), the break
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

A family can be forced on for every bulletin (testing a family's rule across producers):

    BULLETIN_SYNTH_FORCE=shading python -m tests.synth.sweep --seeds 1-10 --producer reportlab
    python -m tests.synth.sweep --seeds 1-10 --producer reportlab --force shading
"""

from __future__ import annotations

import os
import random

FAMILIES = ("typography", "furniture", "unknown_sections", "notes", "typo_pairs", "bands", "landscape", "thousands",
            "masthead", "wraps", "page_breaks", "spacing", "shading", "rewording", "two_columns", "units",
            "dark_fills", "group_start", "cut_halves", "note_frames", "headless_tables")
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


def default_draws() -> frozenset[str]:
    """All families, less those named in BULLETIN_SYNTH_OFF."""
    return ALL - parse_off(os.environ.get("BULLETIN_SYNTH_OFF"))


def forced(family: str) -> bool:
    """The family is drawn in every bulletin (BULLETIN_SYNTH_FORCE names it), not in some."""
    return family in parse_off(os.environ.get("BULLETIN_SYNTH_FORCE"))


def stream(family: str, seed: int) -> random.Random:
    """The family's own random stream for this seed."""
    return random.Random(f"{family}-{seed}")
