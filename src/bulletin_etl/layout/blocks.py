"""What the document flow is made of: text lines and table grids, in reading order. Defined
here, apart from the stages that produce and read the flow, so that each of them can import it."""

from __future__ import annotations

from .lines import TextLine
from .tables.model import Grid

Block = TextLine | Grid
