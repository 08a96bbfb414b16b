"""Fourth producer: the bulletin as HTML with print CSS, printed to PDF by WeasyPrint.

The same HTML as render_html.py (its `document`), laid out by another engine: WeasyPrint
shapes text with Pango and HarfBuzz, embeds the fonts as CID subsets, and draws a table's
collapsed borders as stroked lines where Chromium paints filled rectangles; a box's one-sided
border (the running header's rule, the masthead's) it paints as a clip to that side's strip and
then the box's outer and inner rectangles filled even-odd — a reader that ignores the clip sees
two filled rectangles as tall as the box. Pages, margins, folios in their forms and
running headers come from @page margin boxes (`counter(page)`, `counter(pages)`), landscape pages
from a named page, titles kept with what follows by `break-after: avoid`, rows kept whole by
`break-inside: avoid`, and <thead> repeated on every page a table crosses — all of which
WeasyPrint does itself (its CSS support differs from Chromium's: no `-webkit-text-stroke`, so a
title is regular or bold, never stroked). The shading family's backgrounds come with the HTML
(inline styles on th, tr and td), painted by WeasyPrint as filled rectangles under the borders;
the two_columns family's prose too (CSS `columns` and `column-rule`, which WeasyPrint lays out).

In process: `weasyprint.HTML(string=…).write_pdf(path)`. Needs the Python package `weasyprint`
and Debian's Pango (libpango-1.0-0, libpangoft2-1.0-0) and CJK fonts; `missing` says which is
absent (tests skip with it).
"""

from __future__ import annotations

import functools
from pathlib import Path

from .content import Bulletin
from .render_html import STYLES, Page, document
from .render_html import available_fonts as _fc_fonts

__all__ = ["STYLES", "available_fonts", "build", "missing", "render"]


@functools.cache
def missing() -> str | None:
    """Why WeasyPrint cannot print here (None: it can). Importing it loads Pango through cffi."""
    try:
        import weasyprint  # noqa: F401
    except ImportError as exc:
        return f"the Python package weasyprint is not installed (pip install '.[test]'): {exc}"
    except OSError as exc:  # cffi could not open libpango / libgobject
        return (f"WeasyPrint cannot load Pango ({exc}): install the Debian packages libpango-1.0-0 "
                "libpangoft2-1.0-0")
    if not available_fonts():
        return "the Debian CJK fonts fonts-noto-cjk / fonts-wqy-zenhei / fonts-arphic-uming are not installed"
    return None


def available_fonts() -> list[str]:
    """CJK faces fontconfig knows here (Pango finds them by family name)."""
    return _fc_fonts()


class WeasyPage(Page):
    """render_html's page with WeasyPrint's own random stream and what it cannot print left out."""

    producer = "weasyprint"
    weights = ("regular", "bold")  # WeasyPrint has no text stroke
    stroke = "font-weight: bold;"  # a masthead name drawn stroked is printed bold
    rests_on_named_pages = True  # a page broken inside a table takes the shape its rest's section names

    def css(self) -> str:
        return "\n".join([super().css(), self.weasy_css()])

    def weasy_css(self) -> str:
        """Where WeasyPrint needs other words than Chromium: the colophon's drop in points (not in
        vh, which WeasyPrint measures otherwise), margin boxes' text kept on one line."""
        return "\n".join([
            f".colophon {{ padding-top: {round(self.rng.uniform(0.3, 0.45) * 700)}pt; }}",
            "@page { @top-left { white-space: nowrap; } @top-right { white-space: nowrap; }"
            " @bottom-left { white-space: nowrap; } @bottom-right { white-space: nowrap; }"
            " @bottom-center { white-space: nowrap; } }",
        ])


def build(b: Bulletin, path: Path, *, style: str, font: str, seed: int) -> tuple[str, dict]:
    """Write the bulletin's HTML (for eyeballing) and return it with what was drawn how."""
    text, drawn = document(b, WeasyPage, style=style, font=font, seed=seed)
    Path(path).write_text(text, encoding="utf-8")
    return text, drawn


def render(b: Bulletin, path: Path, *, style: str, font: str, seed: int) -> dict:
    """Print the bulletin to `path` (PDF) with WeasyPrint, its HTML beside it; returns what was drawn."""
    import weasyprint

    pdf = Path(path)
    text, drawn = build(b, pdf.with_suffix(".html"), style=style, font=font, seed=seed)
    weasyprint.HTML(string=text, base_url=str(pdf.parent)).write_pdf(pdf)
    return drawn
