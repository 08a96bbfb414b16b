"""`python -m bulletin_etl …` — the same command line as `bulletin-etl …`."""

import sys

from .entry import main

sys.exit(main())
