// 附件: the platform's attachment service. A module registers the kinds of its records that carry
// attachments (Programme.attachmentOwners) with its own read/attach rules; app.ts mounts the routes.
// Contract and decisions: docs/attachments.md.
export type { AttachmentOwner } from "./attachmentOwner";
export { attachmentBytesOf, attachmentsOfOwners } from "./attachmentService";
export { attachmentRoutes } from "./routes";
