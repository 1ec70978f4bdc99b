import { attachmentListSchema, attachmentMaxBytes, attachmentOwnerQuerySchema, attachmentSchema, attachmentUploadQuerySchema, errorBodySchema, formatFileSize } from "@jiangxin/domain";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { actorOfRequest } from "../auth/authHook";
import type { AppContext, HttpApp } from "../context";
import { AppError } from "../errors";
import type { AttachmentOwner } from "./attachmentOwner";
import { listAttachmentsFor, readAttachment, removeAttachment, uploadAttachment, type AttachmentOwners } from "./attachmentService";

const tags = ["附件 attachments"];
const idParams = z.object({ id: z.uuid({ error: "附件编号格式不正确" }) });
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
/** Headroom over the file limit so a slightly larger file reaches checkContent and its precise message. */
const bodyLimit = attachmentMaxBytes + 64 * 1024;
const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", `文件过大，单个附件不能超过 ${formatFileSize(attachmentMaxBytes)}`, { file: `不能超过 ${formatFileSize(attachmentMaxBytes)}` });

/** RFC 6266: an ASCII fallback and the UTF-8 name, so Chinese names survive every browser. */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function sendBytes(reply: FastifyReply, file: { name: string; mime: string; bytes: Buffer }, download: boolean) {
  const inline = !download && (file.mime.startsWith("image/") || file.mime === "application/pdf");
  return reply
    .header("content-type", file.mime)
    .header("content-disposition", disposition(inline ? "inline" : "attachment", file.name))
    .header("x-content-type-options", "nosniff")
    // An opened file runs nothing and reaches nothing, even if a browser were to render it as a page.
    .header("content-security-policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header("cache-control", "private, max-age=3600")
    .send(file.bytes);
}

/**
 * Upload, list, open and remove attachments (contract: docs/attachments.md). An upload is the file's raw
 * bytes as the request body (any Content-Type; the type is read from the bytes), the owner and the
 * file's name in the query. Who may see or add is asked of the owner's module.
 */
export function attachmentRoutes(app: HttpApp, ctx: AppContext, ownerList: readonly AttachmentOwner[]): void {
  const owners: AttachmentOwners = new Map(ownerList.map((o) => [o.kind, o]));

  // Raw bodies only here: the rest of the API keeps taking JSON alone.
  void app.register(async (scope: HttpApp) => {
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit }, (_request, body, done) => done(null, body));
    scope.post(
      "/api/attachments",
      {
        config: { permission: "attachment.use" },
        bodyLimit,
        // Refused before a byte is read when the browser says how large it is.
        onRequest: async (request) => {
          if (Number(request.headers["content-length"] ?? 0) > bodyLimit) throw tooLarge();
        },
        schema: {
          tags,
          summary: "上传附件(请求体为文件本身；类型按内容识别)",
          querystring: attachmentUploadQuerySchema,
          response: { 201: attachmentSchema, ...errors, 409: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "请直接上传文件内容(不要用 JSON 包装)");
        const saved = await uploadAttachment(ctx, owners, actorOfRequest(request), { ...request.query, bytes: request.body });
        return reply.status(201).send(saved);
      },
    );
  });

  app.get(
    "/api/attachments",
    { config: { permission: "attachment.use" }, schema: { tags, summary: "某条记录的附件", querystring: attachmentOwnerQuerySchema, response: { 200: attachmentListSchema, ...errors } } },
    async (request) => ({ items: await listAttachmentsFor(ctx, owners, actorOfRequest(request), request.query.ownerKind, request.query.ownerId) }),
  );

  const downloadQuery = z.strictObject({ download: z.enum(["1"], { error: "download 只能为 1" }).optional() });
  app.get(
    "/api/attachments/:id/content",
    { config: { permission: "attachment.use" }, schema: { tags, summary: "打开附件(图片、PDF 在浏览器中打开；download=1 下载)", params: idParams, querystring: downloadQuery, response: errors } },
    async (request, reply) => sendBytes(reply, await readAttachment(ctx, owners, actorOfRequest(request), request.params.id, "content"), request.query.download === "1"),
  );

  app.get(
    "/api/attachments/:id/thumbnail",
    { config: { permission: "attachment.use" }, schema: { tags, summary: "图片缩略图(WebP，长边320像素)", params: idParams, response: errors } },
    async (request, reply) => sendBytes(reply, await readAttachment(ctx, owners, actorOfRequest(request), request.params.id, "thumbnail"), false),
  );

  app.delete(
    "/api/attachments/:id",
    { config: { permission: "attachment.use" }, schema: { tags, summary: "删除附件(留档不销毁)", params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeAttachment(ctx, owners, actorOfRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
