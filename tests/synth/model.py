"""A synthetic bulletin put together: its sections (one module each under sections/), what varies
across sections, and the rows the extractor must return.

`make_bulletin(seed)` draws one bulletin of another year (2019–2030) from random.Random(seed):
the prose in the shapes of the 2024 bulletin, the tables with their headers, 合计 rows and notes,
all figures known. `truth(b)` gives every dataset's rows exactly as the extractor must output them
(the columns of the project's schemas, numbers as int/float, missing as None), including
`totals`. Nothing here knows about geometry: render_reportlab.py decides where things go.

Conventions kept from the gold (tests/data/gold-2024/README.md): annual = the bulletin year's
figure, cumulative = 累计; printed 合计 rows and note figures go to `totals` (metric = the dataset
column; units 万/亿 expanded; `printed` = the figure as printed); '/' = missing; seq as printed;
printed row totals (小计, 各类转诊总量) are kept as printed (usually, but not always, the sum).
"""

from __future__ import annotations

import random
import re

from . import headless, long_names, rewording, shading, wrapped_rows
from .content import BodyRow, Bulletin, Column, PageColumns, PrintedTable, Section
from .draws import default_draws, forced, stream
from .page_draws import wide_tables_from
from .printed import printed_figures
from .sections import DATASET_COLUMNS, STAT_SECTIONS, build_sections, evaluation_ratings, events, masthead, units
from .sections.context import Context
from .sections.figures import commafy, logu
from .sections.names import DISTRICTS, pick_institutions


def make_bulletin(seed: int, *, quirks: bool = False, draws: frozenset[str] | None = None, edition=None) -> Bulletin:
    """One synthetic bulletin, fully determined by `seed` and `draws` (the draw families of
    draws.py; default: all but those BULLETIN_SYNTH_OFF names). `quirks` plants run-together names
    and one-character typos in the evaluation lists (with their expected source_quirk and warning).
    `edition`: one edition of a series drawn from one content model (editions.py), whose year and
    year-over-year tables the model gives; None (every bulletin but those) draws as it always did."""
    draws = default_draws() if draws is None else frozenset(draws)
    ctx = Context(seed, quirks, draws, edition)
    order, missing = _section_order(ctx.rng)
    present = [name for name in order if name not in missing]
    built = build_sections(ctx, present)
    if "thousands" in draws:
        thousands_separators(stream("thousands", seed), list(built.values()))
    printed_events = events.build(ctx, set(present))
    if "units" in draws:
        units.draw(stream("units", seed), list(built.values()), printed_events, renames=edition is None)
    if "wrapped_rows" in draws:
        wrapped_rows.draw(stream("wrapped_rows", seed), [*built.values(), printed_events], forced("wrapped_rows"))
    if "long_names" in draws:
        long_names.draw(stream("long_names", seed), [*built.values(), printed_events], forced("long_names"))
    evaluation_ratings.unseen_misprints(ctx, list(built.values()))  # after the families that rename rows
    _expect_missing(ctx, missing, printed_events)
    sections = _arrange(ctx, draws, built, order)
    if "rewording" in draws:
        rewording.reword(stream("rewording", seed), ctx.year, printed_events, sections, ctx.warnings,
                         stream("rewording-numbered", seed), forced("rewording"))
    if "two_columns" in draws:
        two_columns(stream("two_columns", seed), printed_events, sections)
        foot_rows(random.Random(f"two_columns-foot-{seed}"), sections)
    if "hung_quotes" in draws:
        hung_quotes(stream("hung_quotes", seed), printed_events, forced("hung_quotes"))
    if "word_spaces" in draws:
        word_spaces(stream("word_spaces", seed), printed_events, forced("word_spaces"))
    if {"two_columns", "column_last_pages"} <= draws:
        last_pages(random.Random(f"two_columns-last-{seed}"), [printed_events, *sections])
    if "headless_tables" in draws:
        headless.draw(stream("headless_tables", seed), sections, ctx.warnings, forced("headless_tables"))
    if "flush_paragraphs" in draws:
        flush_paragraphs(stream("flush_paragraphs", seed), [printed_events, *sections], forced("flush_paragraphs"))
    if "close_notes" in draws:
        close_notes(stream("close_notes", seed), sections, forced("close_notes"))
    if "mark_columns" in draws and printed_events.columns is None and not printed_events.hung_quote:
        # mark_columns family (reportlab): the events' text across the page set so that mid-line marks line up
        printed_events.mark_column = forced("mark_columns") or stream("mark_columns", seed).random() < MARK_COLUMNS_SHARE
    if "ragged_columns" in draws:
        ragged_columns(stream("ragged_columns", seed), [printed_events, *sections], forced("ragged_columns"))
    if "carried_rests" in draws:
        carried_rests(stream("carried_rests", seed), sections, forced("carried_rests"))
    if "landscape_columns" in draws:
        landscape_columns(stream("landscape_columns", seed), sections, wide_tables_from(draws, seed),
                          forced("landscape_columns"))
    head = masthead.build(ctx)
    part = rewording.part_title(stream("part_title", seed), forced("part_title")) if "part_title" in draws \
        else ("统计数据", "heading")
    return Bulletin(seed=seed, year=ctx.year, issuer=masthead.ISSUER, issue_date=head.issue_date, masthead=head.line,
                    events=printed_events, sections=sections, colophon=head.colophon,
                    expected_warnings=ctx.warnings, missing_sections=missing, quirks=quirks,
                    expected_mismatches=set(ctx.mismatches), draws=draws, part_title=part[0], part_role=part[1])


