import {
  checkResidentId,
  currentMembershipStatuses,
  type Membership,
  type Person,
  type PersonListQuery,
  type SkillLevel,
} from "@jiangxin/domain";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import type { RegionDirectory } from "../../platform/regions/regionDirectory";
import { enterprises } from "../enterprises";
import { unions } from "../unions";
import { people, unionMemberships } from "./tables";
import { users } from "../../platform/auth/tables";

export type PersonRow = typeof people.$inferSelect;
type MembershipRow = typeof unionMemberships.$inferSelect & { unionName: string };
type ListedRow = PersonRow & { enterpriseName: string | null; hasAccount: boolean; membership: MembershipRow | null };

const iso = (d: Date) => d.toISOString();

export function toMembership(m: MembershipRow): Membership {
  return {
    id: m.id,
    personId: m.personId,
    unionId: m.unionId,
    unionName: m.unionName,
    status: m.status,
    since: m.since,
    until: m.until,
    requestedAt: iso(m.requestedAt),
    note: m.note,
  };
}

export function toPerson(row: ListedRow, regions: RegionDirectory): Person {
  const place = regions.placeOf(row.countyCode);
  return {
    id: row.id,
    name: row.name,
    residentIdMasked: row.residentIdMasked,
    phoneMasked: row.phoneMasked,
    countyCode: row.countyCode,
    countyName: place.countyName,
    cityName: place.cityName,
    enterpriseId: row.enterpriseId,
    employerName: row.enterpriseName ?? row.employerName,
    occupation: row.occupation,
    skillLevel: row.skillLevel as SkillLevel | null,
    categories: row.categories,
    expertId: row.expertId,
    platforms: row.platforms,
    membership: row.membership ? toMembership(row.membership) : null,
    hasAccount: row.hasAccount,
    createdAt: iso(row.createdAt),
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters of the people list; a whole ID number in `q` is looked up by its hash, never scanned. */
function whereOf(ctx: AppContext, scope: SQL, q: Omit<PersonListQuery, "page" | "pageSize">, counties: string[] | undefined): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scope];
  if (q.q) {
    const id = checkResidentId(q.q);
    if (id.ok) conditions.push(eq(people.residentIdHash, ctx.personHash(id.value.id)));
    else {
      const pattern = `%${escapeLike(q.q)}%`;
      conditions.push(or(ilike(people.name, pattern), ilike(people.employerName, pattern), ilike(people.occupation, pattern)));
    }
  }
  if (counties) conditions.push(inArray(people.countyCode, counties));
  if (q.category) conditions.push(sql`${people.categories} @> array[${q.category}]::text[]`);
  if (q.membershipStatus || q.unionId) {
    const m = [sql`m.person_id = "people"."id"`];
    if (q.membershipStatus) m.push(sql`m.status = ${q.membershipStatus}`);
    if (q.unionId) m.push(sql`m.union_id = ${q.unionId}::uuid`);
    conditions.push(sql`exists (select 1 from ${unionMemberships} m where ${sql.join(m, sql` and `)})`);
  }
  return and(...conditions);
}

/** The current membership with its union's name, as a JSON object (one query for the whole page). */
const currentMembershipJson = sql<MembershipRow | null>`(
  select json_build_object('id', m.id, 'personId', m.person_id, 'unionId', m.union_id, 'unionName', u.name, 'status', m.status,
    'since', m.since, 'until', m.until, 'requestedAt', m.requested_at, 'note', m.note)
  from ${unionMemberships} m join ${unions} u on u.id = m.union_id
  where m.person_id = "people"."id" and m.status in (${sql.join(currentMembershipStatuses.map((s) => sql`${s}`), sql`, `)})
  limit 1)`;

const hasAccountSql = sql<boolean>`exists (select 1 from ${users} where ${users.personId} = "people"."id")`;
const enterpriseNameSql = sql<string | null>`(select e.name from ${enterprises} e where e.id = "people"."enterprise_id")`;

function fromJson(m: (Omit<MembershipRow, "requestedAt"> & { requestedAt: string | Date }) | null): MembershipRow | null {
  return m ? { ...m, requestedAt: new Date(m.requestedAt) } : null;
}

export async function listPeople(
  ctx: AppContext,
  scope: SQL,
  q: PersonListQuery,
  counties: string[] | undefined,
): Promise<{ rows: ListedRow[]; total: number }> {
  const db = ctx.database.db;
  const where = whereOf(ctx, scope, q, counties);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ person: people, enterpriseName: enterpriseNameSql, hasAccount: hasAccountSql, membership: currentMembershipJson })
      .from(people)
      .where(where)
      .orderBy(desc(people.createdAt), asc(people.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(people).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.person, enterpriseName: r.enterpriseName, hasAccount: Boolean(r.hasAccount), membership: fromJson(r.membership) })),
    total: totalRow?.total ?? 0,
  };
}

export async function findPerson(db: Db, scope: SQL, id: string): Promise<ListedRow | undefined> {
  const [r] = await db
    .select({ person: people, enterpriseName: enterpriseNameSql, hasAccount: hasAccountSql, membership: currentMembershipJson })
    .from(people)
    .where(and(scope, eq(people.id, id)));
  return r ? { ...r.person, enterpriseName: r.enterpriseName, hasAccount: Boolean(r.hasAccount), membership: fromJson(r.membership) } : undefined;
}

/** Every membership of a person, newest first: the history. */
export async function membershipsOf(db: Db, personId: string): Promise<Membership[]> {
  const rows = await db
    .select({ m: unionMemberships, unionName: unions.name })
    .from(unionMemberships)
    .innerJoin(unions, eq(unions.id, unionMemberships.unionId))
    .where(eq(unionMemberships.personId, personId))
    .orderBy(desc(unionMemberships.requestedAt));
  return rows.map((r) => toMembership({ ...r.m, unionName: r.unionName }));
}

export async function findByHash(db: Db, hash: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.residentIdHash, hash));
  return row;
}
