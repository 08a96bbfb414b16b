"""12320 预约挂号服务统计 — bookings per hospital by route; the note gives the all-time total."""

from .base import TableSection

SECTION = TableSection(
    name="appointments_12320",
    title=r"12320预约挂号服务统计",
    dataset="appointments_12320",
)
