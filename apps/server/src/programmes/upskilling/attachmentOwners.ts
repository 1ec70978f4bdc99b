import { roleHas } from "@jiangxin/domain";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import type { AttachmentOwner } from "../../platform/attachments";
import { users } from "../../platform/auth/tables";
import type { Db } from "../../platform/db/database";
import { applicationScope } from "./queries";
import { upskillingApplications } from "./tables";

/** The applicant's own application (the worker account bound to its person). */
const ownApplication = (actor: Actor, id: string) =>
  and(eq(upskillingApplications.id, id), sql`${upskillingApplications.personId} = (select ${users.personId} from ${users} where ${users.id} = ${actor.userId})`);

async function exists(db: Db, where: ReturnType<typeof and>): Promise<boolean> {
  const [row] = await db.select({ id: upskillingApplications.id }).from(upskillingApplications).where(where);
  return Boolean(row);
}

/**
 * 证书照片 on an application: the applicant adds them while the application waits for review; the
 * applicant and every reviewer who sees the application (its union, county, city, the province) read them.
 */
export const upskillingAttachmentOwners: AttachmentOwner[] = [
  {
    kind: "upskilling.application",
    label: "补助申请",
    canRead: async (_ctx, db, actor, id) => {
      if (actor.role === "worker") return exists(db, ownApplication(actor, id));
      return roleHas(actor.role, "upskilling.read") && exists(db, and(eq(upskillingApplications.id, id), applicationScope(actor)));
    },
    canAttach: async (_ctx, db, actor, id) => actor.role === "worker" && exists(db, and(ownApplication(actor, id), eq(upskillingApplications.status, "pending"))),
  },
];
