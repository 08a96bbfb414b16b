"""家庭医生分级诊疗系统转诊数据统计 — referrals per district under two-level headers
(referral type / period), turned into one row per district, referral type and period."""

from .base import TableSection
from .titles import Title

REFERRAL_TYPES = ("outpatient", "lab_exam", "inpatient_bed", "all_types")
PERIODS = ("annual", "cumulative")


def to_long(records: list[dict]) -> list[dict]:
    rows = []
    for record in records:
        for referral_type in REFERRAL_TYPES:
            for period in PERIODS:
                column = f"{referral_type}_{period}"
                if column in record:
                    rows.append({
                        "district": record["district"], "referral_type": referral_type, "period": period,
                        "count": record[column], "source_page": record["source_page"],
                    })
    return rows


SECTION = TableSection(
    name="family_doctor_referrals",
    title=Title("转诊"),
    dataset="family_doctor_referrals",
    reshape=to_long,
)
