import { maskMemberNo, maskPersonName, memberStatusRules, statusIsMember, todayInChina, type MemberCardCheck } from "@jiangxin/domain";
import { eq, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "../../platform/db/database";
import { people } from "../people";
import { membershipOf } from "./membership";
import { members } from "./tables";

/** The page a card's QR opens; the token is the only thing it carries. */
export const checkPathOf = (token: string) => `/public/member-card/${token}`;
const newToken = () => randomBytes(18).toString("base64url");

/**
 * The member's card: issued the first time it is asked for (a member number from the sequence, a
 * random check token), the same card ever after — across transfers too. Only for members.
 */
export async function ensureCard(db: Db, personId: string): Promise<{ memberNo: string; cardToken: string } | null> {
  const [existing] = await db.select({ memberNo: members.memberNo, cardToken: members.cardToken }).from(members).where(eq(members.personId, personId));
  if (existing) return existing;
  const membership = await membershipOf(db, personId);
  if (!membership?.isMember) return null;
  // Two first views at once: ON CONFLICT keeps the first card; both read it back.
  await db
    .insert(members)
    .values({ personId, memberNo: sql`'ZJ' || lpad(nextval('member_no_seq')::text, 10, '0')`, cardToken: newToken() })
    .onConflictDoNothing({ target: members.personId });
  const [card] = await db.select({ memberNo: members.memberNo, cardToken: members.cardToken }).from(members).where(eq(members.personId, personId));
  return card ?? null;
}

/** What a scanned card shows anyone: masked name and number and today's status, nothing else. */
export async function checkCard(db: Db, token: string, now: Date): Promise<MemberCardCheck | null> {
  const [card] = await db
    .select({ personId: members.personId, memberNo: members.memberNo, name: people.name })
    .from(members)
    .innerJoin(people, eq(people.id, members.personId))
    .where(eq(members.cardToken, token));
  if (!card) return null;
  const membership = await membershipOf(db, card.personId, todayInChina(now));
  const status = membership?.status ?? null;
  return {
    nameMasked: maskPersonName(card.name),
    memberNoMasked: maskMemberNo(card.memberNo),
    status,
    statusLabel: status ? memberStatusRules[status].label : "非会员",
    valid: statusIsMember(status),
    checkedAt: now.toISOString(),
  };
}
