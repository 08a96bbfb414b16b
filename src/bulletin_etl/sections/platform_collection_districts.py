"""卫生信息平台数据采集情况（区） — data the city platform collected per district."""

from .base import TableSection
from .titles import Title

SECTION = TableSection(
    name="platform_collection_districts",
    title=Title("采集", "(区)|各区|分区|区县"),
    dataset="platform_collection_districts",
)
