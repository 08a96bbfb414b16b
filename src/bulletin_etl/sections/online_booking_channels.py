"""线上预约情况统计 — bookings per online channel, printed as two side-by-side column groups
with one '合计：N' cell across the table."""

from .base import TableSection
from .titles import Title

SECTION = TableSection(
    name="online_booking_channels",
    title=Title("线上预约|网上预约|预约渠道"),
    dataset="online_booking_channels",
    side_by_side=True,
)
