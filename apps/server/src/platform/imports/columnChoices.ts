import type { Actor } from "../actor";
import { visibleCounties } from "../access";
import type { AppContext } from "../context";
import type { ImportColumn } from "./importSpec";

/** The accepted values of a column for this person, or none when the column is free text. */
export async function columnChoices(column: ImportColumn, ctx: AppContext, actor: Actor): Promise<readonly string[]> {
  if (!column.choices) return [];
  return typeof column.choices === "function" ? await column.choices(ctx, actor) : column.choices;
}

/** The county-level units a person may import into, by name (the drop-down of 所在县(市、区)). */
export function countyChoices(ctx: AppContext, actor: Actor): string[] {
  const visible = visibleCounties(actor);
  const s = actor.scope;
  // A grassroots-union account sees no region yet imports into its own county.
  const codes = visible === "all" ? ctx.regions.countiesUnder("330000") : visible.length === 0 && s.kind === "union" ? [s.countyCode] : visible;
  return codes.map((c) => ctx.regions.get(c)?.name).filter((n): n is string => n !== undefined);
}
