"""12320 预约挂号服务统计 — bookings per hospital by route; the note gives the all-time total."""

from .base import TableSection
from .titles import Title

SECTION = TableSection(
    name="appointments_12320",
    title=Title("12320", "预约|挂号"),
    dataset="appointments_12320",
)
