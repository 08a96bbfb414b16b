"""卫生信息平台数据采集情况（区） — data the city platform collected per district."""

from .base import TableSection

SECTION = TableSection(
    name="platform_collection_districts",
    title=r"卫生信息平台数据采集情况\(区\)",
    dataset="platform_collection_districts",
)
