"""Every tolerance the table stages use, in one place (as pdfplumber's `TableSettings`): lengths
in points unless a field says em (× the character's font size) or a share. The stages read the
module's default instance, `SETTINGS`."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class TableSettings:
    # Ruled tables (pdfplumber's cells)
    vertical_strategy: str = "lines"  # columns ruled by drawn lines; a table without them is read by its gutters
    horizontal_strategy: str = "lines"  # rows ruled by drawn lines, likewise
    # rules this close are one (a border painted as a thin rectangle has two edges ~0.75 apart); pdfplumber's 3
    # snaps a small table's borders onto a bigger table's 3 pt away on the same page, and then they no longer meet
    snap_tolerance: float = 1.5
    # rules this close in height may be one table's (pdfplumber joins and meets rules within 3 pt); bands farther
    # apart are read alone
    ruled_band_gap: float = 3.0
    edge_merge: float = 1.0  # pdfplumber already snapped cell edges: edges this close are one rule
    slot_margin: float = 1.0  # a cell covers a slot whose middle lies within its box, give or take a rule's width
    min_clipped_chars: int = 2  # a repeated header cell cut short keeps at least this much of its text
    max_clipped_share: float = 0.5  # more of a row than this cut short is no repeated header but data

    # Rules (horizontal) and the regions of unruled tables between them
    rule_y_tolerance: float = 1.5  # a thin filled rectangle gives two edges this close: one rule
    rule_x_gap: float = 2.0  # producers draw a rule cell by cell; touching pieces are one rule
    rule_same_extent: float = 3.0  # rules whose ends are this close span one table; farther out, another table's
    rule_cover: float = 1.0  # text this little past a rule's end still stands under (or over) it
    min_rule_page_share: float = 0.3  # a table's rule spans at least this share of the page width …
    min_rule_ems: float = 8  # … or this many body ems, whichever is longer: shorter rules are group rules
    nested_run_margin: float = 1.0  # a run of rules within a taller one's (touching group rules) is no table
    taken_margin: float = 2.0  # a region whose top or bottom touches a ruled table's box is that table
    inner_rule_margin: float = 1.0  # a header rule stands clearly inside the table's top, boundary and ends
    extend_margin: float = 2.0  # lines under a broken 三线表 are taken this little past its last rule's ends
    closing_rule_gap: float = 0.5  # the rule we draw under a broken 三线表 stands this far below its last line
    prose_width_share: float = 0.4  # one run of text wider than this share of the table is running text
    row_gap_lines: float = 1.5  # a gap of more line heights than this under a broken 三线表 ends it
    # … but under a header with no body yet (a 三线表 continued under its repeated header) its first row may stand this
    # far down: LibreOffice continues a row the page split with the lost line's room above it (~1.7 line heights)
    first_row_gap_lines: float = 3.0
    heading_size_ratio: float = 1.25  # text this many times the table's size between two tables is a heading
    min_title_chars: int = 8  # a table title names year, place and subject; a header cell ('咨询数据') is shorter
    stray_line_lines: float = 1.5  # line heights: a lone line this far under a run's first rule is not in its table
    stacked_rules: int = 3  # rules of one narrow extent that make a table (a 三线表's top, header and bottom rules)
    # lines a ruled-off masthead holds on the first page (a name over two, issue, issuer and date, its wrap)
    masthead_rows: int = 5
    masthead_box_x: float = 0.15  # em: a masthead box's wrapped line starts this close under the box's first glyph
    masthead_box_gap: float = 1.0  # em: wider than a printed space, the gap between two boxes' wrapped parts ('印 … 日')
    masthead_box_size: float = 0.05  # share: a box's wrapped line is set in the box's own size, give or take this

    # Text runs and columns
    default_size: float = 10.0  # a character that gives no font size is taken as set at this size
    min_size: float = 1.0  # a size floor for gaps in em, so a zero size never makes every gap wide
    segment_gap: float = 0.6  # em: wider than a printed space, narrower than a column gutter
    letter_spaces: int = 2  # printed spaces that may letter-space a label ('单  位'): a wider gap they fill is no gutter
    spaces_fill: float = 0.8  # share of a gap the printed spaces must cover to be the label's letter-spacing
    gutter_min: float = 0.35  # em: the narrowest gap between columns (a printed space is about 0.25–0.33)
    split_gap: float = 0.15  # em: a gap between two glyphs over a gutter, tighter than a space, still cuts
    span_margin: float = 1.0  # text reaching this close to a column's middle covers that column
    same_header_x: float = 2.0  # header texts this close across pages stand at the same place
    rows_to_show_columns: int = 3  # rows with figures a page needs to show its own gutters
    touch: float = 0.5  # two glyph boxes may share this much at their edges without overlapping
    # a header cell reaching this close to both ends of a run of tight figures heads the whole run, not one of its
    # columns
    run_cover: float = 1.0
    tight_gutter: float = 0.15  # em: the narrowest gap that parts two tight columns under two headers (digit boxes abut)

    # Header and body rows
    boundary_gap: float = 0.5  # with no rule to end it, the header ends this far above the first figure
    rule_crossing: float = 1.0  # text reaching this far above a rule crosses it: a cell's text overflowing
    clear_share: float = 0.25  # × line height: a line this much nearer one neighbour clearly goes with it
    first_name_pitch: float = 0.6  # × row pitch: a centred name's first line stands within this of its row …
    first_name_lines: float = 1.35  # … or within this many line heights (a cut row stands a whole row above)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                if value not in ("lines", "lines_strict", "text", "explicit"):
                    raise ValueError(f"TableSettings.{f.name}: unknown pdfplumber strategy {value!r}")
            elif not value > 0:
                raise ValueError(f"TableSettings.{f.name} must be positive, not {value!r}")

    @property
    def pdfplumber(self) -> dict[str, str | float]:
        """The settings pdfplumber's own table finder takes for ruled tables."""
        return {"vertical_strategy": self.vertical_strategy, "horizontal_strategy": self.horizontal_strategy,
                "snap_tolerance": self.snap_tolerance}


SETTINGS = TableSettings()
