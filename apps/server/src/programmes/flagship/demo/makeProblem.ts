import { problemTransitions, type ProblemStatus, type TradeCode } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { regions } from "../../../platform/regions/tables";
import { enterprises } from "../../../masterData/enterprises";
import { problemEvents, problems } from "../problems/tables";
import { seededRandom, type Random } from "../../../fixtures/random";

const defaultRandom = seededRandom(6568);

/** Problems as enterprises in the article's counties word them, each with the trade that solves it. */
export const sampleProblems: readonly { trade: TradeCode; title: string; description: string }[] = [
  { trade: "6-18-02-04", title: "不锈钢薄板焊接变形大", description: "1.5毫米不锈钢薄板氩弧焊后变形严重，校形返工占用两名工人，成品率不到八成，希望优化焊接工艺和工装夹具。" },
  { trade: "6-18-02-04", title: "压力容器焊缝探伤合格率低", description: "储罐环焊缝射线探伤一次合格率只有85%，气孔和未熔合较多，请专家现场诊断焊接参数和坡口处理。" },
  { trade: "6-18-01-01", title: "细长轴车削振纹难以消除", description: "长径比超过20的传动轴车削时出现振纹，表面粗糙度达不到Ra1.6，已换过刀具仍未改善。" },
  { trade: "6-18-01-02", title: "铝合金壳体铣削效率低", description: "铝合金电机壳体铣削单件需要40分钟，刀具磨损快，希望优化刀路和切削参数，提高产能。" },
  { trade: "6-18-01-04", title: "轴承内圈磨削烧伤", description: "内圈滚道磨削后出现烧伤色，砂轮修整周期短，影响批量交货，请帮助分析冷却和进给方案。" },
  { trade: "6-20-01-01", title: "减速机装配噪声超标", description: "新一批减速机出厂测试噪声超过标准3分贝，齿轮啮合调整依赖老师傅经验，需要建立装配规范。" },
  { trade: "6-20-01-02", title: "冲压模具寿命短", description: "汽车零件级进模平均冲压3万次就要修模，刃口崩裂频繁，希望改进模具结构和热处理工艺。" },
  { trade: "6-31-01-03", title: "车间配电频繁跳闸", description: "新增注塑机后车间配电柜经常跳闸，影响连续生产，请专家排查负荷分配和谐波问题。" },
  { trade: "6-31-01-09", title: "老旧空压机故障率高", description: "两台使用十年以上的螺杆空压机每月停机两三次，维修成本高，想了解改造还是更换更划算。" },
  { trade: "6-31-01-09", title: "生产线设备维修依赖外厂", description: "灌装线伺服系统故障都要等厂家工程师上门，平均停机两天，希望培养本厂维修骨干。" },
  { trade: "6-31-03-01", title: "在线检测仪表数据漂移", description: "反应釜温度、压力仪表读数漂移，每周都要人工校准，自动控制经常误动作。" },
  { trade: "6-11-01-02", title: "反应釜批次质量不稳定", description: "同一配方不同批次产品纯度波动较大，操作参数记录不全，请专家帮助梳理总控操作规程。" },
  { trade: "6-11-01-02", title: "精馏塔能耗偏高", description: "精馏塔蒸汽单耗比同行高约15%，回流比控制靠经验，希望优化操作降低能耗。" },
  { trade: "6-04-01-01", title: "织机断经率高", description: "喷气织机换新品种后断经率明显上升，挡车工劳动强度大，希望调整上机工艺参数。" },
  { trade: "6-01-01-01", title: "笋干烘制色泽不均", description: "山区笋干烘房温湿度控制粗放，成品色泽不均，等级率低，影响收购价格。" },
  { trade: "6-29-01-01", title: "新能源物流车电池故障诊断难", description: "公司新能源物流车电池包报警后无法自行诊断，送修周期长，希望培训维修人员掌握基本诊断。" },
  { trade: "6-23-03-15", title: "数控机床精度下降", description: "五轴加工中心定位精度明显下降，加工件尺寸超差，需要专家指导精度检测和补偿。" },
  { trade: "6-23-03-15", title: "数控系统报警无人会处理", description: "进口数控系统频繁报伺服报警，说明书是外文，现场人员不会排查，停机损失大。" },
];

export const sampleTrainingTopics: readonly string[] = [
  "焊接工艺与质量控制",
  "数控编程与操作",
  "设备点检与预防性维修",
  "电气安全与故障排查",
  "精益生产与班组管理",
  "化工装置安全操作",
  "钳工基本功提升",
  "新能源汽车维修基础",
];

