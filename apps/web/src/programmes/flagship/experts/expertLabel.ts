import { expertDetailOf, skillLevelLabels, type SkillLevel } from "@jiangxin/domain";

/**
 * An expert as plain text wherever a component cannot hold <ExpertName> (a Select option, a message,
 * an alert): "郭红英（杭州汽轮机股份有限公司 · 上城区 · 高级技师）". The pool has 2×郭红英, 3×林雪梅,
 * 3×葛文斌, so a bare name is never an identity. The detail is the server's (work unit · home county ·
 * level) or built here by the domain's one formatter from a pool row.
 */
export function expertLabel(name: string, detail: string | null | undefined): string {
  return detail ? `${name}（${detail}）` : name;
}

/** The detail of a pool row (the expert list, suggestions): the domain's formatter over its fields. */
export function expertDetailOfRow(x: { employer: string; homeCountyName: string; skillLevel: SkillLevel }): string {
  return expertDetailOf({ employer: x.employer, homeCountyName: x.homeCountyName, skillLevelLabel: skillLevelLabels[x.skillLevel] });
}
