"""卫生信息平台数据采集情况（医院） — data the city platform collected per hospital; the note
under the table gives the platform's cumulative figures (亿/万 expanded)."""

from .base import TableSection
from .titles import Title

SECTION = TableSection(
    name="platform_collection_hospitals",
    title=Title("采集", "医院"),
    dataset="platform_collection_hospitals",
)
