import { z } from "zod";

/**
 * Attachments (附件): photos and documents any programme hangs on its records. The platform stores them
 * and checks their content; the owner's module decides who may see them (docs/attachments.md).
 */

/** The largest file accepted: a phone photo at full resolution is 3–8 MB. */
export const attachmentMaxBytes = 10 * 1024 * 1024;
/** How many live attachments one record may carry (a runaway script cannot fill the database). */
export const attachmentMaxPerOwner = 30;

/**
 * What may be uploaded, by the type detected from the bytes (never the name or the browser's claim).
 * `exts` are the names the type may arrive with; the legacy Office formats share one container (CFB),
 * so they are told apart by the name alone.
 */
export const attachmentTypes = [
  { mime: "image/jpeg", label: "JPEG 图片", exts: ["jpg", "jpeg"], image: true },
  { mime: "image/png", label: "PNG 图片", exts: ["png"], image: true },
  { mime: "image/webp", label: "WebP 图片", exts: ["webp"], image: true },
  { mime: "image/gif", label: "GIF 图片", exts: ["gif"], image: true },
  { mime: "image/heic", label: "HEIC 图片(苹果手机)", exts: ["heic", "heif"], image: true },
  { mime: "application/pdf", label: "PDF 文档", exts: ["pdf"], image: false },
  { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word 文档", exts: ["docx"], image: false },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel 表格", exts: ["xlsx"], image: false },
  { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", label: "PowerPoint 演示文稿", exts: ["pptx"], image: false },
  { mime: "application/msword", label: "Word 97-2003 文档", exts: ["doc"], image: false },
  { mime: "application/vnd.ms-excel", label: "Excel 97-2003 表格", exts: ["xls"], image: false },
  { mime: "application/vnd.ms-powerpoint", label: "PowerPoint 97-2003 演示文稿", exts: ["ppt"], image: false },
] as const;

/** For a file picker's `accept`: every allowed extension. */
export const attachmentAccept = attachmentTypes.flatMap((t) => t.exts.map((e) => `.${e}`)).join(",");
/** What the upload refusal names as allowed. */
export const attachmentAllowedText = "图片(JPG、PNG、WebP、GIF、HEIC)、PDF、Word、Excel、PowerPoint";

const ownerKindPattern = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;
export const attachmentOwnerKindSchema = z.string({ error: "请指定附件归属" }).regex(ownerKindPattern, { error: "附件归属格式不正确" });

/** Whose attachments: a kind the owning module registered (flagship.problem) and that record's id. */
export const attachmentOwnerQuerySchema = z.strictObject({
  ownerKind: attachmentOwnerKindSchema,
  ownerId: z.string({ error: "请指定附件所属记录" }).min(1, { error: "请指定附件所属记录" }).max(64, { error: "记录编号过长" }),
});

/** The query of an upload: the owner, and the file's name as the user's device gave it. */
export const attachmentUploadQuerySchema = attachmentOwnerQuerySchema.extend({
  name: z
    .string({ error: "请提供文件名" })
    .trim()
    .min(1, { error: "请提供文件名" })
    .max(200, { error: "文件名不能超过200个字符" }),
});

export const attachmentSchema = z.object({
  id: z.string(),
  ownerKind: z.string(),
  ownerId: z.string(),
  name: z.string(),
  mime: z.string(),
  /** The type in words (JPEG 图片, PDF 文档). */
  typeLabel: z.string(),
  size: z.number().int(),
  isImage: z.boolean(),
  hasThumbnail: z.boolean(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
  /** Whether the reader may remove it (its uploader, or staff of the owner's scope). */
  removable: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });
export type AttachmentList = z.infer<typeof attachmentListSchema>;

/** "3.2 MB", "860 KB": sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
