"""Content model of a synthetic bulletin: what is printed, and the rows the extractor must return.

`make_bulletin(seed)` draws one bulletin of another year (2019–2030) from random.Random(seed):
the prose in the shapes of the 2024 bulletin, the tables with their headers, 合计 rows and notes,
all figures known. `truth(b)` gives every dataset's rows exactly as the extractor must output them
(column names as in tests/data/gold-2024/*.csv, numbers as int/float, missing as None), including
`totals`. Nothing here knows about geometry: render_reportlab.py decides where things go.

Conventions kept from the gold (tests/data/gold-2024/README.md): annual = the bulletin year's
figure, cumulative = 累计; printed 合计 rows and note figures go to `totals` (metric = the dataset
column; units 万/亿 expanded; `printed` = the figure as printed); '/' = missing; seq as printed;
printed row totals (小计, 各类转诊总量) are kept as printed (usually, but not always, the sum).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from .draws import default_draws, stream

ISSUER = "南京市卫生信息中心"
GAZETTEER = Path(__file__).resolve().parents[2] / "src" / "bulletin_etl" / "schemas" / "gazetteer.yaml"

ZH_NUM = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

DISTRICTS = ["玄武区", "秦淮区", "建邺区", "鼓楼区", "栖霞区", "雨花台区", "江宁区", "浦口区", "六合区",
             "溧水区", "高淳区", "江北新区"]

STAT_SECTIONS = [
    "development_index", "evaluation_ratings", "remote_medicine", "physical_exam_reports",
    "family_doctor_referrals", "health_certificates", "hotline_12320", "appointments_12320",
    "online_booking_channels", "internet_hospitals", "platform_collection_districts",
    "platform_collection_hospitals",
]
"""The statistics sections in the order of the 2024 bulletin."""

DATASET_COLUMNS: dict[str, list[str]] = {
    "bulletins": ["year", "issuer", "issue_date"],
    "events": ["year", "number", "number_zh", "title", "body"],
    "development_index": ["year", "index_name", "peer_group", "rank"],
    "evaluation_ratings": ["year", "evaluation", "level", "institution", "institution_type", "list_position",
                           "source_quirk"],
    "remote_medicine": ["year", "system", "institutions_connected", "new_institutions_count", "new_institutions",
                        "consultations_annual", "consultations_annual_is_approximate", "consultations_cumulative",
                        "reports_annual", "specimens_annual", "domestic_replacement_completed"],
    "physical_exam_reports": ["year", "seq", "institution", "reports_annual", "records_annual",
                              "reports_cumulative", "records_cumulative"],
    "family_doctor_referrals": ["year", "district", "referral_type", "period", "count"],
    "health_certificates": ["year", "period", "employers", "individual_users", "appointment_orders",
                            "electronic_certificates"],
    "hotline_12320": ["year", "metric", "label_zh", "value", "unit"],
    "appointments_12320": ["year", "seq", "institution", "online_12320", "quick_booking", "in_clinic",
                           "third_party", "subtotal"],
    "online_booking_channels": ["year", "seq", "channel", "bookings"],
    "internet_hospitals": ["year", "seq", "institution", "appointments_annual", "appointments_cumulative",
                           "consultations_annual", "consultations_cumulative", "visits_annual",
                           "visits_cumulative", "prescriptions_annual", "prescriptions_cumulative"],
    "platform_collection_districts": ["year", "district", "scheduled_upload_records", "realtime_upload_days",
                                      "realtime_forms_uploaded", "realtime_forms_total", "outpatient_visits",
                                      "outpatient_revenue_thousand_yuan", "discharges",
                                      "inpatient_revenue_thousand_yuan"],
    "platform_collection_hospitals": ["year", "institution", "scheduled_upload_records", "realtime_upload_days",
                                      "realtime_forms_uploaded", "realtime_forms_total", "outpatient_visits",
                                      "outpatient_revenue_thousand_yuan", "discharges",
                                      "inpatient_revenue_thousand_yuan"],
    "totals": ["year", "dataset", "source", "metric", "value", "unit", "printed"],
}

DATASET_KEYS: dict[str, list[str]] = {
    "bulletins": ["year"],
    "events": ["number"],
    "development_index": ["index_name"],
    "evaluation_ratings": ["evaluation", "level", "institution"],
    "remote_medicine": ["system"],
    "physical_exam_reports": ["institution"],
    "family_doctor_referrals": ["district", "referral_type", "period"],
    "health_certificates": ["period"],
    "hotline_12320": ["metric"],
    "appointments_12320": ["institution"],
    "online_booking_channels": ["channel"],
    "internet_hospitals": ["institution"],
    "platform_collection_districts": ["district"],
    "platform_collection_hospitals": ["institution"],
    "totals": ["dataset", "metric"],
}
"""Row keys (besides year), as in tests/data/gold-2024/datasets.json."""


# --------------------------------------------------------------------------------------------
# What is printed
# --------------------------------------------------------------------------------------------

@dataclass
class Column:
    """One printed column: its header path (one or two levels), what its cells hold, and the
    dataset column it feeds (None for a column the extractor does not know)."""

    header: tuple[str, ...]
    kind: str  # seq | name | label | num | text
    field: str | None = None


@dataclass
class BodyRow:
    cells: list[str]
    kind: str = "data"  # data | total | span ('合计：N' in one cell across the table)
    merge: tuple[int, int] | None = None  # columns [a, b) printed as one cell holding cells[a]


@dataclass
class HeaderCell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class PrintedTable:
    columns: list[Column]
    rows: list[BodyRow]

    @property
    def n_cols(self) -> int:
        return len(self.columns)

    @property
    def n_header_rows(self) -> int:
        return max(len(c.header) for c in self.columns)

    def header_cells(self) -> list[HeaderCell]:
        """Group headers (and bands over groups) merged over their consecutive sub-columns; a
        column's last level spans the header rows left under it. In column order: each top-level
        cell, then the cells under it."""
        n = self.n_header_rows
        cols = [c.header for c in self.columns]
        out: list[HeaderCell] = []
        for r in range(n):
            j = 0
            while j < self.n_cols:
                head = cols[j]
                if len(head) <= r:  # covered by a cell above spanning down
                    j += 1
                elif len(head) == r + 1:
                    out.append(HeaderCell(r, j, head[r], rowspan=n - r))
                    j += 1
                else:
                    k = j
                    while k < self.n_cols and len(cols[k]) > r + 1 and cols[k][:r + 1] == head[:r + 1]:
                        k += 1
                    out.append(HeaderCell(r, j, head[r], colspan=k - j))
                    j = k
        tops = sorted(c.col for c in out if c.row == 0)
        top = {j: max(t for t in tops if t <= j) for j in range(self.n_cols)}
        return sorted(out, key=lambda c: (top[c.col], c.row, c.col))


@dataclass
class Section:
    name: str  # the extractor's section name
    title: str
    preamble: list[str] = field(default_factory=list)  # subtitle lines under the heading
    paragraphs: list[str] = field(default_factory=list)  # body paragraphs (first line indented)
    table: PrintedTable | None = None
    notes: list[str] = field(default_factory=list)  # printed right under the table, smaller
    rows: dict[str, list[dict]] = field(default_factory=dict)  # truth, per dataset (without year)


@dataclass
class Bulletin:
    seed: int
    year: int
    issuer: str
    issue_date: dt.date
    masthead: tuple[str, str]  # ('南京市卫生信息中心 编印', '2028 年 1 月 24 日')
    events: Section
    sections: list[Section]  # statistics sections, in printed order
    colophon: list[str] | None
    expected_warnings: list[tuple[str, str]]
    missing_sections: list[str]
    quirks: bool = False
    expected_mismatches: set = field(default_factory=set)  # (check, dataset, subject|None, metric)
    draws: frozenset = frozenset()  # the draw families (draws.py) this bulletin uses

    def section(self, name: str) -> Section | None:
        return next((s for s in [self.events, *self.sections] if s.name == name), None)


# --------------------------------------------------------------------------------------------
# Word pools
# --------------------------------------------------------------------------------------------

REAL_INSTITUTIONS = [
    "南京鼓楼医院", "江苏省人民医院", "江苏省中医院", "东部战区总医院", "南京市儿童医院", "东南大学附属中大医院",
    "南京市中医院", "南京市第二医院", "南京市第一医院", "南京市妇幼保健院", "南京医科大学第二附属医院",
    "南京医科大学第四附属医院", "南京市江宁医院", "南京明基医院", "南京市高淳人民医院", "江苏省中西医结合医院",
    "南京市溧水区人民医院", "江苏省肿瘤医院", "南京同仁医院", "江苏省第二中医院", "南京医科大学附属逸夫医院",
    "南京市中西医结合医院", "中国医学科学院皮肤病研究所", "江苏省省级机关医院", "南京市口腔医院",
    "南京市浦口区中医院", "南京江北医院", "南京脑科医院", "南京市六合区人民医院", "南京市中心医院",
    "南京市江宁中医院", "南京市溧水区中医院", "泰康仙林鼓楼医院", "江苏省口腔医院", "南京市胸科医院",
    "南京医科大学附属眼科医院", "东部战区空军医院", "东部战区总医院秦淮医疗区", "南京一民医院",
    "南京市高淳中医院", "南京市栖霞区医院", "南京市六合区中医院", "南京市职业病防治院", "南京仁品耳鼻喉专科医院",
    "南京梅山医院", "南京医科大学友谊整形外科医院", "南京市雨花医院", "南京雨花口腔医院", "南京市浦口人民医院",
    "南京市浦口区中医医院", "南京市溧水区中医医院", "南京百年世家中医医院", "南京怡悦医院", "健康网医师会第一诊所",
    "南京江北瀚柏门诊部", "南京江北众允堂中医门诊部", "南京市江北新区泰山街道桥荫路社区卫生服务站",
    "江苏益丰大药房连锁有限公司秦淮区御道街诊所",
]
REAL_CAMPUS = ["南京鼓楼医院（含分院）", "南京市第一医院（河西院区）", "南京市江宁医院(湖山路院区)",
               "南京市妇幼保健院(丁家庄院区)", "南京医科大学第四附属医院(京新)"]
CAMPUS_BASES = ["南京鼓楼医院", "江苏省人民医院", "南京市第一医院", "南京市儿童医院", "南京市妇幼保健院",
                "南京市中医院", "南京市江宁医院", "江苏省中医院", "南京市第二医院", "南京脑科医院"]
PLACES = ["东山", "秣陵", "汤山", "淳化", "禄口", "谷里", "横溪", "龙潭", "仙林", "尧化", "迈皋桥", "燕子矶", "红山",
          "孝陵卫", "中华门", "夫子庙", "莫愁湖", "南湖", "沙洲", "兴隆", "江心洲", "泰山", "顶山", "盘城", "葛塘",
          "长芦", "雄州", "竹镇", "冶山", "永阳", "洪蓝", "白马", "和凤", "东屏", "淳溪", "阳江", "砖墙", "桠溪",
          "古柏", "漆桥", "河西", "丁家庄", "浦口", "板桥", "铁心桥", "西善桥", "马群", "麒麟"]
ROADS = ["中山路", "湖山路", "汉中路", "龙蟠路", "江东北路", "应天大街", "虎踞路", "瑞金路", "天元东路", "浦珠路",
         "雨花西路", "珠江路", "长江路", "河西大街", "御道街", "桥荫路", "草场门大街", "集庆门大街"]
BRANDS = ["益丰", "老百姓", "国药", "大参林", "华润", "百信", "先声再康"]
SPECIALTIES = ["口腔", "眼科", "中医", "康复", "妇产", "骨科", "耳鼻喉专科", "皮肤病", "精神专科"]

CHANNELS = ["健康南京", "南京卫生 12320 微信", "我的南京客户端", "12320 快速预约", "江苏省预约挂号网",
            "南京卫生 12320 网", "支付宝城市服务", "微信城市服务", "江苏健康通", "南京医保小程序",
            "健康南京 APP 小程序", "南京发布城市服务"]

REMOTE_NEW = ["南京鼓楼医院集团仪征医院", "淮安市第一人民医院", "淮安市肿瘤医院", "建邺区海峡城社区卫生服务中心",
              "南京医科大学附属逸夫医院", "南京市红十字医院", "南京市享悦医院", "句容市人民医院", "马鞍山市中心医院",
              "滁州市第一人民医院", "扬州市江都人民医院", "宿迁市第一人民医院", "镇江市第三人民医院",
              "南京市六合区竹镇中心卫生院", "南京市溧水区东屏街道社区卫生服务中心", "南京江北医院",
              "江宁区秣陵街道社区卫生服务中心", "盱眙县人民医院", "南京市浦口区第三人民医院", "金湖县人民医院"]

EVENT_TITLES_A = ["突出政治引领", "坚持守正创新", "探索数智驱动", "加强数据要素", "引入新兴技术", "整合医疗资源",
                  "夯实科研基础", "深耕专业领域", "推动文化建设", "弘扬文明风尚", "强化安全防护", "深化便民服务",
                  "聚焦基层需求", "推进标准建设", "筑牢网络安全", "优化平台架构", "完善数据治理", "深化区域协同",
                  "加快国产替代", "创新服务模式", "提升热线能级", "强化人才培养", "推进数据共享", "拓展互联网医疗"]
EVENT_TITLES_B = ["激活党建动能", "勇攀行业高峰", "提升管理效能", "赋能基层质效", "拓展惠民服务", "构筑服务生态",
                  "争做全国试点", "打造科普品牌", "涵养精神内核", "凝聚奋进力量", "守牢安全底线", "增强群众获得感",
                  "夯实发展根基", "释放数据价值", "助力健康南京建设", "打造智慧医疗样板", "提升服务温度",
                  "激发创新活力"]

EVENT_SENTENCES = [
    "深入学习习近平新时代中国特色社会主义思想，以读书班、研讨交流、卫信微学堂等多种形式，在理论武装上深耕细作、久久为功。",
    "统筹抓好党风廉政建设、意识形态、安全生产等各项工作，教育党员、凝聚群众、把好方向、管好大局、确保落实。",
    "以市卫生信息平台及医疗卫生大数据为基础打造智慧医疗“领导驾驶舱”，实时监测和分析全市和各区、各医院的门急诊情况、住出院情况、运营情况等。",
    "实现“数据一屏展示、指标一屏分析、指挥一屏联动”，为管理者提供辅助决策依据。",
    "定期向各区下发诊疗数据、体检数据、死亡数据、妇幼数据等。",
    "健康档案浏览器、智能提示、家医分诊已在全市医生工作站部署并能单点登录，实现双向转诊有通道、健康信息能检索、开药检查有提示。",
    "医疗一站式结算、基于 12320 卫生热线的人工智能随访系统、动静态一体远程心电等为民服务不断扩大应用。",
    "健康南京 APP 鸿蒙原生应用上架，引领医疗卫生信息化国产化进程。",
    "完善全市预约挂号、家医分诊、健康证体检、智能导诊、商保理赔、互联网医院、互联网护理、云药房等各项智慧医疗服务。",
    "融入健康南京 APP、12320，打造南京卫生健康第一服务窗口。",
    "构筑覆盖诊前预防、诊中治疗、诊后康复的全流程一体化智慧服务生态。",
    "出版 {a}项江苏省地方标准，发布 {b} 项团体标准。",
    "组织全国各大医疗卫生机构 {c} 余位相关专家，结合 12320 热点分析，精选贴近老百姓的健康问题，编写科普丛书。",
    "全体中心职工持续学习，不断突破，获得省卫生健康行业网络安全技能竞赛{prize}等诸多荣誉。",
    "引领“绿色低碳”“垃圾分类”“合理膳食”等文明新风尚，使厉行节约、反对浪费在中心蔚然成风。",
    "全年开展网络安全攻防演练 {d} 次，修复各类安全漏洞 {e}个，未发生重大网络安全事件。",
    "完成市卫生信息平台国产化改造，核心业务系统全部迁移至信创云环境。",
    "推动检查检验结果互认，全市 {f} 家医疗机构实现检查检验结果共享调阅。",
    "电子健康卡累计发放 {g} 万张，覆盖全市二级以上公立医院。",
    "推进“一件事一次办”，出生医学证明、预防接种、户口登记等事项实现线上联办。",
    "开展人工智能大模型在智能导诊、病历质控、健康咨询等场景的试点应用。",
    "组织开展数据安全专项检查，覆盖全市 {h} 家二级以上医疗机构。",
    "南京成为全国三个试点城市之一，开展“电子病历版式文档标准研制和试点应用”。",
    "始终保持以俭修身、以俭兴业，把好传统续写在新征程，将好作风弘扬在新时代。",
    "践行中心“学习、思考、创新、有为”的文化，全体职工激扬“闯”的精神、“创”的劲头、“干”的作风。",
    "优化南京智慧医疗顶层设计，推动全市医疗卫生机构信息系统互联互通、业务协同。",
    "南京市体检综合管理平台接入 {i} 家医院体检中心，实现个人健康画像描绘、健康趋势分析、健康风险预警等。",
    "基于国产开放式版式文档技术的电子病历文件管理和区域应用获得国家、省、市各类荣誉 {j}项。",
    "12320 卫生热线全年受理群众来电 {k} 个，群众满意率持续保持在较高水平。",
    "互联网医院服务门户上线运行，市民可通过健康南京 APP 一站式获取在线咨询、复诊开药、药品配送等服务。",
]
PRIZES = ["一等奖", "二等奖", "三等奖", "优秀组织奖"]

EVALUATIONS = [
    "国家医疗健康信息互联互通标准化成熟度测评",
    "国家医院电子病历系统功能应用水平分级评价",
    "国家医院智慧服务评级",
]
MAJOR_HOSPITALS = {"江苏省人民医院", "南京鼓楼医院", "南京市儿童医院", "江苏省中医院", "南京市妇幼保健院",
                   "东南大学附属中大医院", "南京市第一医院", "南京市中医院", "东部战区总医院"}
TYPO_SWAPS = {"合": "台", "淳": "谆", "浦": "蒲", "溧": "漂", "栖": "柄", "邺": "业", "宁": "宇", "鼓": "豉",
              "儿": "几", "胸": "胞"}


def gazetteer_names() -> dict[str, list[str]]:
    raw = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    return {k: sorted(raw.get(k) or []) for k in ("cities", "districts", "institutions")}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

class Printer:
    """Bulletin-wide typing habits: '2027 年' or '2027年', a space between figure and unit or not."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.p_year_space = rng.choice([0.0, 0.5, 1.0])
        self.p_unit_space = rng.choice([0.0, 0.4, 0.8])

    def y(self, year: int, suffix: str = "年") -> str:
        return f"{year} {suffix}" if self.rng.random() < self.p_year_space else f"{year}{suffix}"

    def fig(self, number: str, unit: str) -> str:
        return f"{number} {unit}" if self.rng.random() < self.p_unit_space else f"{number}{unit}"

    def sp(self, text: str) -> str:
        """A figure or Latin run in running text, maybe with spaces around it."""
        return f" {text} " if self.rng.random() < self.p_unit_space else text


