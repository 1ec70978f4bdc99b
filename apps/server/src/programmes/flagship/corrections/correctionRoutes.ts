import type { Permission, VoidInput } from "@jiangxin/domain";
import { correctionListSchema, errorBodySchema, voidInputSchema } from "@jiangxin/domain";
import type { z } from "zod";
import type { Actor } from "../../../platform/actor";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { listCorrections } from "./recordCorrection";

/** One kind of flagship record that is corrected, voided and has a 更正记录 the same way. */
export type CorrectableKind<C extends z.ZodType, R extends z.ZodType> = {
  /** The record's collection, e.g. "/api/trainings". */
  path: string;
  /** The record as the summaries name it: 培训, 协议, 服务场次. */
  noun: string;
  tags: string[];
  idParams: z.ZodObject<{ id: z.ZodType<string> }>;
  /** Who reads the record (and so its history); who corrects it. Voiding is always record.void. */
  readPermission: Permission;
  writePermission: Permission;
  correctionSchema: C;
  recordSchema: R;
  /** The record for this actor, 404 outside its scope: the history is read only where the record is. */
  read: (ctx: AppContext, actor: Actor, id: string) => Promise<unknown>;
  correct: (ctx: AppContext, actor: Actor, id: string, input: z.infer<C>) => Promise<z.infer<R>>;
  void: (ctx: AppContext, actor: Actor, id: string, input: VoidInput) => Promise<z.infer<R>>;
};

/**
 * The three correction routes of a record kind — `POST :id/correct` (with a reason), `POST :id/void`
 * (record.void, with a reason) and `GET :id/corrections` — registered in one place so sessions,
 * trainings and agreements keep one shape: same permissions rule, same answers, same summaries.
 */
export function correctionRoutes<C extends z.ZodType, R extends z.ZodType>(app: HttpApp, ctx: AppContext, kind: CorrectableKind<C, R>): void {
  const { tags, idParams, noun } = kind;
  // Widened for the type checker only (a generic schema's output does not resolve inside fastify's reply
  // types); the same schema still serializes the answer, and `correct`/`void` are typed by R above.
  const writeResponses = { 200: kind.recordSchema as z.ZodType, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
  app.post(
    `${kind.path}/:id/correct`,
    { config: { permission: kind.writePermission }, schema: { tags, summary: `更正${noun}(须填理由)`, params: idParams, body: kind.correctionSchema, response: writeResponses } },
    (request) => kind.correct(ctx, actorOfRequest(request), request.params.id, request.body as z.infer<C>),
  );
  app.post(
    `${kind.path}/:id/void`,
    { config: { permission: "record.void" }, schema: { tags, summary: `作废${noun}(须填理由，不再计入统计)`, params: idParams, body: voidInputSchema, response: writeResponses } },
    (request) => kind.void(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.get(
    `${kind.path}/:id/corrections`,
    { config: { permission: kind.readPermission }, schema: { tags, summary: `${noun}的更正记录`, params: idParams, response: { 200: correctionListSchema, 404: errorBodySchema } } },
    async (request) => {
      await kind.read(ctx, actorOfRequest(request), request.params.id);
      return listCorrections(ctx.database.db, request.params.id);
    },
  );
}
