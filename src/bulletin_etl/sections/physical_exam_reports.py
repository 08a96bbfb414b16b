"""体检综合管理平台数据量统计 — reports and records per hospital, for the year and to date."""

from .base import TableSection

SECTION = TableSection(
    name="physical_exam_reports",
    title=r"体检综合管理平台数据量统计",
    dataset="physical_exam_reports",
)