def _section_order(rng: random.Random) -> tuple[list[str], list[str]]:
    """The statistics sections in printed order (mostly the 2024 bulletin's; sometimes two swapped,
    sometimes all shuffled), and those this bulletin leaves out."""
    order = list(STAT_SECTIONS)
    if rng.random() < 0.4:
        rng.shuffle(order)
    elif rng.random() < 0.5:
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    missing = [name for name in order if rng.random() < 0.10]
    return order, missing


def _expect_missing(ctx: Context, missing: list[str], printed_events: Section) -> None:
    """The warnings the sections left out must give."""
    for name in missing:
        ctx.warnings.append(("", f"section {name} not found"))
    if "physical_exam_reports" in missing and any("家医院体检中心" in p for p in printed_events.paragraphs):
        # an event says '体检综合管理平台接入 7 家医院体检中心' but the bulletin prints no such table:
        # the extractor's completeness check (schemas/claims.yaml) must say a table may be missing
        ctx.warnings.append(("", "no physical_exam_reports table was read"))


def _arrange(ctx: Context, draws: frozenset[str], built: dict[str, Section], order: list[str]) -> list[Section]:
    """The statistics sections in printed order, with the draws that span sections: header bands,
    unknown sections between known ones, letter-spaced labels."""
    if "bands" in draws:
        header_bands(stream("bands", ctx.seed), built, ctx.warnings)
    sections = [built[n] for n in order if n in built]
    if "unknown_sections" in draws:
        unknown_sections(stream("unknown_sections", ctx.seed), ctx.year, sections, ctx.warnings)
    if "spacing" in draws:
        letter_spacing(stream("spacing", ctx.seed), sections, ctx.warnings)
    if "shading" in draws:
        shading.draw(stream("shading", ctx.seed), sections, forced("shading"))
    if "dark_fills" in draws:
        shading.draw_dark(stream("dark_fills", ctx.seed), sections, forced("dark_fills"))
    if "dark_zebra" in draws:
        shading.draw_zebra(stream("dark_zebra", ctx.seed), sections, forced("dark_zebra"))
    if "group_start" in draws:
        group_start(stream("group_start", ctx.seed), sections, forced("group_start"))
    if "airy_rows" in draws:
        airy_rows(stream("airy_rows", ctx.seed), sections, forced("airy_rows"))
    return sections


GROUP_START_SHARE = 0.3  # bulletins printing their header groups' titles start-aligned


