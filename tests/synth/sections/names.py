"""The names a synthetic bulletin prints in more than one section: districts, institutions (real,
invented, campuses), the gazetteer's names, Chinese numerals. A section's own word pool lives in
its module."""

from __future__ import annotations

import random
import unicodedata

from bulletin_etl.schemas import load_yaml

ZH_NUM = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

DISTRICTS = ["玄武区", "秦淮区", "建邺区", "鼓楼区", "栖霞区", "雨花台区", "江宁区", "浦口区", "六合区",
             "溧水区", "高淳区", "江北新区"]

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


def gazetteer_names() -> dict[str, list[str]]:
    """The cities, districts and institutions of the extractor's gazetteer (schemas/gazetteer.yaml)."""
    raw = load_yaml("gazetteer.yaml")
    return {k: sorted(raw.get(k) or []) for k in ("cities", "districts", "institutions")}


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


def is_hospital(name: str) -> bool:
    """A hospital or institute ('…医院', '…研究所', '…(湖山路院区)'), not a clinic ('…诊所') or a centre."""
    return name.endswith(("院", "所", ")", "）")) and not name.endswith("诊所")


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
        if folded in seen or (hospitals_only and not is_hospital(name)):
            continue
        seen.add(folded)
        out.append(name)
    if used is not None:
        used.update(out)
    return out
