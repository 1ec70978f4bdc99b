import type { GigPlatform, MembershipStatus, PersonCategory } from "@jiangxin/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { people, unionMemberships } from "./tables";

/** What a programme's rules read of a person: masked identity, where they work, categories, current membership. */
export type PersonFacts = {
  id: string;
  name: string;
  residentIdMasked: string;
  countyCode: string;
  categories: PersonCategory[];
  platforms: GigPlatform[];
  /** The current (pending or active) membership, if any. */
  membership: { unionId: string; status: MembershipStatus; since: string | null } | null;
};

/** A person's facts for a programme's eligibility rules (no decryption; null when there is no such person). */
export async function personFacts(db: Db, personId: string): Promise<PersonFacts | null> {
  const [p] = await db
    .select({ id: people.id, name: people.name, residentIdMasked: people.residentIdMasked, countyCode: people.countyCode, categories: people.categories, platforms: people.platforms })
    .from(people)
    .where(eq(people.id, personId));
  if (!p) return null;
  const [m] = await db
    .select({ unionId: unionMemberships.unionId, status: unionMemberships.status, since: unionMemberships.since })
    .from(unionMemberships)
    .where(and(eq(unionMemberships.personId, personId), inArray(unionMemberships.status, ["pending", "active"])));
  return { ...p, membership: m ?? null };
}