def group_start(rng: random.Random, sections: list[Section], forced: bool = False) -> None:
    """Some bulletins (every one when `forced`) print the titles of their header groups (a label
    merged over several columns: '门诊' over '年总量' / '累计总量') start-aligned, not centred, in
    most of their tables that have groups."""
    if rng.random() >= GROUP_START_SHARE and not forced:
        return
    for sec in sections:
        table = sec.table
        if table is None or table.n_header_rows < 2 or rng.random() >= 0.8:
            continue
        table.group_align = "start"


AIRY_SHARE = 0.15  # bulletins printing some tables' rows far apart (airy_rows family)


def airy_rows(rng: random.Random, sections: list[Section], forced: bool = False) -> None:
    """Some bulletins (every one when `forced`) print most of their tables with rows far apart:
    a third of an em to an em more above and under each row's text (a table style's row height of
    two lines or so), so that the space between two rows' lines is several times a wrapped name's
    line gap — still one table."""
    if rng.random() >= AIRY_SHARE and not forced:
        return
    for sec in sections:
        if sec.table is not None and rng.random() < 0.6:
            sec.table.row_pad_em = round(rng.uniform(0.3, 1.0), 2)


PLATFORM_BAND = (("outpatient_visits", "outpatient_revenue_thousand_yuan", "discharges", "inpatient_revenue_thousand_yuan"),
                  ["诊疗信息", "业务数据"])
BANDS: dict[str, tuple[tuple[str, ...] | None, list[str]]] = {
    # section → (the columns under the band (None: every figure column), the band's words)
    "internet_hospitals": (None, ["诊疗活动", "互联网医院服务情况", "服务数据"]),
    "family_doctor_referrals": (None, ["转诊情况", "分级诊疗转诊"]),
    "appointments_12320": (("online_12320", "quick_booking", "in_clinic", "third_party"), ["预约途径", "预约方式"]),
    "physical_exam_reports": (None, ["体检数据"]),
    "platform_collection_districts": PLATFORM_BAND,
    "platform_collection_hospitals": PLATFORM_BAND,
}


def header_bands(rng: random.Random, built: dict[str, Section], warnings: list) -> None:
    """Some bulletins print a third header level: a band over several column groups (or over
    one-level columns). The columns under it keep their meaning; the band is in no column map and
    is reported once."""
    if rng.random() >= 0.35:
        return
    for name, (fields, words) in BANDS.items():
        sec = built.get(name)
        if sec is None or sec.table is None or rng.random() < 0.5:
            continue
        cols = sec.table.columns
        under = [j for j, c in enumerate(cols) if c.kind == "num" and c.field and (fields is None or c.field in fields)]
        if not under or under != list(range(under[0], under[-1] + 1)):
            continue  # an unknown column sits among them: no band over it
        band = rng.choice(words)
        for j in under:
            cols[j].header = (band, *cols[j].header)
        warnings.append((name, f"header band '{band}'"))


UNKNOWN_SECTIONS = [
    # (title after the year, header, row labels: channels | districts | institutions)
    ("南京市电子健康卡发卡情况统计", ("序号", "发卡渠道", "{y}发卡数量", "累计发卡数量"), "channels"),
    ("南京市基层医疗卫生机构信息系统建设情况统计", ("行政区划", "接入机构数", "上线系统数", "完成率"), "districts"),
    ("南京市居民健康档案开放调阅情况统计", ("序号", "单位", "调阅次数", "同比增长"), "institutions"),
    ("南京市出生医学证明电子证照签发情况统计", ("行政区划", "签发数量", "线上申领数量"), "districts"),
    ("南京市检查检验结果互认情况统计", ("序号", "单位", "互认项目数", "节约费用（万元）"), "institutions"),
]


