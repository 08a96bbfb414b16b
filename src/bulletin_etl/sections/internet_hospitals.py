"""互联网医院诊疗数据统计 — four activity groups (预约挂号, 咨询数据, 就诊数据, 在线处方), each
with a year and a to-date column; the note counts licensed and active internet hospitals."""

from .base import TableSection
from .titles import Title

SECTION = TableSection(
    name="internet_hospitals",
    title=Title("互联网医院"),
    dataset="internet_hospitals",
)
