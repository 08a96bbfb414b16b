"""Synthetic bulletins with known content, for testing the extractor on years it has never seen.

    from tests.synth.model import make_bulletin, truth
    from tests.synth.render_reportlab import render, available_fonts, STYLES
    from tests.synth.compare import compare

    b = make_bulletin(7)
    render(b, Path("/tmp/b.pdf"), style="grid", font="STSong-Light", seed=7)
    # bulletin-etl extract /tmp/b.pdf --out /tmp/out
    problems = compare(truth(b), Path("/tmp/out"), expected_warnings=b.expected_warnings)

Modules: content.py (what is printed, as data), sections/ (one module per bulletin section,
building its content and truth; the datasets' columns, keys and types read from the project's
schemas), model.py (a bulletin put together, the draws across sections, the truth), draws.py (the
draw families of issue 9 and switching them off), typography.py and furniture.py (per-bulletin
title typography, folios, running headers, landscape), five independent producers —
render_reportlab.py (every glyph and rule drawn by the tests), render_docx.py (python-docx →
LibreOffice), render_html.py (HTML + print CSS → headless Chromium, via chromium.py),
render_weasyprint.py (render_html's HTML with WeasyPrint's CSS → WeasyPrint, in process),
render_typst.py (Typst markup compiled in-process by the typst package) — render_check.py (a
PDF that prints less text than its document holds: a render defect, not the extractor's), compare.py,
sweep.py (render, extract, compare many), triage.py (sort failures into classes), fixtures.py
(the committed regression PDFs), editions.py (consecutive editions from one content model, with
renames, entries, exits and one planted year-over-year break: issue 18), edition_pairs.py (a pair
through reportlab into one output folder in either order, its ids held to the truth; a pair sweep).

Command line (for eyeballing): python -m tests.synth SEED --out DIR [--style S] [--font F]
Sweeps: python -m tests.synth.sweep --seeds 1-100 --producer html|reportlab|docx|weasyprint|typst|all [--json F] [--off FAMILIES]
Edition pairs: python -m tests.synth.edition_pairs --seeds 0-29 --out DIR
"""