def unknown_sections(rng: random.Random, year: int, sections: list[Section], warnings: list) -> None:
    """About one bulletin in seven prints a statistics section no known title matches, with its
    own table, between two known ones. Its content is in no dataset; the extractor must report it
    as an unrecognised section (the warning names its title) and read the sections around it."""
    if rng.random() >= 0.15 or len(sections) < 2:
        return
    for title, header, labels in rng.sample(UNKNOWN_SECTIONS, 1 if rng.random() < 0.85 else 2):
        if labels == "channels":
            names = rng.sample(["健康南京 APP", "医院自助机", "微信公众号", "支付宝小程序", "江苏健康通", "社区卫生服务中心"],
                               rng.randint(3, 6))
        elif labels == "districts":
            names = rng.sample(DISTRICTS, rng.randint(4, 12))
        else:
            names = pick_institutions(rng, rng.randint(3, 10))
        cols = []
        for h in header:
            h = h.format(y=f"{year}年")
            kind = "seq" if h == "序号" else ("name" if h in ("发卡渠道", "单位") else ("label" if h == "行政区划" else "num"))
            cols.append(Column((h,), kind, None))
        rows = []
        for i, name in enumerate(names, 1):
            cells = []
            for c in cols:
                if c.kind == "seq":
                    cells.append(str(i))
                elif c.kind in ("name", "label"):
                    cells.append(name)
                elif c.header[0] in ("完成率", "同比增长"):
                    cells.append(f"{rng.uniform(-20 if c.header[0] == '同比增长' else 40, 100):.1f}%")
                else:
                    cells.append(str(logu(rng, 10, 900000)))
            rows.append(BodyRow(cells))
        full = f"{year}{rng.choice(['年', '年度'])}{title}"
        at = rng.randint(1, len(sections) - 1)  # known sections on both sides
        sections.insert(at, Section(f"unknown_{len(warnings)}", full, table=PrintedTable(cols, rows)))
        warnings.append(("", title))


COLUMN_PROSE = ("remote_medicine", "hotline_12320", "development_index")
"""Prose sections an edition may set in page columns besides the events."""


def two_columns(rng: random.Random, printed_events: Section, sections: list[Section]) -> None:
    """About two bulletins in five set prose in two page columns: the ten events mostly, other
    prose sections sometimes; each with a rule in the gutter or none, balanced or with a short
    right column. What is printed is unchanged, and so is the truth."""
    if rng.random() >= 0.4:
        return
    chosen = [printed_events] if rng.random() < 0.85 else []
    chosen += [s for s in sections if s.name in COLUMN_PROSE and s.paragraphs and rng.random() < 0.4]
    for sec in chosen:
        sec.columns = PageColumns(2, rng.random() < 0.5, round(rng.uniform(1.0, 3.0), 1),
                                  "short_right" if rng.random() < 0.25 else "balanced")


def foot_rows(rng: random.Random, sections: list[Section]) -> None:
    """Half of the prose sections (not the events) set in columns begin them at a page's foot with
    room for one row: the row, read across the gutter, joins one column's line to the next's
    ('…热线共受' | '理咨询电话…'), and its gutter is no space. A stream of its own
    ('two_columns-foot-<seed>'), so that the family's other draws are as they were."""
    for sec in sections:
        if sec.columns is not None and rng.random() < 0.5:
            sec.columns.foot_row = True


def hung_quotes(rng: random.Random, printed_events: Section, force: bool) -> None:
    """About two bulletins in five (all when forced) break a line of the events before a '“' and hang
    the mark half an em before the line's edge, as Typst hangs an opening mark at a line's start:
    in a right page column (the events set in columns: the mark stands in the gutter, its row must
    not cross it) or, the counter-case, in text across the page (the mark stands in the margin, no
    gutter left of it). Columns so drawn are 1–1.3 ems apart, as narrow as Typst's (a wider gutter
    leaves room for a probe left of the mark; reportlab alone draws the family, the others print the
    columns as the two_columns family drew them). Only events whose bodies hold a '“'; the truth is
    unchanged."""
    quoted = any("“" in p for p in printed_events.paragraphs)
    if quoted and (force or rng.random() < 0.4):
        printed_events.hung_quote = True
        narrow = round(rng.uniform(1.0, 1.3), 1)
        if printed_events.columns is not None:
            printed_events.columns.hung_gap_em = narrow


