import type { Actor } from "../actor";
import type { AppContext } from "../context";
import type { Db } from "../db/database";

/**
 * A kind of record that may carry attachments, registered by the module that owns the record (the
 * platform imports no module, so the module passes its rules in: Programme.attachmentOwners). Each
 * check runs on the request's database handle and must apply the module's own scope: a record the
 * actor cannot see answers false, and the platform then answers 404 as for a missing record.
 */
export type AttachmentOwner = {
  /** "<module>.<record>", e.g. "flagship.problem". */
  kind: string;
  /** The record in words, for messages (难题). */
  label: string;
  /** Only images may be attached (a station's photos): anything else is a 400 with a field message on `file`. */
  imagesOnly?: boolean;
  /** May the actor see the record, and so its attachments? */
  canRead(ctx: AppContext, db: Db, actor: Actor, ownerId: string): Promise<boolean>;
  /** May the actor add attachments to it now (its scope, and the record's state: a closed record may refuse)? */
  canAttach(ctx: AppContext, db: Db, actor: Actor, ownerId: string): Promise<boolean>;
  /**
   * May the actor remove this attachment? Default: its uploader, while it may still attach.
   * `uploadedBy` is the uploader's user id.
   */
  canRemove?(ctx: AppContext, db: Db, actor: Actor, ownerId: string, uploadedBy: string): Promise<boolean>;
};
