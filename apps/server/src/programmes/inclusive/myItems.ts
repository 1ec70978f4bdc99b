import type { Actor } from "../../platform/actor";
import type { AppContext } from "../../platform/context";
import type { ProgrammeMyItem } from "../../platform/programme";
import { myVouchers } from "./vouchers";

/** 我的: the worker's unused meal vouchers, as one line linking to 我的餐券. */
export async function inclusiveMyItems(ctx: AppContext, actor: Actor): Promise<ProgrammeMyItem[]> {
  const { vouchers } = await myVouchers(ctx, actor);
  const unused = vouchers.filter((v) => !v.redeemedAt);
  if (vouchers.length === 0) return [];
  return [{ title: "爱心午餐券", status: unused.length > 0 ? `${unused.length}张可用` : "已用完", link: "/me/vouchers", date: vouchers[0]?.issuedOn ?? null }];
}
