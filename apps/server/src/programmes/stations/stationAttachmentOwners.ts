import { roleHas } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { scopeCondition } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import type { AttachmentOwner } from "../../platform/attachments";
import type { Db } from "../../platform/db/database";
import { stations } from "./tables";

/** The photos' owner kind: a station's photos (the public station page shows them; see photoRoutes). */
export const stationPhotoKind = "stations.station";

const inScope = async (db: Db, actor: Actor, id: string) => {
  const [row] = await db.select({ id: stations.id }).from(stations).where(and(eq(stations.id, id), scopeCondition(actor, { county: stations.countyCode })));
  return Boolean(row);
};

/**
 * 站点照片: staff who may edit the station (its county, city, the province) add and remove them, images
 * only; staff who see it read them through the platform's routes; the public reads them through the
 * station's own public routes (a station's photos are public: they show the place, never people).
 */
export const stationAttachmentOwners: AttachmentOwner[] = [
  {
    kind: stationPhotoKind,
    label: "站点照片",
    imagesOnly: true,
    canRead: async (_ctx, db, actor, id) => roleHas(actor.role, "station.read") && inScope(db, actor, id),
    canAttach: async (_ctx, db, actor, id) => roleHas(actor.role, "station.write") && inScope(db, actor, id),
    canRemove: async (_ctx, db, actor, id) => roleHas(actor.role, "station.write") && inScope(db, actor, id),
  },
];
