import { describe, expect, it } from "vitest";
import { checkEligibility, rankForQuota, type UpskillingApplicant, type UpskillingClaim } from "./eligibility";
import { schemeOfYear, upskillingSchemes } from "./scheme";

const scheme = schemeOfYear(2026)!;
const today = "2026-06-15";
const member: UpskillingApplicant = { isMember: true, hasLabourContract: true, categories: ["frontLine"] };
const claim: UpskillingClaim = { kind: "skillGrade", level: "senior", issuedOn: "2026-05-01", otherSubsidy: null, certificateNumberTaken: false };

describe("the 2026 scheme", () => {
  it("is ¥1,000 once, 30,000 places, Zhoushan 600", () => {
    expect(scheme.amountYuan).toBe(1000);
    expect(scheme.target).toBe(30000);
    expect(Object.values(scheme.cityQuotas).reduce((a, b) => a + b, 0)).toBe(30000);
    expect(scheme.cityQuotas["330900"]).toBe(600);
    expect(Object.keys(scheme.cityQuotas)).toHaveLength(11);
    expect(scheme.priorityGroups.map((g) => g.label)).toEqual(["劳模工匠", "新就业形态劳动者"]);
    expect(upskillingSchemes[2025]?.year).toBe(2025);
    // A year after the last on record carries the latest rules until its own round is published.
    expect(schemeOfYear(2027)).toMatchObject({ year: 2027, target: 30000, opensOn: "2027-01-01", certificatesFrom: "2026-07-01" });
    expect(schemeOfYear(2020)).toBeUndefined();
  });
});

describe("checkEligibility", () => {
  it("accepts a member with a contract and a recent skill grade", () => {
    expect(checkEligibility(scheme, today, member, claim, [])).toEqual({ eligible: true, reasons: [], priority: false, priorityGroups: [] });
  });

  it("refuses a non-member and one without a contract, naming both", () => {
    const r = checkEligibility(scheme, today, { isMember: false, hasLabourContract: false, categories: ["frontLine"] }, claim, []);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toEqual(["仅限在会的工会会员申请，请先申请入会，工会确认后再申请", "须与用人单位签订劳动合同(新就业形态劳动者除外)"]);
  });

  it("lets a gig worker apply without a labour contract, with priority", () => {
    const r = checkEligibility(scheme, today, { isMember: true, hasLabourContract: false, categories: ["newEmployment"] }, claim, []);
    expect(r).toMatchObject({ eligible: true, priority: true, priorityGroups: ["新就业形态劳动者"] });
  });

  it("ranks model workers first", () => {
    expect(checkEligibility(scheme, today, { ...member, categories: ["frontLine", "modelCraftsman"] }, claim, []).priorityGroups).toEqual(["劳模工匠"]);
  });

  it("refuses the same grade twice, in any year, while the earlier application stands", () => {
    const prior = [{ year: 2025, kind: "skillGrade" as const, level: "senior", standing: true }];
    expect(checkEligibility(scheme, today, member, claim, prior).reasons).toEqual(["同一学历或同一技能等级只补助一次：您已申请过该等级的补助"]);
    // A rejected one does not count against a new application.
    expect(checkEligibility(scheme, today, member, claim, [{ ...prior[0]!, standing: false }]).eligible).toBe(true);
  });

  it("allows one application per person per round", () => {
    const prior = [{ year: 2026, kind: "degree" as const, level: "bachelor", standing: true }];
    expect(checkEligibility(scheme, today, member, claim, prior).reasons).toEqual(["每人每年度限补助一次：您已有2026年度的申请"]);
  });

  it("refuses a certificate number used before and another federation subsidy", () => {
    const r = checkEligibility(scheme, today, member, { ...claim, certificateNumberTaken: true, otherSubsidy: "全国总工会学历与技能提升补助" }, []);
    expect(r.reasons).toEqual(["该证书编号已被用于申请补助，同一证书不能重复申请", "本年度已享受“全国总工会学历与技能提升补助”，不能重复享受联合会补助"]);
  });

  it("checks the level, the certificate date and the window", () => {
    expect(checkEligibility(scheme, today, member, { ...claim, level: "apprentice" }, []).reasons).toEqual(["学徒工不在技能等级补助范围内，须取得初级工(五级)及以上职业技能等级证书"]);
    expect(checkEligibility(scheme, today, member, { ...claim, kind: "degree", level: "senior" }, []).reasons).toEqual(["本年度学历补助仅限大专(专科)和本科学历"]);
    expect(checkEligibility(scheme, today, member, { ...claim, issuedOn: "2025-06-30" }, []).reasons).toEqual(["证书须于2025-07-01以后取得"]);
    expect(checkEligibility(scheme, today, member, { ...claim, issuedOn: "2026-06-16" }, []).reasons).toEqual(["证书取得日期不能晚于今天"]);
    expect(checkEligibility(scheme, "2025-12-31", member, { ...claim, issuedOn: "2025-12-01" }, []).reasons).toEqual(["2026年度申请时间为2026-01-01至2026-12-31，当前不在申请期内"]);
  });
});

describe("rankForQuota (the published overflow rule)", () => {
  it("puts priority groups first, then earlier submissions", () => {
    const apps = [
      { id: "a", priority: false, submittedAt: "2026-03-01T01:00:00Z" },
      { id: "b", priority: true, submittedAt: "2026-04-01T01:00:00Z" },
      { id: "c", priority: false, submittedAt: "2026-02-01T01:00:00Z" },
      { id: "d", priority: true, submittedAt: "2026-03-15T01:00:00Z" },
    ];
    const ranked = rankForQuota(apps, 3);
    expect(ranked.map((r) => r.app.id)).toEqual(["d", "b", "c", "a"]);
    expect(ranked.map((r) => r.withinQuota)).toEqual([true, true, true, false]);
  });
});
