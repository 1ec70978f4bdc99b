// Attachments in the web app: the panel any programme page puts on a record (docs/attachments.md).
export { AttachmentPanel, type AttachmentPanelProps } from "./AttachmentPanel";
export { attachmentContentUrl, attachmentQueryKeys, attachmentThumbnailUrl, listAttachments, uploadAttachment } from "./attachmentApi";