LONE_FIGURE = re.compile(r"[^\x00-\x7f] [0-9A-Za-z.%]{1,6} [^\x00-\x7f]")
"""A figure alone between two word spaces in Chinese text ('接入 6 家')."""


def word_spaces(rng: random.Random, printed_events: Section, force: bool) -> None:
    """About two bulletins in five (all when forced) whose events, set across the page, hold a lone
    figure between two word spaces justify the first line holding one by those spaces alone, broken
    one or two glyphs early (`Section.word_spaced`), as WeasyPrint justifies Chinese text: the
    spaces either side of the figure each over an em wide. The truth is unchanged."""
    lone = any(LONE_FIGURE.search(p) for p in printed_events.paragraphs)
    if printed_events.columns is None and lone and (rng.random() < 0.4 or force):
        printed_events.word_spaced = rng.choice([1, 2])


def last_pages(rng: random.Random, sections: list[Section]) -> None:
    """Half of the sections set in columns (the events too; not those beginning at a page's foot)
    end, when their columns run over a page break, on a last page set as Typst sets it: a right
    column of one line (sometimes two) beside a left column of 6–14 lines, headings and a
    paragraph's short last line among them — the left column goes on the one the page before left
    open. The other half, balanced, are the counter-case. A family of its own, column_last_pages
    (drawn on the stream 'two_columns-last-<seed>'), so that bulletins pinned before it print as they did."""
    for sec in sections:
        if sec.columns is not None and not sec.columns.foot_row and rng.random() < 0.5:
            sec.columns.last_right = 1 if rng.random() < 0.7 else 2
            sec.columns.carry = rng.randint(6, 14)


FLUSH_SHARE = 0.25  # bulletins setting their paragraphs flush left (flush_paragraphs family)
UNFINISHED_SHARE = 0.4  # of their events, evaluation lists and remote-medicine paragraphs: no final '。'
UNFINISHED_IN = ("events", "evaluation_ratings", "remote_medicine")
"""Sections whose paragraphs each begin an item (an event, a list, a system): two read as one lose one."""


def flush_paragraphs(rng: random.Random, sections: list[Section], force: bool = False) -> None:
    """About a bulletin in four (all when forced) sets its paragraphs flush left, as many Word styles
    print them: no first-line indent, a paragraph told from the next only by where its last line
    stops. Some paragraphs of the events, the evaluation lists and the remote medicine end with no
    final mark, on a character ('…平台上线运行', '…获得三级': a sentence the writer cut, a list), so
    that a closing line holding a clause's '，' or '；' stops short on a bare character right above
    the next paragraph's first line at the margin in the same size. The truth of an event's body
    follows its text; the other sections' truth is unchanged."""
    if rng.random() >= FLUSH_SHARE and not force:
        return
    for sec in sections:
        if not sec.paragraphs:
            continue
        sec.flush = True
        if sec.name in UNFINISHED_IN:
            sec.paragraphs = [_unfinished(sec, k, p) if rng.random() < UNFINISHED_SHARE else p
                              for k, p in enumerate(sec.paragraphs)]


def _unfinished(sec: Section, index: int, paragraph: str) -> str:
    """The paragraph without its final '。' where a character stands before it (an event's body
    truth too); else as it is."""
    if not (paragraph.endswith("。") and "\u4e00" <= paragraph[-2:-1] <= "\u9fff"):
        return paragraph
    if sec.name == "events":
        row = sec.rows["events"][index]
        row["body"] = row["body"].removesuffix("。")
    return paragraph[:-1]


MARK_COLUMNS_SHARE = 0.3  # bulletins whose events reportlab sets with marks lined up down three lines
CLOSE_NOTES_SHARE = 0.2  # bulletins setting their tables' notes close under airy rows (close_notes family)
RAGGED_COLUMNS_SHARE = 0.5  # bulletins whose prose in page columns reportlab sets unjustified (ragged_columns)


