import { demandListStatuses, type DemandList } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../../../fixtures/factories";
import { makeDemandList } from "../demo/makeDemandList";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { demandLists, problems, trainingNeeds } from "./tables";

/** 需求清单 as county staff browse it: a status per list, a 待受理 count, search, and never a blank 提交人. */
describe.each(testDatabaseKinds)("browsing demand lists on %s", (kind) => {
  let t: TestApp;
  let chunan: Agent;
  const ids = { pending: "", inProgress: "", done: "", withdrawn: "", needsOnly: "", needsDone: "", needsPlanned: "", voidedWaiting: "" };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const { db } = t.ctx.database;
    const staff = await makeUser(db, "county", { username: `${kind}-dl-chunan`, displayName: "淳安县总工会王五", regionCode: "330127" });
    chunan = await loginAs(t, `${kind}-dl-chunan`);
    const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "千岛湖浏览测试机械有限公司", contactName: "方经理" });
    const other = await makeEnterprise(db, t.ctx.cipher, { countyCode: "330127", name: "淳安另一家电子有限公司" });
    const none: { topic: string; workers: number }[] = [];
    ids.pending = (await makeDemandList(db, { enterpriseId: firm.id, countyCode: "330127", source: "enterprise", problems: [{ status: "submitted", title: "数控机床主轴异响" }, { status: "submitted" }, { status: "accepted" }], trainingNeeds: none })).list.id;
    ids.inProgress = (await makeDemandList(db, { enterpriseId: other.id, countyCode: "330127", source: "union", submittedBy: staff.id, problems: [{ status: "matched" }, { status: "solved" }], trainingNeeds: none })).list.id;
    ids.done = (await makeDemandList(db, { enterpriseId: other.id, countyCode: "330127", source: "union", problems: [{ status: "solved" }, { status: "closed" }], trainingNeeds: none })).list.id;
    ids.withdrawn = (await makeDemandList(db, { enterpriseId: firm.id, countyCode: "330127", source: "enterprise", problems: [{ status: "submitted" }], trainingNeeds: none })).list.id;
    await db.update(demandLists).set({ withdrawnAt: new Date() }).where(eq(demandLists.id, ids.withdrawn));
    ids.needsOnly = (await makeDemandList(db, { enterpriseId: other.id, countyCode: "330127", source: "enterprise", problems: [], trainingNeeds: [{ topic: "焊接安全", workers: 20 }] })).list.id;
    // Lists for the filters' edge cases: needs only (done, planned), and a waiting problem that was voided.
    ids.needsDone = (await makeDemandList(db, { enterpriseId: other.id, countyCode: "330127", source: "enterprise", problems: [], trainingNeeds: [{ topic: "电工安全", workers: 10 }] })).list.id;
    await db.update(trainingNeeds).set({ status: "done" }).where(eq(trainingNeeds.demandListId, ids.needsDone));
    ids.needsPlanned = (await makeDemandList(db, { enterpriseId: other.id, countyCode: "330127", source: "enterprise", problems: [], trainingNeeds: [{ topic: "叉车操作", workers: 8 }, { topic: "质量管理", workers: 5 }] })).list.id;
    await db.update(trainingNeeds).set({ status: "planned" }).where(eq(trainingNeeds.demandListId, ids.needsPlanned));
    const voidedWaiting = await makeDemandList(db, { enterpriseId: other.id, countyCode: "330127", source: "enterprise", problems: [{ status: "submitted" }, { status: "accepted" }], trainingNeeds: none });
    ids.voidedWaiting = voidedWaiting.list.id;
    await db.update(problems).set({ voidedAt: new Date(), voidedReason: "重复提交" }).where(and(eq(problems.demandListId, ids.voidedWaiting), eq(problems.status, "submitted")));
  });
  afterAll(() => t.close());

  const list = async (query = "") => (await chunan.get(`/api/demand-lists?pageSize=50${query}`)).json<{ items: DemandList[]; total: number }>();

  it("gives every list a status and its 待受理 count", async () => {
    const byId = new Map((await list()).items.map((l) => [l.id, l]));
    expect(byId.get(ids.pending)).toMatchObject({ status: "pending", pendingCount: 2 });
    expect(byId.get(ids.inProgress)).toMatchObject({ status: "inProgress", pendingCount: 0 });
    expect(byId.get(ids.done)).toMatchObject({ status: "done" });
    expect(byId.get(ids.withdrawn)).toMatchObject({ status: "withdrawn" });
    // Training needs only, none arranged yet: waiting for the county as much as a submitted problem.
    expect(byId.get(ids.needsOnly)).toMatchObject({ status: "pending", pendingCount: 0 });
  });

  it("filters by status, and the 待受理 total is the marker's count", async () => {
    const pending = await list("&status=pending");
    expect(pending.items.map((l) => l.id).sort()).toEqual([ids.pending, ids.needsOnly].sort());
    expect(pending.total).toBe(2);
    expect((await list("&status=done")).items.map((l) => l.id).sort()).toEqual([ids.done, ids.needsDone].sort());
    expect((await chunan.get("/api/demand-lists?status=maybe")).statusCode).toBe(400);
  });

  it("each status filter (set lookups, not the per-list CASE) agrees with the status column, and they add up", async () => {
    const all = await list();
    const byId = new Map(all.items.map((l) => [l.id, l.status]));
    expect(byId.get(ids.needsDone)).toBe("done");
    expect(byId.get(ids.needsPlanned)).toBe("inProgress");
    expect(byId.get(ids.voidedWaiting)).toBe("inProgress");
    let sum = 0;
    for (const status of demandListStatuses) {
      const filtered = await list(`&status=${status}`);
      expect(filtered.items.map((l) => l.status).filter((s) => s !== status), status).toEqual([]);
      expect(filtered.items.map((l) => l.id).sort(), status).toEqual([...byId].filter(([, s]) => s === status).map(([id]) => id).sort());
      sum += filtered.total;
    }
    expect(sum).toBe(all.total);
  });

  it("searches by enterprise name, credit code or a problem's title", async () => {
    expect((await list(`&q=${encodeURIComponent("浏览测试")}`)).items.map((l) => l.id).sort()).toEqual([ids.pending, ids.withdrawn].sort());
    expect((await list(`&q=${encodeURIComponent("主轴异响")}`)).items.map((l) => l.id)).toEqual([ids.pending]);
    const [firstList] = (await list(`&q=${encodeURIComponent("浏览测试")}`)).items;
    const detail = (await chunan.get(`/api/enterprises/${firstList?.enterpriseId ?? ""}`)).json<{ uscc: string }>();
    expect((await list(`&q=${detail.uscc}`)).total).toBe(2);
    expect((await list(`&q=${encodeURIComponent("100%_")}`)).total).toBe(0);
  });

  it("never leaves 提交人 blank: the account, else the enterprise's contact or the county federation", async () => {
    const byId = new Map((await list()).items.map((l) => [l.id, l]));
    expect(byId.get(ids.inProgress)?.submittedByName).toBe("淳安县总工会王五");
    expect(byId.get(ids.pending)?.submittedByName).toBe("方经理（企业联系人）");
    expect(byId.get(ids.done)?.submittedByName).toBe("淳安县总工会");
    for (const l of byId.values()) expect(l.submittedByName).not.toBe("");
  });
});
