/**
 * The team's words, one vocabulary on the card: 需要专家人数 counts the whole team (the 负责专家
 * included), so the 协助专家 line speaks of co-experts only — never "无(需要1人)" beside "需要专家人数 1人",
 * which read as one co-expert still missing.
 */
export const teamSizeLabel = "需要专家人数(含负责专家)";

export function coExpertsText(teamSize: number, hasOwner: boolean): string {
  const wanted = teamSize - 1;
  if (wanted <= 0) return "不需要协助专家";
  return hasOwner ? `尚未添加(需要${wanted}人)` : `指派负责专家后可添加(需要${wanted}人)`;
}
