"""Synthetic bulletins with known content, for testing the extractor on years it has never seen.

    from tests.synth.model import make_bulletin, truth
    from tests.synth.render_reportlab import render, available_fonts, STYLES
    from tests.synth.compare import compare

    b = make_bulletin(7)
    render(b, Path("/tmp/b.pdf"), style="grid", font="STSong-Light", seed=7)
    # bulletin-etl extract /tmp/b.pdf --out /tmp/out
    problems = compare(truth(b), Path("/tmp/out"), expected_warnings=b.expected_warnings)

Command line (for eyeballing): python -m tests.synth SEED --out DIR [--style S] [--font F]
"""
