import type { PersonCategory } from "@jiangxin/domain";
import type { Db } from "../../platform/db/database";
import { membershipOf } from "../../masterData/members";
import { personFacts } from "../../masterData/people";

/** The applicant as the eligibility rules read it: who, where, which categories, and whose member. */
export type Applicant = {
  personId: string;
  name: string;
  residentIdMasked: string;
  countyCode: string;
  categories: PersonCategory[];
  /** The union of a member's running period (a pending request does not count: the union has not confirmed it). */
  memberOf: string | null;
};

/**
 * Reads the applicant from master data: who and where from people, membership from members (a member
 * by its status rules on that day, and the union of the period running then).
 */
export async function applicantOf(db: Db, personId: string, on: string): Promise<Applicant | null> {
  const facts = await personFacts(db, personId);
  if (!facts) return null;
  const membership = await membershipOf(db, personId, on);
  return {
    personId: facts.id,
    name: facts.name,
    residentIdMasked: facts.residentIdMasked,
    countyCode: facts.countyCode,
    categories: facts.categories,
    memberOf: membership?.isMember && membership.unionId ? membership.unionId : null,
  };
}
