"""体检综合管理平台数据量统计 — reports and records per hospital, for the year and to date."""

from .base import TableSection
from .titles import Title

SECTION = TableSection(
    name="physical_exam_reports",
    title=Title("体检"),
    dataset="physical_exam_reports",
)
