import {
  memberCardCheckSchema,
  memberTransferResultSchema,
  myMembershipSchema,
  type MemberCardCheck,
  type MemberTransfer,
  type MyMembership,
} from "@jiangxin/domain";
import type { z } from "zod";
import { request } from "../../app/request";

export const memberQueryKeys = { mine: ["members", "mine"] as const, check: (token: string) => ["members", "check", token] as const };

export function fetchMyMembership(signal?: AbortSignal): Promise<MyMembership> {
  return request("/api/me/membership", { schema: myMembershipSchema, signal });
}

export function requestTransfer(body: MemberTransfer): Promise<z.infer<typeof memberTransferResultSchema>> {
  return request("/api/me/membership/transfer", { method: "POST", body, schema: memberTransferResultSchema });
}

/** A scanned card, without logging in. */
export function checkMemberCard(token: string, signal?: AbortSignal): Promise<MemberCardCheck> {
  return request(`/api/public/member-cards/${encodeURIComponent(token)}`, { schema: memberCardCheckSchema, signal, expireSessionOn401: false });
}
