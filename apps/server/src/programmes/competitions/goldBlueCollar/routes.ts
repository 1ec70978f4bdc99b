import { goldBlueCollarDecisionSchema, certificateCheckSchema, errorBodySchema, goldBlueCollarSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { publicMaxAgeSeconds } from "../../../platform/publicArea";
import { publicRateLimits } from "../../../platform/rateLimit";
import { certificateCheckPath, certificatePdf } from "./certificatePdf";
import { certificateFor, checkCertificate, decideGoldBlueCollar, listGoldBlueCollars } from "./goldBlueCollarService";

const tags = ["职业技能竞赛 competitions"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });

export function goldBlueCollarRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/gold-blue-collars",
    {
      config: { permission: "competition.read" },
      schema: { tags, summary: "浙江金蓝领提名与认定", querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: z.enum(["nominated", "approved", "declined"]).optional() }), response: { 200: z.array(goldBlueCollarSchema) } },
    },
    (request) => listGoldBlueCollars(ctx, actorOfRequest(request), request.query),
  );
  app.post(
    "/api/gold-blue-collars/:id/decision",
    { config: { permission: "competition.approve" }, schema: { tags, summary: "省总工会审核金蓝领(认定或不予认定)", params: idParams, body: goldBlueCollarDecisionSchema, response: { 200: goldBlueCollarSchema, 404: errorBodySchema, 409: errorBodySchema } } },
    (request) => decideGoldBlueCollar(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.get("/api/gold-blue-collars/:id/certificate.pdf", { config: { permission: "competition.read" }, schema: { tags, summary: "金蓝领证书(PDF，含查验二维码)", params: idParams } }, async (request, reply) => {
    const g = await certificateFor(ctx, actorOfRequest(request), request.params.id);
    // The QR code points at this server's public check page, as the browser reached it.
    const origin = `${request.protocol}://${request.host}`;
    const pdf = await certificatePdf({ ...g, certificateNo: g.certificateNo!, approvedOn: g.approvedAt?.slice(0, 10) ?? "", checkUrl: origin + certificateCheckPath(g.certificateNo!, g.checkToken!) });
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `inline; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(`浙江金蓝领证书_${g.certificateNo}.pdf`)}`)
      .send(pdf);
  });
  app.get(
    "/api/public/certificates/:no",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: ["公众服务 public"], summary: "浙江金蓝领证书查验(公开)", params: z.object({ no: z.string().max(40) }), querystring: z.object({ k: z.string().max(40).default("") }), response: { 200: certificateCheckSchema } },
    },
    async (request, reply) => {
      void reply.header("cache-control", `public, max-age=${publicMaxAgeSeconds}`);
      return checkCertificate(ctx, request.params.no, request.query.k);
    },
  );
}