def ragged_columns(rng: random.Random, sections: list[Section], force: bool = False) -> None:
    """About half the bulletins (all when forced) whose prose is set in page columns set those
    sections unjustified (reportlab): each glyph an em after the one before, the left column's lines
    ending where their last glyph or mark does — many in a '，' or '。' inside the column, an em past
    the last glyph's end, some an em or two short — and a line that would leave a closing mark to
    start the next one overfilled by it ('…应用”。', the marks touching, the '。''s box reaching the
    right column's first glyph; reportlab 790182). The other bulletins' columns, justified, are the
    counter-case; so are a section whose hung quote is drawn (hung_quotes hangs it on justified lines)
    and one whose columns end on a Typst-like last page (column_last_pages measures them justified).
    The truth is unchanged."""
    if rng.random() >= RAGGED_COLUMNS_SHARE and not force:
        return
    for sec in sections:
        if sec.columns is not None and not sec.hung_quote and not sec.columns.last_right:
            sec.ragged = True


CARRIED_RESTS_SHARE = 0.3  # bulletins whose names' table reportlab cuts inside a row, tall lines (carried_rests)
CARRIED_RESTS_TABLES = ("internet_hospitals", "platform_collection_hospitals")


def carried_rests(rng: random.Random, sections: list[Section], force: bool = False) -> None:
    """About three bulletins in ten (all when forced) print one table of institutions with rows far
    apart (airy_rows' padding where that family drew none; every producer pads them) and, in
    reportlab, names six characters a line and lines set 1.75–2 ems apart (a line spacing of 1.5),
    each glyph at its line's top, its leading all under it, as LibreOffice sets wqy-zenhei: rows
    stand further apart than twice the first line's padding under a rule. Each page break inside it
    cuts the last row named over three lines or more among the page's last four, carrying two lines
    of its name (or three, of a name over four) under the repeated header (docx 716691:
    regions.begins_body_under_header, on a page the table goes on from, no closing rule);
    counter-cases, a quarter of them carry one line ('区）', docx 843756), the table's last page is
    closed by its rule, and where no such row stands the break falls between rows. The truth is
    unchanged."""
    if rng.random() >= CARRIED_RESTS_SHARE and not force:
        return
    tables = [sec.table for sec in sections if sec.name in CARRIED_RESTS_TABLES and sec.table is not None]
    if not tables:
        return
    table = rng.choice(tables)
    pad = round(rng.uniform(0.4, 1.0), 2)
    if not table.row_pad_em:
        table.row_pad_em = pad
    table.line_pitch_em = round(rng.uniform(1.75, 2.0), 2)
    table.carried_rest_lines = rng.choice([1, 2, 2, 3])


LANDSCAPE_COLUMNS_SHARE = 0.5  # bulletins setting a prose section after a landscape table in page columns


def landscape_columns(rng: random.Random, sections: list[Section], wide_from: int | None, force: bool = False) -> None:
    """About half the bulletins (all when forced) in which a prose section (COLUMN_PROSE) follows a
    table printed on a landscape page (`wide_from` columns or more) set that section in two page
    columns, balanced, justified, a rule in the gutter or none: WeasyPrint sets a section of no
    named page on the page at hand, so the short section and its title stand on the landscape page
    under the table, the left column's lines ending together at the gutter, more of them than
    share any other edge of the page (weasyprint 920039: taken for the page's right margin, the
    centred title reached it and the prose was read as the table's note; `lines.margin_edges`).
    A section two_columns set in columns already keeps its draws. Counter-case: the prose sections
    after portrait tables, in columns (two_columns) or across the page. The truth is unchanged."""
    if wide_from is None or not (force or rng.random() < LANDSCAPE_COLUMNS_SHARE):
        return
    for before, sec in zip(sections, sections[1:]):
        wide = before.table is not None and before.table.n_cols >= wide_from
        if wide and sec.name in COLUMN_PROSE and sec.paragraphs and sec.columns is None:
            sec.columns = PageColumns(2, rng.random() < 0.5, round(rng.uniform(1.0, 3.0), 1), "balanced")


