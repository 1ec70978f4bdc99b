import type { ProblemStatus } from "@jiangxin/domain";
import type { Random } from "../../../fixtures/random";

/** The chain of statuses a problem went through to reach `final`, from submission or from on-site discovery. */
export function pathTo(final: ProblemStatus, foundOnSite: boolean, rnd: Random): ProblemStatus[] {
  const start: ProblemStatus[] = foundOnSite ? ["onSite"] : ["submitted", "accepted", "matched", "onSite"];
  switch (final) {
    case "solved":
      return rnd.next() < 0.8
        ? [...start, "solutionProposed", ...(rnd.next() < 0.4 ? (["inDesign"] as const) : []), "implementing", "solved"]
        : [...start, "unresolved", "followUp", "solved"];
    case "inDesign":
      return [...start, "solutionProposed", "inDesign"];
    case "implementing":
      return [...start, "solutionProposed", "implementing"];
    case "followUp":
      return [...start, "unresolved", "followUp"];
    case "closed":
      return [...start, "unresolved", "closed"];
    default:
      return start;
  }
}

export const eventNotes: Partial<Record<ProblemStatus, string>> = {
  accepted: "县总工会受理",
  matched: "已指派专家",
  onSite: "专家到企业现场",
  solutionProposed: "现场提出解决方案",
  unresolved: "现场常规方案未能消除缺陷，返程后继续攻关",
  followUp: "返程后继续试验",
  inDesign: "进入方案设计",
  implementing: "企业按方案实施",
  solved: "企业确认问题已解决",
  closed: "企业产线调整，难题不再需要解决",
};

/** Progress notes on a problem still being worked on (a note keeps its status). */
export const progressNotes = ["专家电话指导，企业继续试验", "县总工会回访，企业反馈进展顺利", "第二轮试验数据整理中", "等待改造配件到货", "专家再次到厂调试"] as const;

/** Who makes a step: the county federation up to the assignment, the experts after it. */
export const stepBy = (status: ProblemStatus) =>
  ["submitted", "accepted", "matched"].includes(status) ? ({ byName: "县总工会", byRole: "county" } as const) : ({ byName: "劳模工匠", byRole: "expert" } as const);
