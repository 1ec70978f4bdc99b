import { csrfHeader, importJobSchema, type ImportJob, type ImportKind, type ImportMode } from "@jiangxin/domain";
import { ApiError } from "../../app/ApiError";
import { request } from "../../app/request";
import { getCachedSession } from "../../app/sessionCache";

export const templateUrl = (kind: ImportKind) => `/api/imports/${kind}/template`;
export const errorRowsUrl = (jobId: string) => `/api/imports/jobs/${encodeURIComponent(jobId)}/errors`;

export function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return request(`/api/imports/jobs/${encodeURIComponent(id)}`, { schema: importJobSchema, signal });
}

/**
 * Uploads the spreadsheet with XMLHttpRequest rather than fetch, because only XHR reports upload
 * progress — the part of a big import that happens on the phone's connection.
 */
export function uploadImport(kind: ImportKind, mode: ImportMode, file: File, onProgress: (percent: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports/${kind}?mode=${mode}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const token = getCachedSession()?.csrfToken;
    if (token) xhr.setRequestHeader(csrfHeader, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: "INTERNAL", message: "上传失败，请检查网络后重试" }));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below as a non-JSON answer
      }
      if (xhr.status === 202) {
        const job = importJobSchema.safeParse(body);
        if (job.success) return resolve(job.data);
      }
      const message = typeof body === "object" && body !== null && "message" in body && typeof body.message === "string" ? body.message : `上传失败（HTTP ${xhr.status}）`;
      reject(new ApiError(xhr.status, { code: xhr.status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", message }));
    };
    xhr.send(file);
  });
}

/** Downloads an export with the session cookie and saves it under the server's file name. */
export async function downloadFile(url: string): Promise<void> {
  const response = await fetch(url, { credentials: "include" });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const message = typeof body === "object" && body !== null && "message" in body && typeof body.message === "string" ? body.message : `导出失败（HTTP ${response.status}）`;
    throw new ApiError(response.status, { code: "BAD_REQUEST", message });
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : "导出.xlsx";
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.click();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
