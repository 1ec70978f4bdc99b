import type { Expert } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { rankExperts, suggestionWeights, type RankCandidate, type RankProblem } from "./rankExperts";

const welding = "6-18-02-04";
const turning = "6-18-01-01";
let n = 0;

function expert(fields: Partial<Expert> = {}): Expert {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    name: `专家${n}`,
    phoneMasked: "138****5678",
    residentIdMasked: null,
    employer: "某公司",
    homeCountyCode: "330106",
    homeCountyName: "西湖区",
    homeCityName: "杭州市",
    skillLevel: "technician",
    trades: [welding],
    honours: [],
    availability: "available",
    maxOpenProblems: 3,
    openProblems: 0,
    active: true,
    userId: null,
    ...fields,
  };
}

const cand = (e: Expert, distanceKm: number | null = 50, helpedBefore = false): RankCandidate => ({ expert: e, distanceKm, helpedBefore });
const problem: RankProblem = { trade: welding, countyCode: "330127", priority: [] };

describe("rankExperts", () => {
  it("keeps trade match heavier than every other term together", () => {
    const w = suggestionWeights;
    const others = 7 * w.perSkillRank + w.nearbyMax + w.spareCapacityMax + w.helpedBefore;
    expect(w.tradeMatch).toBeGreaterThan(others);
    for (const value of Object.values(w)) expect(Number.isInteger(value)).toBe(true);
  });

  it("puts a far expert of the right trade above a near, senior one of another trade who helped before", () => {
    const far = expert({ name: "远方焊工", skillLevel: "junior", openProblems: 2 });
    const near = expert({ name: "本地车工", trades: [turning], skillLevel: "chiefTechnician", homeCountyCode: "330127" });
    const [first, second] = rankExperts(problem, [cand(near, 0, true), cand(far, 420)]);
    expect(first?.expert.name).toBe("远方焊工");
    expect(first?.reasons.tradeMatch).toBe(true);
    expect(second?.reasons.tradeMatch).toBe(false);
    expect(second?.summary).toBe("工种不对口(专长车工)·首席技师·本县专家·在办0/3·曾服务该企业");
  });

  it("among the same trade and level, prefers the nearer one", () => {
    const a = expert({ name: "甲" });
    const b = expert({ name: "乙" });
    const ranked = rankExperts(problem, [cand(a, 180), cand(b, 30)]);
    expect(ranked.map((s) => s.expert.name)).toEqual(["乙", "甲"]);
  });

  it("prefers a higher skill level when distance is equal", () => {
    const a = expert({ name: "技师", skillLevel: "technician" });
    const b = expert({ name: "高级技师", skillLevel: "seniorTechnician" });
    expect(rankExperts(problem, [cand(a), cand(b)])[0]?.expert.name).toBe("高级技师");
  });

  it("excludes experts at capacity, inactive or not available", () => {
    const full = expert({ name: "满负荷", openProblems: 3, maxOpenProblems: 3 });
    const over = expert({ name: "超负荷", openProblems: 5, maxOpenProblems: 3 });
    const inactive = expert({ name: "已停用", active: false });
    const busy = expert({ name: "任务较满", availability: "busy" });
    const away = expert({ name: "暂不可派", availability: "unavailable" });
    const ok = expert({ name: "可派", openProblems: 2, maxOpenProblems: 3 });
    const ranked = rankExperts(problem, [full, over, inactive, busy, away, ok].map((e) => cand(e)));
    expect(ranked.map((s) => s.expert.name)).toEqual(["可派"]);
    expect(ranked[0]?.reasons.capacityLeft).toBe(1);
  });

  it("spreads load: more free capacity ranks higher, all else equal", () => {
    const loaded = expert({ name: "在办2", openProblems: 2 });
    const free = expert({ name: "在办0", openProblems: 0 });
    expect(rankExperts(problem, [cand(loaded), cand(free)]).map((s) => s.expert.name)).toEqual(["在办0", "在办2"]);
  });

  it("counts helping the enterprise before and flags priority counties", () => {
    const helped = expert({ name: "老朋友" });
    const stranger = expert({ name: "新面孔" });
    const mountain: RankProblem = { ...problem, priority: ["mountainous"] };
    const ranked = rankExperts(mountain, [cand(stranger, 40), cand(helped, 40, true)]);
    expect(ranked[0]?.expert.name).toBe("老朋友");
    expect(ranked[0]?.reasons.helpedBefore).toBe(true);
    expect(ranked[1]?.reasons.helpedBefore).toBe(false);
    expect(ranked.every((s) => s.reasons.priorityCounty)).toBe(true);
    expect((ranked[0]?.score ?? 0) - (ranked[1]?.score ?? 0)).toBe(suggestionWeights.helpedBefore);
    expect(ranked[0]?.summary).toBe("工种对口(焊工)·技师(二级)·距离40公里·在办0/3·曾服务该企业·山区县优先");
  });

  it("scores exactly by the weights", () => {
    const e = expert({ skillLevel: "seniorTechnician", openProblems: 1, maxOpenProblems: 3 });
    const [s] = rankExperts({ ...problem, priority: ["island"] }, [cand(e, 42, true)]);
    const w = suggestionWeights;
    // 200 + 5×5 + (40 − 4) + floor(10×2/3) + 25 + 15
    expect(s?.score).toBe(w.tradeMatch + 5 * w.perSkillRank + 36 + 6 + w.helpedBefore + w.priorityCounty);
    expect(s?.reasons).toEqual({ tradeMatch: true, skillLevel: "seniorTechnician", distanceKm: 42, openProblems: 1, capacityLeft: 2, helpedBefore: true, priorityCounty: true, priorityKinds: ["island"] });
    expect(s?.summary).toBe("工种对口(焊工)·高级技师(一级)·距离42公里·在办1/3·曾服务该企业·海岛县优先");
  });

  it("gives unknown distance no distance points and says so", () => {
    const [s] = rankExperts(problem, [cand(expert(), null)]);
    expect(s?.reasons.distanceKm).toBeNull();
    expect(s?.summary).toContain("距离未知");
  });

  it("returns at most the limit, best first", () => {
    const many = Array.from({ length: 15 }, (_, i) => cand(expert(), i * 10));
    const ranked = rankExperts(problem, many);
    expect(ranked).toHaveLength(10);
    const scores = ranked.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