def logu(rng: random.Random, lo: float, hi: float) -> int:
    return int(round(10 ** rng.uniform(math.log10(max(lo, 1)), math.log10(hi))))


def money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).normalize()


def fmt_dec(d: Decimal) -> str:
    return format(d.normalize(), "f")


def num(value) -> int | float | None:
    """A truth number: Decimal → int when whole, else float."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def order_rows(rng: random.Random, items: list[dict], key: str) -> list[dict]:
    how = rng.choices(["desc", "name", "shuffle"], weights=[6, 2, 2])[0]
    if how == "desc":
        return sorted(items, key=lambda r: -(r[key] or 0))
    if how == "name":
        return sorted(items, key=lambda r: r["_name"])
    out = list(items)
    rng.shuffle(out)
    return out


def invent_institution(rng: random.Random) -> str:
    d = rng.choice(DISTRICTS)
    p = rng.choice(PLACES)
    t = rng.randrange(9)
    if t == 0:
        return f"南京市{d}{p}街道社区卫生服务中心"
    if t == 1:
        return f"南京市{d}{p}医院"
    if t == 2:
        return f"南京{p}{rng.choice(SPECIALTIES)}医院"
    if t == 3:
        return f"南京{p}中医门诊部"
    if t == 4:
        return f"江苏{rng.choice(BRANDS)}大药房连锁有限公司{d}{rng.choice(ROADS)}诊所"
    if t == 5:
        return f"南京市{d}{p}街道{rng.choice(ROADS)}社区卫生服务站"
    if t == 6:
        return f"{d}{p}社区卫生服务中心"
    if t == 7:
        return f"南京市{d}人民医院"
    return f"南京{p}{rng.choice(['综合门诊部', '医院', '康复医院'])}"


def campus_name(rng: random.Random) -> str:
    base = rng.choice(CAMPUS_BASES)
    if rng.random() < 0.5:
        return f"{base}（{rng.choice(PLACES)}院区）"
    return f"{base}({rng.choice(ROADS)}院区)"


def pick_institutions(rng: random.Random, n: int, used: set[str] | None = None,
                      p_invented: float = 0.25, p_campus: float = 0.08, hospitals_only: bool = False) -> list[str]:
    out: list[str] = []
    seen = set()
    real = list(REAL_INSTITUTIONS)
    rng.shuffle(real)
    tries = 0
    while len(out) < n and tries < 10 * n + 100:
        tries += 1
        r = rng.random()
        if r < p_campus:
            name = rng.choice(REAL_CAMPUS) if rng.random() < 0.4 else campus_name(rng)
        elif r < p_campus + p_invented or not real:
            name = invent_institution(rng)
        else:
            name = real.pop()
        # one institution whatever its brackets' width ('（丁家庄院区）' and '(丁家庄院区)'): a
        # bulletin never lists it twice, and the comparison keys fold the width
        folded = unicodedata.normalize("NFKC", name)
        if folded in seen or (hospitals_only and (not name.endswith(("院", "所", ")", "）")) or name.endswith("诊所"))):
            continue
        seen.add(folded)
        out.append(name)
    if used is not None:
        used.update(out)
    return out


def extra_column(rng: random.Random, n_rows: int, numeric_ok: bool = True, districts: bool = False) -> tuple[str, list[str]]:
    """An extra column the extractor does not know: its header and its cells."""
    if numeric_ok and rng.random() < 0.5:
        header = rng.choice(["新增指标", "环比增幅", "上年同期", "同比增长"])
        if header in ("环比增幅", "同比增长"):
            cells = [f"{rng.uniform(-30, 80):.1f}%" if rng.random() < 0.9 else "/" for _ in range(n_rows)]
        else:
            cells = [str(logu(rng, 1, 50000)) for _ in range(n_rows)]
        return header, cells
    header = "备注"
    words = ["系统升级", "部分停传", "新接入", "数据补传"] if districts else ["新接入", "试运行", "含分院", "系统升级"]
    cells = [rng.choice(words) if rng.random() < 0.35 else "" for _ in range(n_rows)]
    return header, cells


def insert_extra(rng: random.Random, table: PrintedTable, name: str, b_warnings: list, numeric_ok: bool = True,
                 at_end: bool | None = None) -> None:
    """Maybe add an unknown column; the extractor must warn and still read the known columns."""
    if rng.random() >= 0.15:
        return
    n_data = len(table.rows)
    header, cells = extra_column(rng, n_data, numeric_ok, districts=name in ("family_doctor_referrals",
                                                                            "platform_collection_districts"))
    # where: at the end, or between two top-level column groups after the name column
    bounds = [len(table.columns)]
    if header != "备注" and not at_end:
        j = 0
        while j < len(table.columns):
            col = table.columns[j]
            k = j + 1
            if len(col.header) == 2:
                while k < len(table.columns) and table.columns[k].header[:1] == col.header[:1]:
                    k += 1
            if col.kind == "num" and k < len(table.columns):
                bounds.append(k)
            j = k
    pos = rng.choice(bounds)
    table.columns.insert(pos, Column((header,), "text" if header == "备注" else "num", None))
    for row, cell in zip(table.rows, cells):
        if row.kind == "span":
            row.cells.insert(pos, "")
            row.merge = (0, len(row.cells))
            continue
        row.cells.insert(pos, "" if row.kind == "total" and header == "备注" else cell)
        if row.merge and row.merge[0] >= pos:
            row.merge = (row.merge[0] + 1, row.merge[1] + 1)
    b_warnings.append((name, f"unmapped column header '{header}'"))


def total_label_row(rng: random.Random, n_cols: int, figures: dict[int, str], label_cols: tuple[int, ...]) -> BodyRow:
    """A 合计 row: the label in the first label column, or merged over the label columns."""
    cells = [""] * n_cols
    for i, v in figures.items():
        cells[i] = v
    label = rng.choice(["合计", "合计", "合计", "合  计"])
    if len(label_cols) > 1 and rng.random() < 0.6:
        cells[label_cols[0]] = label
        return BodyRow(cells, "total", merge=(label_cols[0], label_cols[-1] + 1))
    cells[rng.choice(label_cols)] = label
    return BodyRow(cells, "total")


def sum_column(rows: list[dict], key: str) -> Decimal | int | None:
    values = [r[key] for r in rows if r.get(key) is not None]
    if not values:
        return None
    return sum(values, Decimal(0)) if isinstance(values[0], Decimal) else sum(values)


def printed(value) -> str:
    if value is None:
        return "/"
    if isinstance(value, Decimal):
        return fmt_dec(value)
    return str(value)


def total_record(dataset: str, metric: str, value, printed_text: str, unit: str | None = None,
                 source: str = "total_row") -> dict:
    return {"dataset": dataset, "source": source, "metric": metric, "value": num(value), "unit": unit,
            "printed": printed_text}


# --------------------------------------------------------------------------------------------
# The bulletin
# --------------------------------------------------------------------------------------------

class _Builder:
    def __init__(self, seed: int, quirks: bool, draws: frozenset[str] = frozenset()):
        self.seed = seed
        self.rng = random.Random(seed)
        self.quirks = quirks
        self.typo_pairs = stream("typo_pairs", seed) if "typo_pairs" in draws else None
        self.year = self.rng.randint(2019, 2030)
        self.p = Printer(self.rng)
        self.warnings: list[tuple[str, str]] = []
        self.table_names: set[str] = set()  # institutions printed in this bulletin's tables
        self.facts: dict = {}
        # Contradictions printed on purpose: (check, dataset, subject, metric) of the consistency
        # dataset that must come out 'mismatch' (subject None: any).
        self.mismatches: set[tuple[str, str, str | None, str]] = set()

    # ---- small printing helpers
    def Y(self, suffix: str = "年") -> str:
        return self.p.y(self.year, suffix)

    def nyear(self) -> str:
        """'2027年' or '2027年度' in a title."""
        return self.Y(self.rng.choice(["年", "年度", "年度"]))

    # ---- statistics tables ------------------------------------------------------------------
    def physical_exam_reports(self) -> Section:
        rng, Y = self.rng, self.year
        n = rng.randint(3, 20)
        names = pick_institutions(rng, n, self.table_names)
        items = []
        for name in names:
            ra = logu(rng, 10, 120000)
            rec_a = ra * rng.randint(60, 220)
            rc = ra if rng.random() < 0.2 else int(ra * rng.uniform(1.0, 4.5))
            rec_c = rec_a if rc == ra else rec_a + int((rc - ra) * rng.uniform(80, 200))
            items.append({"_name": name, "reports_annual": ra, "records_annual": rec_a, "reports_cumulative": rc,
                          "records_cumulative": rec_c})
        self.facts["physical_exam_centres"] = len(items)
        items = order_rows(rng, items, rng.choice(["reports_annual", "reports_cumulative"]))
        inst_head = rng.choices(["单位", "医疗机构", "单位名称", "医院"], weights=[7, 1, 1, 1])[0]
        cols = [Column(("序号",), "seq", "seq"), Column((inst_head,), "name", "institution"),
                Column((f"{self.Y()}报告数量",), "num", "reports_annual"),
                Column((f"{self.Y()}数据条数",), "num", "records_annual"),
                Column(("累计报告数量",), "num", "reports_cumulative"),
                Column(("累计数据条数",), "num", "records_cumulative")]
        return self._seq_table("physical_exam_reports", f"{self.nyear()}南京市体检综合管理平台数据量统计", cols, items,
                               notes=self._exam_note())

    def _exam_note(self) -> list[str]:
        if self.rng.random() < 0.5:
            return []
        launch = self.year - self.rng.choice([0, 0, 1, 2])
        return [f"注：南京市体检综合管理平台{self.p.sp(self.Y())}{self.rng.randint(1, 12)} 月上线，目前体检数据已汇入居民电子健康档案供医生"
                f"工作站及市民调阅。".replace(str(self.year), str(launch), 1)]

    def _seq_table(self, name: str, title: str, cols: list[Column], items: list[dict], notes: list[str],
                   preamble: list[str] | None = None, extra_ok: bool = True) -> Section:
        """A table '序号 | 单位 | figures…' with a 合计 row summing every figure column."""
        rng = self.rng
        data_rows, truth = [], []
        for seq, item in enumerate(items, 1):
            record = {"seq": seq, "institution": item["_name"]}
            cells = []
            for col in cols:
                if col.field == "seq":
                    cells.append(str(seq))
                elif col.field == "institution":
                    cells.append(item["_name"])
                else:
                    cells.append(printed(item[col.field]))
                    record[col.field] = num(item[col.field])
            data_rows.append(BodyRow(cells))
            truth.append(record)
        totals, figures = [], {}
        for j, col in enumerate(cols):
            if col.kind == "num" and col.field:
                s = sum_column(items, col.field)
                figures[j] = printed(s)
                totals.append(total_record(name, col.field, s, printed(s)))
        table = PrintedTable(cols, data_rows + [total_label_row(rng, len(cols), figures, (0, 1))])
        if extra_ok:
            insert_extra(rng, table, name, self.warnings)
        return Section(name, title, preamble=preamble or [], table=table, notes=notes,
                       rows={name: truth, "totals": totals})

    def appointments_12320(self) -> Section:
        rng = self.rng
        n = rng.randint(3, 45)
        names = pick_institutions(rng, n, self.table_names)
        items = []
        for i, name in enumerate(names):
            scale = logu(rng, 2, 200000)
            online = scale
            quick = int(scale * rng.uniform(0, 0.2)) if rng.random() < 0.8 else 0
            clinic = int(scale * rng.uniform(0, 2)) if rng.random() < 0.12 else 0
            third = int(scale * rng.uniform(0, 3)) if rng.random() < 0.6 else 0
            if rng.random() < 0.04:
                third = int(scale * rng.uniform(10, 40))
            items.append({"_name": name, "online_12320": online, "quick_booking": quick, "in_clinic": clinic,
                          "third_party": third, "subtotal": online + quick + clinic + third})
        items = order_rows(rng, items, "subtotal")
        self.facts["quick_booking_total"] = sum(i["quick_booking"] for i in items)
        cols = [Column(("序号",), "seq", "seq"),
                Column((rng.choices(["单位", "医疗机构", "单位名称"], weights=[8, 1, 1])[0],), "name", "institution"),
                Column((rng.choice(["12320 在线预约", "12320在线预约"]),), "num", "online_12320"),
                Column(("快速预约",), "num", "quick_booking"), Column(("诊间预约",), "num", "in_clinic"),
                Column(("第三方",), "num", "third_party"), Column(("小计",), "num", "subtotal")]
        sec = self._seq_table("appointments_12320", f"{self.nyear()}{self.p.sp('12320')}预约挂号服务统计".replace("  ", " "),
                              cols, items, notes=[])
        alltime = sum(i["subtotal"] for i in items) * rng.randint(5, 14) + rng.randint(0, 99999)
        fig = self.p.fig(str(alltime), "次")
        y = self.Y()
        sec.notes = [rng.choice([f"（截止 {y}底，总预约挂号量为 {fig}）", f"（截止{y}底，总预约挂号量为{fig}）",
                                 f"（截至{self.p.sp(y)}底，总预约挂号量为{fig}）"]).replace("  ", " ")]
        sec.rows["totals"].append(total_record("appointments_12320", "appointments_all_time", alltime, fig, "次", "note"))
        return sec

    def online_booking_channels(self) -> Section:
        rng = self.rng
        n = rng.randint(3, 9)
        names = rng.sample(CHANNELS, n)
        items = []
        for name in names:
            v = logu(rng, 100, 200000)
            if name == "12320 快速预约" and "quick_booking_total" in self.facts:
                v = self.facts["quick_booking_total"]
            items.append({"_name": name, "bookings": v})
        if rng.random() < 0.7:
            items.sort(key=lambda r: -r["bookings"])
        half = (n + 1) // 2
        head = ("序号",), ("名称",), ("预约数量",)
        cols = [Column(head[0], "seq", "seq"), Column(head[1], "name", "channel"), Column(head[2], "num", "bookings")] * 2
        cols = [Column(c.header, c.kind, c.field) for c in cols]
        rows, truth = [], []
        for i in range(half):
            cells = []
            for k in (i, i + half):
                if k < n:
                    cells += [str(k + 1), items[k]["_name"], str(items[k]["bookings"])]
                else:
                    cells += ["", "", ""]
            rows.append(BodyRow(cells))
        for k, item in enumerate(items):
            truth.append({"seq": k + 1, "channel": item["_name"], "bookings": item["bookings"]})
        total = sum(i["bookings"] for i in items)
        label = rng.choice(["合计：", "合计：", "合计:", "合计： "]) + str(total)
        rows.append(BodyRow([label] + [""] * 5, "span", merge=(0, 6)))
        table = PrintedTable(cols, rows)
        pre = ["（不包含 12320 电话预约、医院诊间预约、医院自有途径预约）"] if rng.random() < 0.85 else []
        return Section("online_booking_channels", f"{self.nyear()}线上预约情况统计", preamble=pre, table=table,
                       rows={"online_booking_channels": truth,
                             "totals": [total_record("online_booking_channels", "bookings", total, str(total))]})

    def internet_hospitals(self) -> Section:
        rng = self.rng
        n = rng.randint(3, 45)
        names = pick_institutions(rng, n, self.table_names, p_invented=0.35)
        groups = [("预约挂号", "appointments"), ("咨询数据", "consultations"), ("就诊数据", "visits"),
                  ("在线处方", "prescriptions")]
        if rng.random() < 0.4:
            rng.shuffle(groups)
        items = []
        for name in names:
            item = {"_name": name}
            base = logu(rng, 1, 300000)
            for _, key in groups:
                if rng.random() < 0.15:
                    a = 0
                else:
                    a = int(base * rng.uniform(0.0, 1.0))
                c = a if rng.random() < 0.15 else a + logu(rng, 1, max(2, base * 2))
                if rng.random() < 0.05:
                    a, c = 0, 0
                item[f"{key}_annual"] = a
                item[f"{key}_cumulative"] = c
            items.append(item)
        items = order_rows(rng, items, rng.choice(["appointments_cumulative", "appointments_annual"]))
        inst_head = rng.choices(["单位", "医疗机构", "单位名称"], weights=[8, 1, 1])[0]
        cols = [Column(("序号",), "seq", "seq"), Column((inst_head,), "name", "institution")]
        for label, key in groups:
            cols.append(Column((label, f"{self.Y()}{rng.choice(['总量', '总量', '度总量'])}"), "num", f"{key}_annual"))
            cols.append(Column((label, "累计总量"), "num", f"{key}_cumulative"))
        sec = self._seq_table("internet_hospitals", f"{self.nyear()}南京市互联网医院诊疗数据统计", cols, items, notes=[])
        licensed = n + rng.randint(0, 25)
        portal = rng.randint(max(1, n // 2), n)
        f1, f2, f3 = self.p.fig(str(licensed), "家"), self.p.fig(str(n), "家"), self.p.fig(str(portal), "家")
        sec.notes = [f"注：南京市批准并准入{self.p.sp(f1).rstrip()}医疗机构互联网医院牌照，正常提供互联网服务{self.p.sp(f2).rstrip()}，"
                     f"其中{self.p.sp(f3).rstrip()}已接入市互联网医院服务门户。"]
        sec.rows["totals"] += [
            total_record("internet_hospitals", "licensed_internet_hospitals", licensed, f1, "家", "note"),
            total_record("internet_hospitals", "internet_hospitals_in_service", n, f2, "家", "note"),
            total_record("internet_hospitals", "internet_hospitals_on_city_portal", portal, f3, "家", "note"),
        ]
        return sec

    def family_doctor_referrals(self) -> Section:
        rng = self.rng
        districts = list(DISTRICTS)
        if rng.random() < 0.3:
            districts = [d for d in districts if rng.random() < 0.75] or districts[:3]
        if rng.random() < 0.25:
            rng.shuffle(districts)
        types = [("门诊转诊", "outpatient"), ("检验检查转诊", "lab_exam"), ("床位转诊", "inpatient_bed")]
        cols = [Column((rng.choice(["行政区划", "行政区划", "辖区"]),), "label", "district")]
        for label, key in types + [("各类转诊总量", "all_types")]:
            cols.append(Column((label, f"{self.Y()}总量"), "num", f"{key}_annual"))
            cols.append(Column((label, "累计总量"), "num", f"{key}_cumulative"))
        rows, truth, wide = [], [], []
        off_by = 0
        for d in districts:
            rec = {}
            for _, key in types:
                a = logu(rng, 1, 400) - 1 if rng.random() < 0.85 else 0
                c = a + logu(rng, 1, 900) - 1
                rec[f"{key}_annual"], rec[f"{key}_cumulative"] = a, c
            for period in ("annual", "cumulative"):
                rec[f"all_types_{period}"] = sum(rec[f"{k}_{period}"] for _, k in types)
            if rng.random() < 0.04:  # a printed row total that is off by one, kept as printed
                delta = rng.choice([-1, 1]) if rec["all_types_annual"] > 0 else 1
                rec["all_types_annual"] += delta
                off_by += delta
                self.mismatches.add(("row_subtotal", "family_doctor_referrals", d, "all_types_annual"))
            wide.append(rec)
            rows.append(BodyRow([d] + [str(rec[c.field]) for c in cols[1:]]))
            for _, key in types + [("", "all_types")]:
                for period in ("annual", "cumulative"):
                    truth.append({"district": d, "referral_type": key, "period": period,
                                  "count": rec[f"{key}_{period}"]})
        figures, totals = {}, []
        for j, col in enumerate(cols[1:], 1):
            s = sum(r[col.field] for r in wide)
            figures[j] = str(s)
            totals.append(total_record("family_doctor_referrals", col.field, s, str(s)))
        if off_by:  # the 合计 row adds the printed totals, which no longer add up by type
            self.mismatches.add(("row_subtotal", "family_doctor_referrals", "合计", "all_types_annual"))
        table = PrintedTable(cols, rows + [total_label_row(rng, len(cols), figures, (0,))])
        insert_extra(rng, table, "family_doctor_referrals", self.warnings, at_end=True)
        return Section("family_doctor_referrals", f"{self.nyear()}南京市家庭医生分级诊疗系统转诊数据统计", table=table,
                       rows={"family_doctor_referrals": truth, "totals": totals})

    def health_certificates(self) -> Section:
        rng = self.rng
        cols = [Column((rng.choice(["类别", "类别", "统计期"]),), "label", "period"),
                Column(("用人单位数",), "num", "employers"), Column(("个人用户数",), "num", "individual_users"),
                Column(("预约订单数",), "num", "appointment_orders"),
                Column(("电子健康证数",), "num", "electronic_certificates")]
        ann = {"employers": logu(rng, 2000, 30000), "individual_users": logu(rng, 30000, 400000)}
        ann["appointment_orders"] = int(ann["individual_users"] * rng.uniform(3, 8))
        ann["electronic_certificates"] = int(ann["appointment_orders"] * rng.uniform(0.85, 1.0))
        cum = {k: int(v * rng.uniform(2.5, 9)) for k, v in ann.items()}
        rows = [BodyRow([self.Y()] + [str(ann[c.field]) for c in cols[1:]]),
                BodyRow(["累计"] + [str(cum[c.field]) for c in cols[1:]])]
        truth = [{"period": "annual", **ann}, {"period": "cumulative", **cum}]
        table = PrintedTable(cols, rows)
        insert_extra(rng, table, "health_certificates", self.warnings)
        return Section("health_certificates", f"{self.nyear()}南京市从业人员健康证系统数据统计", table=table,
                       rows={"health_certificates": truth, "totals": []})

    def _platform(self, name: str, entities: list[str], entity_field: str, head: str) -> tuple[PrintedTable, list]:
        rng = self.rng
        leap = self.year % 4 == 0 and (self.year % 100 != 0 or self.year % 400 == 0)
        forms = rng.choice([11, 11, 11, 12, 15])
        items = []
        for e in entities:
            sched = logu(rng, 1_000_000, 400_000_000) if rng.random() > 0.04 else 0
            days = rng.randint(0, 366 if leap else 365) if rng.random() < 0.3 else rng.randint(150, 366 if leap else 365)
            up = forms if rng.random() < 0.65 else rng.randint(0, forms)
            visits = logu(rng, 10_000, 8_000_000) if rng.random() > 0.04 else 0
            rev_o = money(visits * rng.randint(2_000, 9_000) // 100) if visits else None
            dis = logu(rng, 1_000, 250_000) if visits else 0
            rev_i = money(dis * rng.randint(80_000, 300_000) // 100) if dis else None
            if visits and rng.random() < 0.04:
                rev_o = None  # '/' printed though visits are known
            items.append({"_name": e, "scheduled_upload_records": sched, "realtime_upload_days": days,
                          "realtime_forms_uploaded": up, "realtime_forms_total": forms, "outpatient_visits": visits,
                          "outpatient_revenue_thousand_yuan": rev_o, "discharges": dis,
                          "inpatient_revenue_thousand_yuan": rev_i})
        if rng.random() < 0.75:
            items.sort(key=lambda r: -r["scheduled_upload_records"])
        else:
            items = order_rows(rng, items, "outpatient_visits")
        cols = [Column((head,), "name", entity_field), Column(("定时数据上传量",), "num", "scheduled_upload_records"),
                Column(("实时数据上传天数",), "num", "realtime_upload_days"),
                Column(("实时数据表单上传情况",), "num", "realtime_forms"),
                Column(("门急诊信息", "人次"), "num", "outpatient_visits"),
                Column(("门急诊信息", "收入（千元）"), "num", "outpatient_revenue_thousand_yuan"),
                Column(("出院信息", "人次"), "num", "discharges"),
                Column(("出院信息", "住院收入（千元）"), "num", "inpatient_revenue_thousand_yuan")]
        rows, truth = [], []
        for it in items:
            cells = [it["_name"]]
            rec = {entity_field: it["_name"]}
            for col in cols[1:]:
                if col.field == "realtime_forms":
                    cells.append(f"{it['realtime_forms_uploaded']}/{it['realtime_forms_total']}")
                    rec["realtime_forms_uploaded"] = it["realtime_forms_uploaded"]
                    rec["realtime_forms_total"] = it["realtime_forms_total"]
                else:
                    cells.append(printed(it[col.field]))
                    rec[col.field] = num(it[col.field])
            rows.append(BodyRow(cells))
            truth.append(rec)
        totals = []
        if rng.random() < 0.3:  # the 2024 bulletin prints none; another year might
            figures = {}
            for j, col in enumerate(cols):
                if col.field in ("scheduled_upload_records", "outpatient_visits", "outpatient_revenue_thousand_yuan",
                                 "discharges", "inpatient_revenue_thousand_yuan"):
                    s = sum_column(items, col.field)
                    figures[j] = printed(s)
                    if s is not None:
                        totals.append(total_record(name, col.field, s, printed(s)))
            rows.append(total_label_row(rng, len(cols), figures, (0,)))
        table = PrintedTable(cols, rows)
        insert_extra(rng, table, name, self.warnings)
        return table, [truth, totals]

    def platform_collection_districts(self) -> Section:
        districts = list(DISTRICTS)
        if self.rng.random() < 0.25:
            districts = [d for d in districts if self.rng.random() < 0.8] or districts[:4]
        table, (truth, totals) = self._platform("platform_collection_districts", districts, "district", "接入单位")
        return Section("platform_collection_districts", f"{self.nyear()}南京市卫生信息平台数据采集情况（区）", table=table,
                       rows={"platform_collection_districts": truth, "totals": totals})

    def platform_collection_hospitals(self) -> Section:
        rng = self.rng
        names = pick_institutions(rng, rng.randint(3, 45), self.table_names, p_invented=0.15, hospitals_only=True)
        table, (truth, totals) = self._platform("platform_collection_hospitals", names, "institution", "接入单位")
        f = self.p.fig
        recs = Decimal(rng.randint(5000, 40000)) / 100  # 亿
        mpi = rng.randint(1500, 4000)  # 万
        ehr = rng.randint(400, 1200)  # 万
        views = rng.randint(200, 3000)  # 万
        shared = Decimal(rng.randint(50, 900)) / 100  # 亿
        figs = [
            ("valid_records_collected_cumulative", "累计采集有效数据", recs, "亿", "条"),
            ("master_patient_index_records", "主索引", Decimal(mpi), "万", "条"),
            ("electronic_health_records", "建立居民电子健康档案", Decimal(ehr), "万", "份"),
            ("smart_reminder_and_record_views_cumulative", "智能提示、健康档案调阅累计使用", Decimal(views), "万", "次"),
            ("data_shared_with_primary_care", "向基层共享数据", shared, "亿", "条"),
        ]
        parts = []
        for metric, label, value, mult, unit in figs:
            text = f(fmt_dec(value), mult + unit) if rng.random() < 0.7 else f(fmt_dec(value), mult) + unit
            parts.append(f"{label}{text}")
            expanded = value * (10 ** 8 if mult == "亿" else 10 ** 4)
            totals.append(total_record("platform_collection_hospitals", metric, expanded, text, unit, "note"))
        note = "注：" + "，".join(parts) + "。"
        return Section("platform_collection_hospitals", f"{self.nyear()}南京市卫生信息平台数据采集情况（医院）",
                       table=table, notes=[note],
                       rows={"platform_collection_hospitals": truth, "totals": totals})

    # ---- prose sections ----------------------------------------------------------------------
    def development_index(self) -> Section:
        rng, Y = self.rng, self.year
        bracket = rng.choice([("(", ")"), ("（", "）")])
        index_name = f"全国卫生健康信息化发展指数{bracket[0]}{Y}{bracket[1]}"
        peer = rng.choice(["直辖市、副省级城市及省会城市", "直辖市、副省级城市及省会城市", "副省级城市及省会城市",
                           "全国重点城市"])
        rank = rng.randint(1, 10)
        r = ZH_NUM[rank]
        shape = rng.choices(range(4), weights=[5, 2, 2, 1])[0]
        if shape == 0:
            text = f"{self.Y()}，{index_name}发布，南京市在{peer}的卫生健康信息化发展总指数中排名第{r}。"
        elif shape == 1:
            text = (f"{self.Y()}{self.p.sp(str(rng.randint(5, 11)))}月，国家卫生健康委发布{index_name}，"
                    f"南京市在{peer}的总指数排名中位列第{r}。")
        elif shape == 2:
            text = f"{index_name}显示，南京市在{peer}的发展总指数中位居第{r}，继续保持前列。"
        else:
            text = f"{self.Y()}，{index_name}发布，南京市在{peer}中排名第{r}。"
        self.facts["dev_rank"] = (peer, r)
        return Section("development_index", f"全国卫生健康信息化发展指数（{Y}）", paragraphs=[text],
                       rows={"development_index": [{"index_name": index_name, "peer_group": peer, "rank": rank}]})

    def evaluation_ratings(self) -> Section:
        rng = self.rng
        gaz = gazetteer_names()
        pool = sorted(set(gaz["institutions"]) | {n for n in self.table_names
                                                  if "(" not in n and "（" not in n and n.endswith("医院")})
        rng.shuffle(pool)
        districts = list(gaz["districts"])
        rng.shuffle(districts)

        interop = [("五级乙等", "达到互联互通", "")]
        if self.year >= 2025 and rng.random() < 0.4:
            interop.insert(0, ("五级甲等", "达到互联互通", ""))
        interop.append(("四级甲等", "获得", ""))
        emr = ([("七级", "达到", "水平")] if rng.random() < 0.3 else []) + [("六级", "达到", "水平"), ("五级", "达", "水平")]
        smart = ([("四级", "获得", "")] if rng.random() < 0.3 else []) + [("三级", "获得", "")]
        paragraphs, truth = [], []
        counts: dict[str, int] = {}
        for number, (evaluation, levels) in enumerate(zip(EVALUATIONS, [interop, emr, smart]), 1):
            used_inst: set[str] = set()
            clauses = []
            for li, (level, verb, suffix) in enumerate(levels):
                names: list[tuple[str, str]] = []
                if evaluation == EVALUATIONS[0]:
                    k = rng.randint(1, 4) if li == 0 else rng.randint(2, 7)
                    ds = [districts.pop() for _ in range(min(k, len(districts)))]
                    if li == 0:
                        names.append(("南京市", "city"))
                    names += [(d, "district") for d in ds]
                    counts[f"interop_{level}_districts"] = len(ds)
                    n_inst = rng.randint(2, 6) if li == 0 else rng.randint(5, 18)
                else:
                    n_inst = rng.randint(1, 4) if li == 0 and len(levels) > 1 else rng.randint(4, 16)
                # the big hospitals tend to reach the top levels; every evaluation its own list
                weight = {x: rng.random() * (0.4 if x in MAJOR_HOSPITALS and li == 0 else 1.0) for x in pool}
                inst = sorted((x for x in pool if x not in used_inst), key=weight.get)[:n_inst]
                used_inst.update(inst)
                names += [(x, "institution") for x in inst]
                counts[f"{number}_{level}_inst"] = len(inst)
                rows = [{"evaluation": evaluation, "level": level, "institution": x, "institution_type": t,
                         "list_position": i, "source_quirk": None} for i, (x, t) in enumerate(names, 1)]
                printed_names = [x for x, _ in names]
                seps = ["、"] * (len(names) - 1)
                if names and names[0][1] == "city" and len(names) > 1:
                    seps[0] = "和"
                if self.quirks:
                    self._plant_quirks(rows, printed_names, seps, evaluation, level)
                text = printed_names[0] + "".join(s + x for s, x in zip(seps, printed_names[1:]))
                clauses.append(f"{text}{verb}{level}{suffix}")
                truth += rows
            paragraphs.append(f"{number}、{evaluation}：" + "；".join(clauses) + "。")
        self.facts["eval_counts"] = counts
        self.facts["interop_levels"] = [lv for lv, _, _ in interop]
        self.facts["emr_levels"] = [lv for lv, _, _ in emr]
        self.facts["smart_levels"] = [lv for lv, _, _ in smart]
        title = rng.choice(["南京市医疗机构国家三项测评成绩", "南京市医疗机构国家三项测评成绩",
                            f"{self.nyear()}南京市医疗机构国家三项测评成绩"])
        return Section("evaluation_ratings", title, paragraphs=paragraphs, rows={"evaluation_ratings": truth})

    def _plant_quirks(self, rows: list[dict], names: list[str], seps: list[str], evaluation: str, level: str) -> None:
        rng = self.rng
        inst = [i for i, r in enumerate(rows) if r["institution_type"] == "institution"]
        # run two neighbouring institutions together (no 、 between them)
        pairs = [i for i in inst if i + 1 in inst]
        if pairs and rng.random() < 0.5:
            i = rng.choice(pairs)
            seps[i] = ""
            rows[i]["source_quirk"] = rows[i + 1]["source_quirk"] = "run_together"
            if self.typo_pairs is not None and self.typo_pairs.random() < 0.6:
                # one of the two run together is misprinted too ('南京鼓搂医院南京市儿童医院'): still two
                # institutions, the misprint kept and flagged as such
                j = self.typo_pairs.choice([i, i + 1])
                if any(ch in TYPO_SWAPS for ch in names[j][2:]):
                    pos = self.typo_pairs.choice([p for p, ch in enumerate(names[j]) if ch in TYPO_SWAPS and p >= 2])
                    names[j] = rows[j]["institution"] = names[j][:pos] + TYPO_SWAPS[names[j][pos]] + names[j][pos + 1:]
                    rows[j]["source_quirk"] = "suspected_typo"
                    self.warnings.append(("evaluation_ratings", names[j]))
        # a one-character typo in an institution name
        candidates = [i for i in inst if rows[i]["source_quirk"] is None
                      and any(ch in TYPO_SWAPS for ch in names[i][2:])]
        if candidates and rng.random() < 0.4:
            i = rng.choice(candidates)
            name = names[i]
            pos = rng.choice([p for p, ch in enumerate(name) if ch in TYPO_SWAPS and p >= 2])
            typo = name[:pos] + TYPO_SWAPS[name[pos]] + name[pos + 1:]
            names[i] = typo
            rows[i]["institution"] = typo
            rows[i]["source_quirk"] = "suspected_typo"
            self.warnings.append(("evaluation_ratings", typo))

    def remote_medicine(self) -> Section:
        rng, p = self.rng, self.p
        pool = list(REMOTE_NEW)
        rng.shuffle(pool)
        truth, paragraphs = [], []

        def new_clause(row: dict) -> str:
            k = rng.choices([0, 1, 2, 3, 4], weights=[1, 4, 3, 2, 1])[0]
            if k == 0:
                return ""
            names = [pool.pop() for _ in range(k)]
            row["new_institutions"] = "、".join(names)
            row["new_institutions_count"] = k
            if k == 1:
                return f"{self.Y()}新增接入机构为{names[0]}"
            return f"{self.Y()}新增接入机构{p.sp(str(k))}家，分别是{'、'.join(names)}"

        def blank(system: str, connected: int) -> dict:
            return {"system": system, "institutions_connected": connected, "new_institutions_count": None,
                    "new_institutions": None, "consultations_annual": None, "consultations_annual_is_approximate": None,
                    "consultations_cumulative": None, "reports_annual": None, "specimens_annual": None,
                    "domestic_replacement_completed": None}

        def wan(lo: int, hi: int) -> tuple[str, int]:
            if rng.random() < 0.3:
                d = Decimal(rng.randint(lo * 10, hi * 10)) / 10
            else:
                d = Decimal(rng.randint(lo, hi))
            return fmt_dec(d), int(d * 10000)

        def consult(row: dict, unit: str) -> str:
            """Annual and/or cumulative consultations, exact or '余'."""
            shape = rng.choices(["cum", "ann", "both"], weights=[4, 3, 2])[0]
            out = []
            if shape in ("ann", "both"):
                approx = rng.random() < 0.4
                a = rng.randint(1, 30) * 100 if approx else logu(rng, 10, 20000)
                row["consultations_annual"] = a
                row["consultations_annual_is_approximate"] = approx
                out.append(rng.choice(["开展会诊", "全年开展会诊", "通过平台开展各类会诊"]) + p.fig(str(a), ("余" if approx else "") + unit))
            if shape in ("cum", "both"):
                c = (row["consultations_annual"] or 0) + logu(rng, 20, 50000)
                row["consultations_cumulative"] = c
                out.append(rng.choice(["累计开展会诊", "累计通过平台开展各类会诊"]) + p.fig(str(c), unit))
            return "，".join(out) + "。"

        # 1 会诊
        row = blank("南京市远程医学会诊系统", rng.randint(30, 120))
        new = new_clause(row)
        text = f"南京市远程医学会诊系统累计接入{p.sp(str(row['institutions_connected']))}家医疗机构" + (f"，{new}。" if new else "。")
        text += consult(row, rng.choice(["次", "例"]))
        paragraphs.append(text)
        truth.append(row)
        # 2 临检
        row = blank("南京市远程临检诊断系统", rng.randint(80, 250))
        new = new_clause(row)
        rep, rep_v = wan(50, 900)
        spe, spe_v = wan(3, 60)
        row["reports_annual"], row["specimens_annual"] = rep_v, spe_v
        text = f"南京市远程临检诊断系统累计接入{p.sp(str(row['institutions_connected']))}家医疗机构" + (f"，{new}。" if new else "。")
        text += f"{self.Y()}共采集检验报告{p.sp(rep).rstrip()}万份，通过平台流转标本{p.sp(spe).rstrip()}万份。".replace("  ", " ")
        if rng.random() < 0.4:
            ds = rng.sample(DISTRICTS, rng.randint(1, 4))
            text += f"（{'、'.join(ds)}区域临床检验检查系统升级于{p.sp(self.Y())}{rng.randint(1, 12)} 月恢复数据采集）"
        paragraphs.append(text)
        truth.append(row)
        # 3 心电
        row = blank("南京市远程心电诊断监测系统", rng.randint(80, 250))
        dom = rng.random() < 0.5
        text = f"南京市远程心电诊断监测系统接入{p.sp(str(row['institutions_connected']))}家医疗机构"
        text += "，并完成了系统的国产化替代。" if dom else "。"
        row["domestic_replacement_completed"] = True if dom else None
        new = new_clause(row)
        text += f"{new}。" if new else ""
        rep, rep_v = wan(5, 120)
        row["reports_annual"] = rep_v
        text += f"{self.Y()}共采集心电病例报告{p.sp(rep).rstrip()}万份，" + consult(row, "例")
        paragraphs.append(text)
        truth.append(row)
        # 4 影像
        row = blank("南京市远程影像诊断系统", rng.randint(80, 250))
        dom = rng.random() < 0.5
        text = f"南京市远程影像诊断系统接入{p.sp(str(row['institutions_connected']))}家医疗机构"
        text += "并完成了系统的国产化替代。" if dom else "。"
        row["domestic_replacement_completed"] = True if dom else None
        new = new_clause(row)
        text += f"{new}。" if new else ""
        text += consult(row, "例")
        paragraphs.append(text)
        truth.append(row)
        paragraphs = [t.replace("  ", " ") for t in paragraphs]
        return Section("remote_medicine", f"{self.nyear()}南京市远程医疗数据", paragraphs=paragraphs,
                       rows={"remote_medicine": truth})

    def hotline_12320(self) -> Section:
        rng, p = self.rng, self.p
        parts = [("consultations", "咨询类", logu(rng, 20000, 150000), "个"),
                 ("medical_complaints", "医疗投诉", logu(rng, 3000, 40000), "个"),
                 ("phone_appointments", "电话预约", logu(rng, 40000, 300000), "个"),
                 ("manual_service", "人工服务", logu(rng, 30000, 200000), "通"),
                 ("psychological_crisis_intervention", "心理危机干预", logu(rng, 1000, 20000), "通"),
                 ("self_service_voice_qa", "自助语音问答", logu(rng, 1000, 30000), "个")]
        total = sum(v for _, _, v, _ in parts)
        tickets = [("city_12345_tickets", "市 12345 工单", logu(rng, 5000, 80000), "件"),
                   ("province_12345_tickets", "省 12345 工单", logu(rng, 3000, 40000), "件"),
                   ("self_received_tickets", "自接工单", logu(rng, 3000, 40000), "件")]
        f = p.fig

        def fg(v, u):
            s = f(str(v), u)
            return f" {s}" if rng.random() < p.p_unit_space else s

        def lab(text):
            return text if rng.random() < p.p_unit_space else text.replace(" ", "")

        text = (f"{self.Y()}，南京{p.sp('12320')}卫生热线共受理咨询电话{fg(total, '个')}，其中"
                + "、".join(f"{label}{fg(v, u)}" for _, label, v, u in parts)
                + f"，受理{lab(tickets[0][1])}{fg(tickets[0][2], '件')}，{lab(tickets[1][1])}{fg(tickets[1][2], '件')}，"
                f"{tickets[2][1]}{fg(tickets[2][2], '件')}。")
        text = text.replace("  ", " ")
        truth = [{"metric": "calls_received", "label_zh": "共受理咨询电话", "value": total, "unit": "个"}]
        truth += [{"metric": m, "label_zh": label, "value": v, "unit": u} for m, label, v, u in parts + tickets]
        title = f"南京{self.p.sp('12320')}卫生热线{self.nyear()}数据统计".replace("  ", " ").strip()
        return Section("hotline_12320", title, paragraphs=[text], rows={"hotline_12320": truth})

    # ---- events -------------------------------------------------------------------------------
    def events(self, present: set[str]) -> Section:
        rng = self.rng
        a_titles = rng.sample(EVENT_TITLES_A, 10)
        b_titles = rng.sample(EVENT_TITLES_B, 10)
        sentences = list(EVENT_SENTENCES)
        rng.shuffle(sentences)
        fill = dict(a=rng.randint(1, 5), b=rng.randint(1, 4), c=rng.randint(2, 20) * 10, prize=rng.choice(PRIZES),
                    d=rng.randint(2, 30), e=rng.randint(10, 900), f=rng.randint(50, 400), g=rng.randint(300, 1200),
                    h=rng.randint(40, 120), i=rng.randint(3, 20), j=rng.randint(2, 9), k=rng.randint(200000, 500000))
        if "physical_exam_centres" in self.facts:  # the event restates the table's row count
            fill["i"] = self.facts["physical_exam_centres"]
        special = []
        counts = self.facts.get("eval_counts")
        if counts and "evaluation_ratings" in present:
            top = self.facts["interop_levels"][0]
            nd = counts.get(f"interop_{top}_districts", 0)
            ni = counts.get(f"1_{top}_inst", 0)
            s = f"南京市和{self.p.sp(str(nd)).lstrip()}个区、{self.p.sp(str(ni)).lstrip()}家医院获得国家互联互通测评{top}"
            second = self.facts["interop_levels"][1]
            s += (f"，{counts.get(f'interop_{second}_districts', 0)} 个区和 {counts.get(f'1_{second}_inst', 0)}"
                  f" 家医院获得{second}。")
            special.append(s)
        if "dev_rank" in self.facts and "development_index" in present:
            peer, r = self.facts["dev_rank"]
            special.append(f"国家卫健委发布全国卫生健康信息化发展指数（{self.year}），南京市在{peer}中保持了第{r}名的成绩。")
        events, truth = [], []
        used = 0
        for i in range(10):
            title = f"{a_titles[i]}，{b_titles[i]}"
            k = rng.randint(2, 4)
            body_parts = []
            if i == 1 and special:
                body_parts = list(special)
                k = max(0, k - len(special))
            body_parts += [s.format(**fill) for s in sentences[used:used + k]]
            used += k
            if used > len(sentences) - 4:
                used = 0
            body = "".join(body_parts).replace("  ", " ")
            events.append(f"{ZH_NUM[i + 1]}、{title}。{body}")
            truth.append({"number": i + 1, "number_zh": ZH_NUM[i + 1], "title": title, "body": body})
        return Section("events", f"{self.nyear()}南京市卫生信息中心十件大事", paragraphs=events, rows={"events": truth})


def make_bulletin(seed: int, *, quirks: bool = False, draws: frozenset[str] | None = None) -> Bulletin:
    """One synthetic bulletin, fully determined by `seed` and `draws` (the draw families of
    draws.py; default: all but those BULLETIN_SYNTH_OFF names). `quirks` plants run-together names
    and one-character typos in the evaluation lists (with their expected source_quirk and warning)."""
    draws = default_draws() if draws is None else frozenset(draws)
    b = _Builder(seed, quirks, draws)
    rng = b.rng
    order = list(STAT_SECTIONS)
    if rng.random() < 0.4:
        rng.shuffle(order)
    elif rng.random() < 0.5:
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    missing = [name for name in order if rng.random() < 0.10]
    present = [name for name in order if name not in missing]
    # tables first (their names feed the evaluation lists), then prose, printed in `order`
    build_order = sorted(present, key=lambda n: (n in ("evaluation_ratings", "development_index", "remote_medicine",
                                                       "hotline_12320"), n == "online_booking_channels"))
    built = {name: getattr(b, name)() for name in build_order}
    if "thousands" in draws:
        thousands_separators(stream("thousands", seed), list(built.values()))
    events = b.events(set(present))
    for name in missing:
        b.warnings.append(("", f"section {name} not found"))
    if "physical_exam_reports" in missing and any("家医院体检中心" in p for p in events.paragraphs):
        # an event says '体检综合管理平台接入 7 家医院体检中心' but the bulletin prints no such table:
        # the extractor's completeness check (schemas/claims.yaml) must say a table may be missing
        b.warnings.append(("", "no physical_exam_reports table was read"))
    if "bands" in draws:
        header_bands(stream("bands", seed), built, b.warnings)
    sections = [built[n] for n in order if n in built]
    if "unknown_sections" in draws:
        unknown_sections(stream("unknown_sections", seed), b.year, sections, b.warnings)
    if "spacing" in draws:
        letter_spacing(stream("spacing", seed), sections, b.warnings)
    issue = dt.date(b.year + 1, rng.choice([1, 1, 1, 2, 2, 3]), rng.randint(2, 28))
    date_text = rng.choice([f"{issue.year} 年 {issue.month} 月 {issue.day} 日", f"{issue.year}年{issue.month}月{issue.day}日"])
    colophon = None
    if rng.random() < 0.5:
        colophon = [ISSUER, "地址：南京市紫竹林 3号", "邮编：210003", "电话：025-83626620", "传真：025-83626621",
                    "E-mail：njwsxx@163.com", "网址：www.nj12320.org",
                    f"责任编辑：{rng.choice(['陈颖', '王磊', '李娜', '张敏'])} 本期共印 {rng.randint(3, 8) * 100 + 10} 份"]
    return Bulletin(seed=seed, year=b.year, issuer=ISSUER, issue_date=issue, masthead=(f"{ISSUER} 编印", date_text),
                    events=events, sections=sections, colophon=colophon,
                    expected_warnings=b.warnings, missing_sections=missing, quirks=quirks,
                    expected_mismatches=set(b.mismatches), draws=draws)


PLATFORM_BAND = (("outpatient_visits", "outpatient_revenue_thousand_yuan", "discharges", "inpatient_revenue_thousand_yuan"),
                  ["诊疗信息", "业务数据"])
BANDS: dict[str, tuple[tuple[str, ...] | None, list[str]]] = {
    # section → (the columns under the band (None: every figure column), the band's words)
    "internet_hospitals": (None, ["诊疗活动", "互联网医院服务情况", "服务数据"]),
    "family_doctor_referrals": (None, ["转诊情况", "分级诊疗转诊"]),
    "appointments_12320": (("online_12320", "quick_booking", "in_clinic", "third_party"), ["预约途径", "预约方式"]),
    "physical_exam_reports": (None, ["体检数据"]),
    "platform_collection_districts": PLATFORM_BAND,
    "platform_collection_hospitals": PLATFORM_BAND,
}


def header_bands(rng: random.Random, built: dict[str, Section], warnings: list) -> None:
    """Some bulletins print a third header level: a band over several column groups (or over
    one-level columns). The columns under it keep their meaning; the band is in no column map and
    is reported once."""
    if rng.random() >= 0.35:
        return
    for name, (fields, words) in BANDS.items():
        sec = built.get(name)
        if sec is None or sec.table is None or rng.random() < 0.5:
            continue
        cols = sec.table.columns
        under = [j for j, c in enumerate(cols) if c.kind == "num" and c.field and (fields is None or c.field in fields)]
        if not under or under != list(range(under[0], under[-1] + 1)):
            continue  # an unknown column sits among them: no band over it
        band = rng.choice(words)
        for j in under:
            cols[j].header = (band, *cols[j].header)
        warnings.append((name, f"header band '{band}'"))


UNKNOWN_SECTIONS = [
    # (title after the year, header, row labels: channels | districts | institutions)
    ("南京市电子健康卡发卡情况统计", ("序号", "发卡渠道", "{y}发卡数量", "累计发卡数量"), "channels"),
    ("南京市基层医疗卫生机构信息系统建设情况统计", ("行政区划", "接入机构数", "上线系统数", "完成率"), "districts"),
    ("南京市居民健康档案开放调阅情况统计", ("序号", "单位", "调阅次数", "同比增长"), "institutions"),
    ("南京市出生医学证明电子证照签发情况统计", ("行政区划", "签发数量", "线上申领数量"), "districts"),
    ("南京市检查检验结果互认情况统计", ("序号", "单位", "互认项目数", "节约费用（万元）"), "institutions"),
]


def unknown_sections(rng: random.Random, year: int, sections: list[Section], warnings: list) -> None:
    """About one bulletin in seven prints a statistics section no known title matches, with its
    own table, between two known ones. Its content is in no dataset; the extractor must report it
    as an unrecognised section (the warning names its title) and read the sections around it."""
    if rng.random() >= 0.15 or len(sections) < 2:
        return
    for title, header, labels in rng.sample(UNKNOWN_SECTIONS, 1 if rng.random() < 0.85 else 2):
        if labels == "channels":
            names = rng.sample(["健康南京 APP", "医院自助机", "微信公众号", "支付宝小程序", "江苏健康通", "社区卫生服务中心"],
                               rng.randint(3, 6))
        elif labels == "districts":
            names = rng.sample(DISTRICTS, rng.randint(4, 12))
        else:
            names = pick_institutions(rng, rng.randint(3, 10))
        cols = []
        for h in header:
            h = h.format(y=f"{year}年")
            kind = "seq" if h == "序号" else ("name" if h in ("发卡渠道", "单位") else ("label" if h == "行政区划" else "num"))
            cols.append(Column((h,), kind, None))
        rows = []
        for i, name in enumerate(names, 1):
            cells = []
            for c in cols:
                if c.kind == "seq":
                    cells.append(str(i))
                elif c.kind in ("name", "label"):
                    cells.append(name)
                elif c.header[0] in ("完成率", "同比增长"):
                    cells.append(f"{rng.uniform(-20 if c.header[0] == '同比增长' else 40, 100):.1f}%")
                else:
                    cells.append(str(logu(rng, 10, 900000)))
            rows.append(BodyRow(cells))
        full = f"{year}{rng.choice(['年', '年度'])}{title}"
        at = rng.randint(1, len(sections) - 1)  # known sections on both sides
        sections.insert(at, Section(f"unknown_{len(warnings)}", full, table=PrintedTable(cols, rows)))
        warnings.append(("", title))


SPACED_LABEL = re.compile(r"[\u4e00-\u9fff]{2,4}")
"""A header label short enough that official tables set it letter-spaced ('单 位', '序  号')."""


def letter_spacing(rng: random.Random, sections: list[Section], warnings: list) -> None:
    """About three bulletins in ten set a few short header labels of some tables letter-spaced,
    as many official tables do ('单 位', '序 号', '第 三 方'; one space or two, a habit of the
    bulletin), and the 合计 of their total rows ('合 计', '合 计：8123'). The header means what it
    meant: the truth stays as it is. A label a warning quotes (an unmapped column, a band) is
    left alone, so the warning still says what the page prints."""
    if rng.random() >= 0.3:
        return
    gap = rng.choice([" ", " ", "  "])
    for sec in sections:
        if sec.table is None or rng.random() < 0.4:
            continue
        quoted = [text for name, text in warnings if name == sec.name]
        labels = sorted({level for c in sec.table.columns for level in c.header
                         if SPACED_LABEL.fullmatch(level) and not any(level in q for q in quoted)})
        if labels:
            # two-character labels the most, as on real bulletins
            weights = [{2: 4, 3: 2}.get(len(t), 1) for t in labels]
            chosen: set[str] = set()
            for _ in range(rng.randint(1, 3)):
                chosen.add(rng.choices(labels, weights)[0])
            # every cell of a chosen label, so that a group header stays one over its sub-columns
            for c in sec.table.columns:
                c.header = tuple(gap.join(level) if level in chosen else level for level in c.header)
        if rng.random() < 0.7:
            for row in sec.table.rows:
                if row.kind in ("total", "span"):
                    row.cells = [re.sub(r"^合\s*计", f"合{gap}计", cell) for cell in row.cells]


def commafy(text: str) -> str:
    """'3066151' → '3,066,151', '1629775.52' → '1,629,775.52'; anything else as it is."""
    m = re.fullmatch(r"(\d{4,})(\.\d+)?", text)
    return f"{int(m.group(1)):,}{m.group(2) or ''}" if m else text


def thousands_separators(rng: random.Random, sections: list[Section]) -> None:
    """Some bulletins print the figures of (some of) their tables with thousands separators
    ('3,066,151'); the truth keeps the numbers, and `printed` of a 合计 the text as printed."""
    if rng.random() >= 0.3:
        return
    for sec in sections:
        if sec.table is None or rng.random() < 0.2:
            continue
        cols = [j for j, c in enumerate(sec.table.columns) if c.kind == "num"]
        for row in sec.table.rows:
            if row.kind != "span":
                for j in cols:
                    row.cells[j] = commafy(row.cells[j])
        if any(row.kind == "span" for row in sec.table.rows):
            continue  # '合计：N' across the table stays as it is
        for rec in sec.rows.get("totals", []):
            if rec["source"] == "total_row":
                rec["printed"] = commafy(rec["printed"])


def truth(b: Bulletin) -> dict[str, list[dict]]:
    """Every dataset's rows as the extractor must output them (without source_page)."""
    out: dict[str, list[dict]] = {name: [] for name in DATASET_COLUMNS}
    out["bulletins"] = [{"year": b.year, "issuer": b.issuer, "issue_date": b.issue_date.isoformat()}]
    for section in [b.events, *b.sections]:
        for dataset, rows in section.rows.items():
            for row in rows:
                full = {"year": b.year, **row}
                out[dataset].append({c: full.get(c) for c in DATASET_COLUMNS[dataset]})
    return out


