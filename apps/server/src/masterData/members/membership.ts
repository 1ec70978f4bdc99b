import { memberStatusOf, statusIsMember, todayInChina, type MemberStatus, type MembershipPeriod } from "@jiangxin/domain";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { people, unionMemberships } from "../people";
import { unions } from "../unions";
import { members } from "./tables";

/** A person's membership as programmes need it: whether they are a member, since when, where now. */
export type MembershipSummary = {
  personId: string;
  status: MemberStatus;
  /** By the status rules (memberStatusRules): what programmes check before giving anything. */
  isMember: boolean;
  /** 会员号, once the card is issued. */
  memberNo: string | null;
  /** First confirmed day (入会日期), kept across transfers. */
  joinedOn: string;
  /** The union of the period running on the date asked (null between unions). */
  unionId: string | null;
  unionName: string | null;
  /** Where the person works (people.county_code). */
  countyCode: string;
  periods: (MembershipPeriod & { unionId: string; unionName: string })[];
};

/** Every union period of a person, oldest first, with the union's name. */
export async function periodsOf(db: Db, personId: string) {
  return db
    .select({ status: unionMemberships.status, since: unionMemberships.since, until: unionMemberships.until, unionId: unionMemberships.unionId, unionName: unions.name, requestedAt: unionMemberships.requestedAt })
    .from(unionMemberships)
    .innerJoin(unions, eq(unions.id, unionMemberships.unionId))
    .where(eq(unionMemberships.personId, personId))
    .orderBy(asc(unionMemberships.requestedAt));
}

/**
 * A person's membership on a China date (today by default), or null when they have never been a
 * confirmed member. Pass a transaction as `db` inside one.
 */
export async function membershipOf(db: Db, personId: string, on: string = todayInChina(new Date())): Promise<MembershipSummary | null> {
  const [person] = await db.select({ countyCode: people.countyCode }).from(people).where(eq(people.id, personId));
  if (!person) return null;
  const periods = await periodsOf(db, personId);
  const status = memberStatusOf(periods, on);
  if (!status) return null;
  const confirmed = periods.filter((p) => p.since !== null && p.since <= on && p.status !== "pending" && p.status !== "declined");
  const running = confirmed.find((p) => p.until === null || p.until > on);
  const [card] = await db.select({ memberNo: members.memberNo }).from(members).where(eq(members.personId, personId));
  return {
    personId,
    status,
    isMember: statusIsMember(status),
    memberNo: card?.memberNo ?? null,
    joinedOn: confirmed.map((p) => p.since as string).sort()[0] ?? on,
    unionId: running?.unionId ?? null,
    unionName: running?.unionName ?? null,
    countyCode: person.countyCode,
    periods: periods.map(({ status: s, since, until, unionId, unionName }) => ({ status: s, since, until, unionId, unionName })),
  };
}

/** Whether the person counts as a member on that date (today by default), by the status rules. */
export async function isMember(db: Db, personId: string, on?: string): Promise<boolean> {
  return (await membershipOf(db, personId, on))?.isMember ?? false;
}
