import { attachmentListSchema, attachmentSchema, csrfHeader, errorBodySchema, type Attachment } from "@jiangxin/domain";
import { ApiError } from "../ApiError";
import { request } from "../request";
import { clearSession, getCachedSession } from "../sessionCache";

export const attachmentQueryKeys = {
  all: ["attachments"] as const,
  of: (ownerKind: string, ownerId: string) => ["attachments", ownerKind, ownerId] as const,
};

export const attachmentContentUrl = (id: string, download = false) => `/api/attachments/${encodeURIComponent(id)}/content${download ? "?download=1" : ""}`;
export const attachmentThumbnailUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}/thumbnail`;

export function listAttachments(ownerKind: string, ownerId: string, signal?: AbortSignal): Promise<Attachment[]> {
  return request("/api/attachments", { query: { ownerKind, ownerId }, schema: attachmentListSchema, signal }).then((list) => list.items);
}

export function removeAttachment(id: string): Promise<void> {
  return request(`/api/attachments/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/**
 * Sends one file as the raw request body (the server reads its type from the bytes). XMLHttpRequest,
 * not fetch, because a phone photo on a slow network takes seconds and the user should see progress.
 */
export function uploadAttachment(owner: { ownerKind: string; ownerId: string }, file: File, onProgress?: (percent: number) => void): Promise<Attachment> {
  const query = new URLSearchParams({ ...owner, name: file.name || "照片.jpg" });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/attachments?${query.toString()}`);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    const token = getCachedSession()?.csrfToken;
    if (token) xhr.setRequestHeader(csrfHeader, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: "INTERNAL", message: "网络中断，附件未上传，请重试" }));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A gateway's page instead of our JSON: handled below.
      }
      if (xhr.status === 201) {
        resolve(attachmentSchema.parse(body));
        return;
      }
      const error = errorBodySchema.safeParse(body);
      if (xhr.status === 401) clearSession();
      reject(
        new ApiError(
          xhr.status,
          error.success ? error.data : { code: xhr.status === 413 ? "PAYLOAD_TOO_LARGE" : "INTERNAL", message: xhr.status === 413 ? "文件过大，未上传" : `上传失败（HTTP ${xhr.status}），请稍后重试` },
        ),
      );
    };
    xhr.send(file);
  });
}