def plant_wrong_total(b: Bulletin, rng: random.Random) -> set[tuple[str, str, str | None, str]]:
    """Misprint one printed 合计 figure of one table (the truth keeps it as printed, as the
    extractor must) and return the contradictions the consistency checks must now report."""
    candidates = [(s, t) for s in b.sections if s.table is not None
                  for t in s.rows.get("totals", []) if t["source"] == "total_row" and isinstance(t["value"], int)]
    if not candidates:
        return set(b.expected_mismatches)
    section, record = rng.choice(candidates)
    old = record["value"]
    new = old + rng.choice([-1, 1]) * rng.randint(1, max(1, min(999, old // 10 or 1)))
    if new < 0 or new == old:
        new = old + rng.randint(1, 9)
    shown = commafy(str(new)) if "," in record["printed"] else str(new)  # as the table prints figures
    record["value"], record["printed"] = new, shown
    total = next(r for r in section.table.rows if r.kind in ("total", "span"))
    if total.kind == "span":  # '合计：N' printed across the table
        total.cells = [re.sub(r"\d+", str(new), c) if c else c for c in total.cells]
    else:
        column = next(j for j, c in enumerate(section.table.columns) if c.field == record["metric"])
        total.cells[column] = shown
    dataset, metric = record["dataset"], record["metric"]
    expected = set(b.expected_mismatches) | {("column_total", dataset, "合计", metric)}
    if dataset == "family_doctor_referrals":
        period = metric.rpartition("_")[2]
        expected.add(("row_subtotal", dataset, "合计", f"all_types_{period}"))
    if dataset == "appointments_12320" and metric == "quick_booking" and b.section("online_booking_channels"):
        channels = b.section("online_booking_channels").rows.get("online_booking_channels", [])
        if any("快速预约" in r["channel"] for r in channels):
            expected.add(("claim", "online_booking_channels", None, "bookings"))
    return expected
