"""十件大事: ten numbered paragraphs ('一、<title>，<title>。<body>'), their sentences drawn from a
pool with figures filled in; the second may restate what the tables and prose say (the
interoperability counts, the development-index rank), and one sentence the physical-exam table's
row count."""

from __future__ import annotations

import random

from ..content import Section
from .context import Context
from .names import ZH_NUM

NAME = "events"

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


def build(ctx: Context, present: set[str]) -> Section:
    """The events; `present` names the statistics sections the bulletin prints."""
    rng = ctx.rng
    a_titles = rng.sample(EVENT_TITLES_A, 10)
    b_titles = rng.sample(EVENT_TITLES_B, 10)
    sentences = list(EVENT_SENTENCES)
    rng.shuffle(sentences)
    fill = _figures(rng)
    if "physical_exam_centres" in ctx.facts:  # the event restates the table's row count
        fill["i"] = ctx.facts["physical_exam_centres"]
    special = _restated(ctx, present)
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
    return Section(NAME, f"{ctx.title_year()}南京市卫生信息中心十件大事", paragraphs=events, rows={NAME: truth})


def _figures(rng: random.Random) -> dict:
    """The figures the sentences' {a} … {k} take."""
    return dict(a=rng.randint(1, 5), b=rng.randint(1, 4), c=rng.randint(2, 20) * 10, prize=rng.choice(PRIZES),
                d=rng.randint(2, 30), e=rng.randint(10, 900), f=rng.randint(50, 400), g=rng.randint(300, 1200),
                h=rng.randint(40, 120), i=rng.randint(3, 20), j=rng.randint(2, 9), k=rng.randint(200000, 500000))


def _restated(ctx: Context, present: set[str]) -> list[str]:
    """Sentences restating the interoperability counts and the development-index rank, where printed."""
    special = []
    counts = ctx.facts.get("eval_counts")
    if counts and "evaluation_ratings" in present:
        top = ctx.facts["interop_levels"][0]
        nd = counts.get(f"interop_{top}_districts", 0)
        ni = counts.get(f"1_{top}_inst", 0)
        s = f"南京市和{ctx.p.sp(str(nd)).lstrip()}个区、{ctx.p.sp(str(ni)).lstrip()}家医院获得国家互联互通测评{top}"
        second = ctx.facts["interop_levels"][1]
        s += (f"，{counts.get(f'interop_{second}_districts', 0)} 个区和 {counts.get(f'1_{second}_inst', 0)}"
              f" 家医院获得{second}。")
        special.append(s)
    if "dev_rank" in ctx.facts and "development_index" in present:
        peer, r = ctx.facts["dev_rank"]
        special.append(f"国家卫健委发布全国卫生健康信息化发展指数（{ctx.year}），南京市在{peer}中保持了第{r}名的成绩。")
    return special
