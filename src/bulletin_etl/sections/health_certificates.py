"""从业人员健康证系统数据统计 — one row for the year ('2024 年') and one to date ('累计')."""

from .base import TableSection
from .titles import Title

SECTION = TableSection(
    name="health_certificates",
    title=Title("健康证"),
    dataset="health_certificates",
)
