import { attachmentMaxPerOwner, attachmentTypes, type Attachment } from "@jiangxin/domain";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { Actor } from "../actor";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import { users } from "../auth/tables";
import type { AppContext } from "../context";
import type { Db } from "../db/database";
import { AppError, notFound } from "../errors";
import type { AttachmentOwner } from "./attachmentOwner";
import { checkContent } from "./checkContent";
import { attachments } from "./tables";

/** The registered owner kinds, by kind (built once by attachmentRoutes from the registries). */
export type AttachmentOwners = ReadonlyMap<string, AttachmentOwner>;

const metaColumns = {
  id: attachments.id,
  ownerKind: attachments.ownerKind,
  ownerId: attachments.ownerId,
  name: attachments.name,
  mime: attachments.mime,
  size: attachments.size,
  width: attachments.width,
  height: attachments.height,
  // Whether there is one, without reading its bytes.
  hasThumbnail: sql<boolean>`${attachments.thumbnail} is not null`,
  uploadedBy: attachments.uploadedBy,
  uploadedByName: users.displayName,
  uploadedAt: attachments.uploadedAt,
};

type MetaRow = {
  id: string;
  ownerKind: string;
  ownerId: string;
  name: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
};

function toAttachment(row: MetaRow, removable: boolean): Attachment {
  const type = attachmentTypes.find((t) => t.mime === row.mime);
  return {
    id: row.id,
    ownerKind: row.ownerKind,
    ownerId: row.ownerId,
    name: row.name,
    mime: row.mime,
    typeLabel: type?.label ?? row.mime,
    size: row.size,
    isImage: type?.image ?? false,
    hasThumbnail: row.hasThumbnail,
    width: row.width,
    height: row.height,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    removable,
  };
}

function ownerOf(owners: AttachmentOwners, kind: string): AttachmentOwner {
  const owner = owners.get(kind);
  if (!owner) throw new AppError("VALIDATION_FAILED", `不支持的附件归属：${kind}`, { ownerKind: "没有这种可带附件的记录" });
  return owner;
}

const mayRemove = (ctx: AppContext, db: Db, owner: AttachmentOwner, actor: Actor, ownerId: string, uploadedBy: string) =>
  owner.canRemove ? owner.canRemove(ctx, db, actor, ownerId, uploadedBy) : Promise.resolve(uploadedBy === actor.userId).then(async (own) => own && (await owner.canAttach(ctx, db, actor, ownerId)));

/**
 * Stores one upload. The content check and the thumbnail (CPU work) run before the transaction opens;
 * the owner's permission, the count limit, the row and its audit entry are one transaction.
 */
export async function uploadAttachment(
  ctx: AppContext,
  owners: AttachmentOwners,
  actor: Actor,
  input: { ownerKind: string; ownerId: string; name: string; bytes: Buffer },
): Promise<Attachment> {
  const owner = ownerOf(owners, input.ownerKind);
  const checked = await checkContent(input.bytes, input.name);
  if (owner.imagesOnly && !checked.isImage) {
    const seen = attachmentTypes.find((t) => t.mime === checked.mime)?.label ?? checked.mime;
    const message = `${owner.label}只能上传图片(JPG、PNG、WebP、GIF、HEIC)，所选文件是${seen}`;
    throw new AppError("VALIDATION_FAILED", message, { file: message });
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return ctx.database.db.transaction(async (tx) => {
    if (!(await owner.canRead(ctx, tx, actor, input.ownerId))) throw notFound(owner.label);
    if (!(await owner.canAttach(ctx, tx, actor, input.ownerId))) throw new AppError("FORBIDDEN", `当前账号不能为此${owner.label}上传附件`);
    const [counted] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.ownerKind, owner.kind), eq(attachments.ownerId, input.ownerId), isNull(attachments.removedAt)));
    if ((counted?.n ?? 0) >= attachmentMaxPerOwner) throw new AppError("CONFLICT", `每条${owner.label}最多 ${attachmentMaxPerOwner} 个附件，请先删除不需要的`);
    const [row] = await tx
      .insert(attachments)
      .values({
        ownerKind: owner.kind,
        ownerId: input.ownerId,
        name: checked.name,
        mime: checked.mime,
        size: input.bytes.length,
        sha256,
        content: input.bytes,
        thumbnail: checked.thumbnail,
        width: checked.width,
        height: checked.height,
        uploadedBy: actor.userId,
        uploadedAt: ctx.now(),
      })
      .returning({ id: attachments.id });
    if (!row) throw new Error("attachment insert returned no row");
    await writeAudit(tx, auditActorOf(actor), {
      action: "attachment.upload",
      objectType: "attachment",
      objectId: row.id,
      detail: { ownerKind: owner.kind, ownerId: input.ownerId, name: checked.name, mime: checked.mime, size: input.bytes.length, sha256 },
    });
    const [meta] = await tx.select(metaColumns).from(attachments).innerJoin(users, eq(users.id, attachments.uploadedBy)).where(eq(attachments.id, row.id));
    if (!meta) throw new Error("attachment not found after insert");
    return toAttachment(meta, true);
  });
}

