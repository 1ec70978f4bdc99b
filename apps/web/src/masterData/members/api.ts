import {
  benefitItemListSchema,
  benefitItemSchema,
  memberCardCheckSchema,
  memberTransferResultSchema,
  myMembershipSchema,
  type BenefitItem,
  type BenefitItemInput,
  type BenefitItemUpdate,
  type MemberCardCheck,
  type MemberTransfer,
  type MyMembership,
} from "@jiangxin/domain";
import type { z } from "zod";
import { request } from "../../app/request";

export const memberQueryKeys = {
  mine: ["members", "mine"] as const,
  check: (token: string) => ["members", "check", token] as const,
  benefitItems: ["members", "benefitItems"] as const,
};

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

export function fetchBenefitItems(signal?: AbortSignal): Promise<{ items: BenefitItem[] }> {
  return request("/api/benefit-items", { schema: benefitItemListSchema, signal });
}

export function addBenefitItem(body: BenefitItemInput): Promise<BenefitItem> {
  return request("/api/benefit-items", { method: "POST", body, schema: benefitItemSchema });
}

export function updateBenefitItem(code: string, body: BenefitItemUpdate): Promise<BenefitItem> {
  return request(`/api/benefit-items/${encodeURIComponent(code)}`, { method: "PUT", body, schema: benefitItemSchema });
}
