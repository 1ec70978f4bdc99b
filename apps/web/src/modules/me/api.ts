import {
  membershipSchema,
  myItemSchema,
  myProfileSchema,
  publicEntryListSchema,
  regionNodeSchema,
  sessionInfoSchema,
  type JoinUnionRequest,
  type Membership,
  type MyItem,
  type MyProfile,
  type PublicEntryList,
  type RegionNode,
  type SessionInfo,
  type WorkerRegistration,
} from "@jiangxin/domain";
import { request } from "../../app/request";

export const meQueryKeys = { profile: ["me", "profile"] as const, items: ["me", "items"] as const };

export function fetchMyProfile(signal?: AbortSignal): Promise<MyProfile> {
  return request("/api/me", { schema: myProfileSchema, signal });
}

/** `{ items: MyItem[] }`, each item checked with the domain's schema. */
const myItemsParser = {
  parse(data: unknown): MyItem[] {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new Error("items missing");
    return items.map((i) => myItemSchema.parse(i));
  },
};
export function fetchMyItems(signal?: AbortSignal): Promise<MyItem[]> {
  return request("/api/me/items", { schema: myItemsParser, signal });
}

export function requestToJoin(body: JoinUnionRequest): Promise<Membership> {
  return request("/api/me/memberships", { method: "POST", body, schema: membershipSchema });
}

/** Creates the account and signs it in (the answer is the new session, as a login's). */
export function registerWorker(body: WorkerRegistration): Promise<SessionInfo> {
  return request("/api/public/register", { method: "POST", body, schema: sessionInfoSchema, expireSessionOn401: false });
}

export function fetchPublicEntries(signal?: AbortSignal): Promise<PublicEntryList> {
  return request("/api/public/entries", { schema: publicEntryListSchema, signal, expireSessionOn401: false });
}

/** The region tree without logging in (the registration form's county field). */
export function fetchPublicRegions(signal?: AbortSignal): Promise<RegionNode> {
  return request("/api/public/regions", { schema: regionNodeSchema, signal, expireSessionOn401: false });
}
