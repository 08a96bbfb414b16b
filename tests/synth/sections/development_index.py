"""全国卫生健康信息化发展指数（<year>）: one sentence giving the city's rank among its peers, in one of
four shapes; the events may restate it."""

from __future__ import annotations

from ..content import Section
from .context import Context
from .names import ZH_NUM

NAME = "development_index"

PEERS = ["直辖市、副省级城市及省会城市", "直辖市、副省级城市及省会城市", "副省级城市及省会城市", "全国重点城市"]


def build(ctx: Context) -> Section:
    rng, year = ctx.rng, ctx.year
    bracket = rng.choice([("(", ")"), ("（", "）")])
    index_name = f"全国卫生健康信息化发展指数{bracket[0]}{year}{bracket[1]}"
    peer = rng.choice(PEERS)
    rank = rng.randint(1, 10)
    text = _sentence(ctx, index_name, peer, ZH_NUM[rank])
    ctx.facts["dev_rank"] = (peer, ZH_NUM[rank])
    return Section(NAME, f"全国卫生健康信息化发展指数（{year}）", paragraphs=[text],
                   rows={NAME: [{"index_name": index_name, "peer_group": peer, "rank": rank}]})


def _sentence(ctx: Context, index_name: str, peer: str, rank: str) -> str:
    rng = ctx.rng
    shape = rng.choices(range(4), weights=[5, 2, 2, 1])[0]
    if shape == 0:
        return f"{ctx.printed_year()}，{index_name}发布，南京市在{peer}的卫生健康信息化发展总指数中排名第{rank}。"
    if shape == 1:
        return (f"{ctx.printed_year()}{ctx.p.sp(str(rng.randint(5, 11)))}月，国家卫生健康委发布{index_name}，"
                f"南京市在{peer}的总指数排名中位列第{rank}。")
    if shape == 2:
        return f"{index_name}显示，南京市在{peer}的发展总指数中位居第{rank}，继续保持前列。"
    return f"{ctx.printed_year()}，{index_name}发布，南京市在{peer}中排名第{rank}。"