/** The live attachments of one record the actor may see (oldest first, as they were added). */
export async function listAttachmentsFor(ctx: AppContext, owners: AttachmentOwners, actor: Actor, ownerKind: string, ownerId: string): Promise<Attachment[]> {
  const owner = ownerOf(owners, ownerKind);
  const { db } = ctx.database;
  if (!(await owner.canRead(ctx, db, actor, ownerId))) throw notFound(owner.label);
  const rows = await db
    .select(metaColumns)
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.ownerKind, ownerKind), eq(attachments.ownerId, ownerId), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
  const out: Attachment[] = [];
  for (const row of rows) out.push(toAttachment(row, await mayRemove(ctx, db, owner, actor, ownerId, row.uploadedBy)));
  return out;
}

/**
 * For a module that has already scoped its records: the live attachments of many records of one kind,
 * by owner id (a list page's photo counts, say). No permission check here; the caller's query was it.
 */
export async function attachmentsOfOwners(db: Db, ownerKind: string, ownerIds: readonly string[]): Promise<Map<string, Attachment[]>> {
  const byOwner = new Map<string, Attachment[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .select(metaColumns)
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.ownerKind, ownerKind), inArray(attachments.ownerId, [...ownerIds]), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
  for (const row of rows) {
    const list = byOwner.get(row.ownerId) ?? [];
    list.push(toAttachment(row, false));
    byOwner.set(row.ownerId, list);
  }
  return byOwner;
}

/** One attachment's bytes (or its thumbnail), after the owner's module says the actor may see the record. */
export async function readAttachment(
  ctx: AppContext,
  owners: AttachmentOwners,
  actor: Actor,
  id: string,
  part: "content" | "thumbnail",
): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const { db } = ctx.database;
  const [row] = await db
    .select({ ownerKind: attachments.ownerKind, ownerId: attachments.ownerId, name: attachments.name, mime: attachments.mime })
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.removedAt)));
  const owner = row ? owners.get(row.ownerKind) : undefined;
  if (!row || !owner || !(await owner.canRead(ctx, db, actor, row.ownerId))) throw notFound("附件");
  const column = part === "content" ? attachments.content : attachments.thumbnail;
  const [data] = await db.select({ bytes: column }).from(attachments).where(eq(attachments.id, id));
  if (!data?.bytes) throw notFound("缩略图");
  return { name: row.name, mime: part === "content" ? row.mime : "image/webp", bytes: data.bytes };
}

/** Removes an attachment from its record: stamped, never deleted (the file stays for the audit trail). */
export async function removeAttachment(ctx: AppContext, owners: AttachmentOwners, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ownerKind: attachments.ownerKind, ownerId: attachments.ownerId, name: attachments.name, uploadedBy: attachments.uploadedBy })
      .from(attachments)
      .where(and(eq(attachments.id, id), isNull(attachments.removedAt)));
    const owner = row ? owners.get(row.ownerKind) : undefined;
    if (!row || !owner || !(await owner.canRead(ctx, tx, actor, row.ownerId))) throw notFound("附件");
    if (!(await mayRemove(ctx, tx, owner, actor, row.ownerId, row.uploadedBy))) throw new AppError("FORBIDDEN", "只能删除自己上传的附件");
    await tx.update(attachments).set({ removedAt: ctx.now(), removedBy: actor.userId }).where(eq(attachments.id, id));
    await writeAudit(tx, auditActorOf(actor), {
      action: "attachment.remove",
      objectType: "attachment",
      objectId: id,
      detail: { ownerKind: row.ownerKind, ownerId: row.ownerId, name: row.name },
    });
  });
}

/**
 * For a module that has already decided the record is readable (a public station page): one live
 * attachment's bytes or thumbnail, only if it belongs to that record. No permission check here.
 */
export async function attachmentBytesOf(db: Db, ownerKind: string, ownerId: string, id: string, part: "content" | "thumbnail"): Promise<{ name: string; mime: string; bytes: Buffer } | null> {
  const column = part === "content" ? attachments.content : attachments.thumbnail;
  const [row] = await db
    .select({ name: attachments.name, mime: attachments.mime, bytes: column })
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.ownerKind, ownerKind), eq(attachments.ownerId, ownerId), isNull(attachments.removedAt)));
  if (!row?.bytes) return null;
  return { name: row.name, mime: part === "content" ? row.mime : "image/webp", bytes: row.bytes };
}
