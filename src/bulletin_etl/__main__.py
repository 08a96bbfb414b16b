"""`python -m bulletin_etl …` — the same command line as `bulletin-etl …`."""

import sys

from .cli import main

sys.exit(main())