def close_notes(rng: random.Random, sections: list[Section], force: bool = False) -> None:
    """About a bulletin in five (all when forced) prints its tables that have notes with rows far
    apart (airy_rows' padding, a third of an em to an em, where that family drew none) and sets each
    note in the body's size right under the table's last row, at the body's line pitch, as a
    paragraph of the text ('（截止 2026 年底，总预约挂号量为 …）', '注：…'): the table's row pitch
    (an airy row's, a wrapped name's lines closer) is far wider than the gap over the note, which
    must not be taken as a row. The truth is unchanged."""
    if rng.random() >= CLOSE_NOTES_SHARE and not force:
        return
    for sec in sections:
        if sec.table is None or not sec.notes:
            continue
        pad = round(rng.uniform(0.3, 1.0), 2)
        if not sec.table.row_pad_em:
            sec.table.row_pad_em = pad
        sec.close_notes = True


SPACED_LABEL = re.compile(r"[\u4e00-\u9fff]{2,4}")
"""A header label short enough that official tables set it letter-spaced ('单 位', '序  号')."""


def letter_spacing(rng: random.Random, sections: list[Section], warnings: list) -> None:
    """About three bulletins in ten set a few short header labels of some tables letter-spaced,
    as many official tables do ('单 位', '序 号', '第 三 方'; one space or two, a habit of the
    bulletin), and the 合计 of their total rows ('合 计', '合 计：8123'). The header means what it
    meant: the truth stays as it is. A label a warning quotes (an unmapped column, a band) is
    left alone, so the warning still says what the page prints."""
    if rng.random() >= 0.3:
        return
    gap = rng.choice([" ", " ", "  "])
    for sec in sections:
        if sec.table is None or rng.random() < 0.4:
            continue
        quoted = [text for name, text in warnings if name == sec.name]
        labels = sorted({level for c in sec.table.columns for level in c.header
                         if SPACED_LABEL.fullmatch(level) and not any(level in q for q in quoted)})
        if labels:
            # two-character labels the most, as on real bulletins
            weights = [{2: 4, 3: 2}.get(len(t), 1) for t in labels]
            chosen: set[str] = set()
            for _ in range(rng.randint(1, 3)):
                chosen.add(rng.choices(labels, weights)[0])
            # every cell of a chosen label, so that a group header stays one over its sub-columns
            for c in sec.table.columns:
                c.header = tuple(gap.join(level) if level in chosen else level for level in c.header)
        if rng.random() < 0.7:
            for row in sec.table.rows:
                if row.kind in ("total", "span"):
                    row.cells = [re.sub(r"^合\s*计", f"合{gap}计", cell) for cell in row.cells]


def thousands_separators(rng: random.Random, sections: list[Section]) -> None:
    """Some bulletins print the figures of (some of) their tables with thousands separators
    ('3,066,151'); the truth keeps the numbers, `printed` of a 合计 the text as printed, and
    printed_figures each separated cell (printed.py)."""
    if rng.random() >= 0.3:
        return
    for sec in sections:
        if sec.table is None or rng.random() < 0.2:
            continue
        cols = [j for j, c in enumerate(sec.table.columns) if c.kind == "num"]
        for row in sec.table.rows:
            if row.kind != "span":
                for j in cols:
                    row.cells[j] = commafy(row.cells[j])
        if any(row.kind == "span" for row in sec.table.rows):
            continue  # '合计：N' across the table stays as it is
        for rec in sec.rows.get("totals", []):
            if rec["source"] == "total_row":
                rec["printed"] = commafy(rec["printed"])


def truth(b: Bulletin) -> dict[str, list[dict]]:
    """Every dataset's rows as the extractor must output them (without source_page)."""
    out: dict[str, list[dict]] = {name: [] for name in DATASET_COLUMNS}
    out["bulletins"] = masthead.truth(b)
    printed = {"printed_figures": printed_figures(b.sections)}
    for section_rows in [*(s.rows for s in [b.events, *b.sections]), printed]:
        for dataset, rows in section_rows.items():
            for row in rows:
                full = {"year": b.year, **row}
                out[dataset].append({c: full.get(c) for c in DATASET_COLUMNS[dataset]})
    return out