/** The moves that lead from `start` to `target` by the shortest path through the transition table. */
export function lifecyclePath(start: ProblemStatus, target: ProblemStatus): ProblemStatus[] {
  // Withdrawn lies outside the move table: the enterprise takes a problem back while it waits.
  if (target === "withdrawn") return start === "withdrawn" ? ["withdrawn"] : [start, "withdrawn"];
  const previous = new Map<ProblemStatus, ProblemStatus | null>([[start, null]]);
  const queue: ProblemStatus[] = [start];
  while (queue.length > 0) {
    const s = queue.shift() as ProblemStatus;
    if (s === target) break;
    for (const t of problemTransitions) {
      if (t.from === s && !previous.has(t.to)) {
        previous.set(t.to, s);
        queue.push(t.to);
      }
    }
  }
  if (!previous.has(target)) throw new Error(`${target} is not reachable from ${start}`);
  const path: ProblemStatus[] = [];
  for (let s: ProblemStatus | null = target; s !== null; s = previous.get(s) ?? null) path.unshift(s);
  return path;
}

export type ProblemFields = {
  enterpriseId: string;
  countyCode: string;
} & Partial<{
  title: string;
  description: string;
  trade: TradeCode;
  urgency: "low" | "normal" | "high" | "critical";
  status: ProblemStatus;
  /** Where its timeline starts: "submitted" for a demand list, "onSite" for a problem found on a visit. */
  startStatus: ProblemStatus;
  ownerExpertId: string | null;
  /** 需要专家人数, 1 unless given. */
  teamSize: number;
  demandListId: string | null;
  sessionId: string | null;
  solution: string | null;
  createdAt: Date;
  /** When it reached its current status; defaults to `createdAt`. */
  statusChangedAt: Date;
  /** Who the timeline names. */
  byName: string;
  byUserId: string | null;
}>;

const needsSolution = new Set<ProblemStatus>(["solutionProposed", "inDesign", "implementing", "solved"]);

/**
 * A problem with a believable timeline: one event per move along the shortest path from its start
 * to its status, spread between `createdAt` and `statusChangedAt`. Solved problems get `solved_at`.
 */
export async function makeProblem(db: Db, fields: ProblemFields, rnd: Random = defaultRandom) {
  const candidates = sampleProblems.filter((p) => !fields.trade || p.trade === fields.trade);
  const sample = candidates.length > 0 ? rnd.pick(candidates) : undefined;
  const status = fields.status ?? "submitted";
  const start = fields.startStatus ?? (fields.sessionId ? "onSite" : "submitted");
  const createdAt = fields.createdAt ?? new Date();
  const changedAt = fields.statusChangedAt ?? createdAt;
  const path = lifecyclePath(start, status);
  const [row] = await db
    .insert(problems)
    .values({
      enterpriseId: fields.enterpriseId,
      countyCode: fields.countyCode,
      demandListId: fields.demandListId ?? null,
      sessionId: fields.sessionId ?? null,
      title: fields.title ?? sample?.title ?? "生产设备故障需要技术支持",
      description: fields.description ?? sample?.description ?? "设备频繁故障影响生产，请专家现场诊断并提出解决方案。",
      trade: fields.trade ?? sample?.trade ?? "6-31-01-09",
      urgency: fields.urgency ?? rnd.pick(["low", "normal", "normal", "high", "critical"] as const),
      status,
      statusChangedAt: changedAt,
      ownerExpertId: fields.ownerExpertId ?? null,
      teamSize: fields.teamSize ?? 1,
      solution: fields.solution ?? (path.some((s) => needsSolution.has(s)) ? "现场诊断后提出工艺改进方案，调整关键参数并制定作业指导书。" : null),
      solvedAt: status === "solved" ? changedAt : null,
      createdAt,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  // The timeline names the firm for its submission and the county's own federation for the rest.
  const [names] = await db
    .select({ firm: enterprises.name, county: regions.name })
    .from(enterprises)
    .innerJoin(regions, eq(regions.code, fields.countyCode))
    .where(eq(enterprises.id, fields.enterpriseId));
  const span = changedAt.getTime() - createdAt.getTime();
  const steps = Math.max(path.length - 1, 1);
  await db.insert(problemEvents).values(
    path.map((to, i) => ({
      problemId: row.id,
      at: new Date(createdAt.getTime() + Math.round((span * i) / steps)),
      fromStatus: i === 0 ? null : (path[i - 1] ?? null),
      toStatus: to,
      byUserId: fields.byUserId ?? null,
      byName: (to === "submitted" && i === 0) || to === "withdrawn" ? (names?.firm ?? "企业") : (fields.byName ?? `${names?.county ?? ""}总工会`),
      byRole: (to === "submitted" && i === 0) || to === "withdrawn" ? "enterprise" : "county",
      note: null,
    })),
  );
  return row;
}
