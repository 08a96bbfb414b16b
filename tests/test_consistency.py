"""The consistency engine on records built by hand: each kind of check the datasets' YAML declares
(`checks:`), and the claims of schemas/claims.yaml, gives exactly the rows written beside its input
— what was printed, what the parts or the other section give, and whether they agree."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from bulletin_etl import consistency
from bulletin_etl.sections.family_doctor_referrals import to_long


def _rows(run: Callable[[dict], list[consistency.Check]], records: dict) -> list[tuple]:
    return [(r["check"], r["dataset"], r["subject"], r["metric"], r["printed"], r["expected"], r["status"])
            for r in (check.row() for check in run(records))]


def _total(dataset: str, metric: str, value: int, page: int = 9) -> dict:
    """A figure of a printed 合计 row, as TableSection gives it."""
    return {"dataset": dataset, "source": "total_row", "metric": metric, "value": Decimal(value), "unit": None,
            "printed": str(value), "source_page": page}


def _note(dataset: str, metric: str, value: int, printed: str) -> dict:
    """A figure of a note under a table."""
    return {"dataset": dataset, "source": "note", "metric": metric, "value": Decimal(value), "unit": None,
            "printed": printed, "source_page": 9}


def _booking(institution: str, online: int, quick: int, clinic: int, third: int, subtotal: int | None) -> dict:
    return {"institution": institution, "online_12320": online, "quick_booking": quick, "in_clinic": clinic,
            "third_party": third, "subtotal": subtotal, "source_page": 3}


APPOINTMENTS = [_booking("甲医院", 1, 2, 3, 4, 10), _booking("乙医院", 5, 6, 0, 0, 12), _booking("丙医院", 1, 1, 1, 1, None)]
REFERRALS = to_long([
    {"district": "玄武区", "source_page": 4, "outpatient_annual": 2, "outpatient_cumulative": 10,
     "lab_exam_annual": 1, "lab_exam_cumulative": 5, "all_types_annual": 3, "all_types_cumulative": 16},
    {"district": "秦淮区", "source_page": 5, "outpatient_annual": 3, "outpatient_cumulative": 2,
     "lab_exam_annual": 0, "lab_exam_cumulative": 0, "all_types_annual": 3, "all_types_cumulative": 2},
])


def test_column_total_sums_the_declared_columns_and_the_figures_of_a_long_dataset() -> None:
    records = {"appointments_12320": APPOINTMENTS, "family_doctor_referrals": REFERRALS, "totals": [
        _total("appointments_12320", "quick_booking", 9),
        _total("appointments_12320", "subtotal", 21),
        _total("family_doctor_referrals", "outpatient_annual", 5),
        _total("remote_medicine", "consultations_annual", 7),  # remote_medicine declares no column_total
    ]}

    assert _rows(consistency.column_totals, records) == [
        ("column_total", "appointments_12320", "合计", "quick_booking", 9, 9, "ok"),
        ("column_total", "appointments_12320", "合计", "subtotal", 21, 22, "mismatch"),
        ("column_total", "family_doctor_referrals", "合计", "outpatient_annual", 5, 5, "ok"),
    ]
    assert consistency.column_totals(records)[1].row()["detail"] == \
        "printed 合计 of subtotal against the sum of its 3 rows: printed 21 against 22"


def test_row_subtotal_in_each_row_then_per_subject_and_period_then_the_total_row() -> None:
    records = {"appointments_12320": APPOINTMENTS, "family_doctor_referrals": REFERRALS, "totals": [
        _total("family_doctor_referrals", "outpatient_annual", 5, page=6),
        _total("family_doctor_referrals", "all_types_annual", 7, page=6),
    ]}

    checks = consistency.row_subtotals(records)

    assert _rows(consistency.row_subtotals, records) == [
        ("row_subtotal", "appointments_12320", "甲医院", "subtotal", 10, 10, "ok"),
        ("row_subtotal", "appointments_12320", "乙医院", "subtotal", 12, 11, "mismatch"),
        ("row_subtotal", "appointments_12320", "丙医院", "subtotal", None, 4, "mismatch"),  # 小计 not printed
        ("row_subtotal", "family_doctor_referrals", "玄武区", "all_types_annual", 3, 3, "ok"),
        ("row_subtotal", "family_doctor_referrals", "玄武区", "all_types_cumulative", 16, 15, "mismatch"),
        ("row_subtotal", "family_doctor_referrals", "秦淮区", "all_types_annual", 3, 3, "ok"),
        ("row_subtotal", "family_doctor_referrals", "秦淮区", "all_types_cumulative", 2, 2, "ok"),
        ("row_subtotal", "family_doctor_referrals", "合计", "all_types_annual", 7, 5, "mismatch"),
    ]
    assert [(c.detail, c.source_page) for c in checks if c.subject in ("乙医院", "秦淮区", "合计")] == [
        ("printed subtotal against online_12320+quick_booking+in_clinic+third_party", 3),
        ("printed 各类转诊总量 against outpatient+lab_exam+inpatient_bed", 5),
        ("printed 各类转诊总量 against outpatient+lab_exam+inpatient_bed", 5),
        ("合计 row: printed 各类转诊总量 against outpatient+lab_exam+inpatient_bed", 6),
    ]


def _figure(metric: str, label: str, value: int) -> dict:
    return {"metric": metric, "label_zh": label, "value": value, "unit": "个", "source_page": 8}


def test_prose_total_against_the_parts_stated_with_it() -> None:
    records = {"hotline_12320": [_figure("calls_received", "共受理咨询电话", 100), _figure("consultations", "咨询类", 60),
                                 _figure("medical_complaints", "医疗投诉", 30), _figure("city_12345_tickets", "市12345工单", 5)]}

    assert _rows(consistency.prose_totals, records) == [
        ("prose_total", "hotline_12320", "共受理咨询电话", "calls_received", 100, 90, "mismatch"),
    ]
    assert consistency.prose_totals(records)[0].row()["detail"] == \
        "stated total against the 2 categories listed with it: printed 100 against 90"
    assert _rows(consistency.prose_totals, {"hotline_12320": records["hotline_12320"][1:]}) == []  # no total stated


def test_annual_le_cumulative_in_one_row_then_across_rows() -> None:
    exams = [{"institution": "甲医院", "reports_annual": 5, "records_annual": 7, "reports_cumulative": 50,
              "records_cumulative": 6, "source_page": 2},
             {"institution": "乙医院", "reports_annual": 1, "records_annual": 1, "reports_cumulative": None,
              "records_cumulative": 1, "source_page": 2}]
    certificates = [{"period": "cumulative", "employers": 30, "individual_users": 8, "source_page": 7},
                    {"period": "annual", "employers": 3, "individual_users": 9, "source_page": 6}]
    records = {"physical_exam_reports": exams, "family_doctor_referrals": REFERRALS, "health_certificates": certificates}

    rows = _rows(consistency.annual_within_cumulative, records)

    assert rows == [
        ("annual_le_cumulative", "physical_exam_reports", "甲医院", "reports", 5, 50, "ok"),
        ("annual_le_cumulative", "physical_exam_reports", "甲医院", "records", 7, 6, "mismatch"),
        ("annual_le_cumulative", "physical_exam_reports", "乙医院", "records", 1, 1, "ok"),  # reports: no cumulative
        ("annual_le_cumulative", "family_doctor_referrals", "玄武区", "outpatient", 2, 10, "ok"),
        ("annual_le_cumulative", "family_doctor_referrals", "玄武区", "lab_exam", 1, 5, "ok"),
        ("annual_le_cumulative", "family_doctor_referrals", "玄武区", "all_types", 3, 16, "ok"),
        ("annual_le_cumulative", "family_doctor_referrals", "秦淮区", "outpatient", 3, 2, "mismatch"),
        ("annual_le_cumulative", "family_doctor_referrals", "秦淮区", "lab_exam", 0, 0, "ok"),
        ("annual_le_cumulative", "family_doctor_referrals", "秦淮区", "all_types", 3, 2, "mismatch"),
        ("annual_le_cumulative", "health_certificates", "—", "employers", 3, 30, "ok"),
        ("annual_le_cumulative", "health_certificates", "—", "individual_users", 9, 8, "mismatch"),
    ]
    last = consistency.annual_within_cumulative(records)[-1].row()
    assert (last["detail"], last["source_page"]) == (
        "— individual_users: the year's figure must not exceed the cumulative one: printed 9 is at most 8", 6)


def _event(number_zh: str, title: str, body: str) -> dict:
    return {"number": 1, "number_zh": number_zh, "title": title, "body": body, "source_page": 1}


def test_claims_and_lower_bounds_of_the_events() -> None:
    ratings = [{"evaluation": "国家医疗健康信息互联互通标准化成熟度测评", "level": "五级乙等", "institution": name,
                "institution_type": "district", "list_position": i, "source_page": 12}
               for i, name in enumerate(["玄武区", "秦淮区"], 1)]
    records = {
        "events": [_event("一", "体检平台接入 2 家医院体检中心", "全市入库数据超 1 亿条。"),
                   _event("二", "测评", "3个区获得国家互联互通测评五级乙等。")],
        "physical_exam_reports": [{"institution": "甲医院"}, {"institution": "乙医院"}],
        "evaluation_ratings": ratings,
        "totals": [_note("platform_collection_hospitals", "valid_records_collected_cumulative", 123456789, "1.23亿")],
    }

    checks = consistency.event_claims(records)

    assert _rows(consistency.event_claims, records) == [
        ("lower_bound", "events", "“入库数据超 1 亿条”", "standardised_records", 100000000, 123456789, "ok"),
        ("claim", "events", "“接入 2 家医院体检中心”", "physical_exam_centres", 2, 2, "ok"),
        ("claim", "events", "“3个区获得国家互联互通测评五级乙等”", "districts_listed", 3, 2, "mismatch"),
    ]
    assert [c.detail for c in checks] == [
        "event 一 states 入库数据超 1 亿条; note under the platform_collection_hospitals table: 1.23亿",
        "event 一 states 接入 2 家医院体检中心; rows of physical_exam_reports",
        "event 二: districts listed as 国家医疗健康信息互联互通标准化成熟度测评 五级乙等",
    ]


def test_claims_declared_in_the_datasets_checks() -> None:
    records = {
        "internet_hospitals": [{"institution": "甲医院"}, {"institution": "乙医院"}, {"institution": "丙医院"}],
        "online_booking_channels": [{"channel": "微信公众号", "bookings": 4, "source_page": 3},
                                    {"channel": "12320 快速 预约", "bookings": 9, "source_page": 3}],
        "totals": [_note("internet_hospitals", "internet_hospitals_in_service", 3, "3家"),
                   _total("appointments_12320", "quick_booking", 10)],
    }

    assert _rows(consistency.cross_section, records) == [
        ("claim", "internet_hospitals", "“3家”", "internet_hospitals_in_service", 3, 3, "ok"),
        ("claim", "online_booking_channels", "“12320 快速 预约 9”", "bookings", 9, 10, "mismatch"),
    ]
    assert [c.detail for c in consistency.cross_section(records)] == [
        "note: hospitals in service against the rows of the table",
        "the quick-booking channel against the 12320 table's 快速预约 合计",
    ]
    assert consistency.counted_rows()["internet_hospitals_in_service"] == "internet_hospitals"
    assert _rows(consistency.cross_section, {**records, "totals": []}) == []  # nothing printed to compare with
