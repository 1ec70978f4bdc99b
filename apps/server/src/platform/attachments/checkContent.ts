import { attachmentAllowedText, attachmentMaxBytes, attachmentTypes, formatFileSize } from "@jiangxin/domain";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../errors";

/** What the bytes turned out to be, and the thumbnail made from them (images). */
export type CheckedFile = {
  mime: string;
  /** The name to keep: the user's, with the extension of what the file really is when they differ. */
  name: string;
  isImage: boolean;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
};

/** Types people commonly rename, named in the refusal so the user knows what was seen. */
const knownRefusals: Record<string, string> = {
  "application/x-msdownload": "Windows 程序(exe/dll)",
  "application/x-elf": "可执行程序",
  "application/x-sh": "脚本",
  "application/zip": "压缩包(zip)",
  "application/x-rar-compressed": "压缩包(rar)",
  "application/vnd.rar": "压缩包(rar)",
  "application/x-7z-compressed": "压缩包(7z)",
  "text/html": "网页(html)",
  "image/svg+xml": "SVG 图形(可含脚本)",
};

const thumbnailEdge = 320;

const extOf = (name: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? "").toLowerCase();

/**
 * Checks an upload by its content: the size, then the type file-type reads from the magic bytes against
 * the allowed list; the name's extension only tells apart the legacy Office formats, which share one
 * container. Refusals are 4xx in Chinese. Images get a thumbnail (sharp; EXIF orientation applied).
 */
export async function checkContent(bytes: Buffer, name: string): Promise<CheckedFile> {
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "文件是空的，请重新选择", { file: "文件是空的" });
  if (bytes.length > attachmentMaxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `文件过大(${formatFileSize(bytes.length)})，单个附件不能超过 ${formatFileSize(attachmentMaxBytes)}`, {
      file: `不能超过 ${formatFileSize(attachmentMaxBytes)}`,
    });
  }
  const detected = await fileTypeFromBuffer(bytes);
  const ext = extOf(name);
  let mime: string | undefined = detected?.mime;
  // .doc/.xls/.ppt are all one OLE compound file; the name says which, the container says it is Office-shaped.
  if (mime === "application/x-cfb") {
    mime = { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" }[ext];
  }
  const type = attachmentTypes.find((t) => t.mime === mime);
  if (!type) {
    const seen = detected ? (knownRefusals[detected.mime] ?? `${detected.ext} 文件`) : "无法识别的内容";
    const claimed = ext ? `文件名是 .${ext}，但` : "";
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `不支持此文件：${claimed}内容是${seen}。可上传：${attachmentAllowedText}`, {
      file: `内容是${seen}，不在允许的类型内`,
    });
  }
  const exts: readonly string[] = type.exts;
  const keptName = exts.includes(ext) ? name : `${ext ? name.slice(0, -(ext.length + 1)) : name}.${type.exts[0]}`;
  if (!type.image) return { mime: type.mime, name: keptName, isImage: false, thumbnail: null, width: null, height: null };
  return { mime: type.mime, name: keptName, isImage: true, ...(await thumbnailOf(bytes)) };
}

/** A 320-px WebP; an image sharp cannot decode (some HEIC) is kept without one rather than refused. */
async function thumbnailOf(bytes: Buffer): Promise<{ thumbnail: Buffer | null; width: number | null; height: number | null }> {
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: 100_000_000 }).rotate();
    const meta = await image.metadata();
    // Orientations 5–8 are quarter turns: the upright picture is as wide as the stored one is tall.
    const turned = (meta.orientation ?? 1) >= 5;
    const thumbnail = await image.resize({ width: thumbnailEdge, height: thumbnailEdge, fit: "inside", withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
    return { thumbnail, width: (turned ? meta.height : meta.width) ?? null, height: (turned ? meta.width : meta.height) ?? null };
  } catch {
    return { thumbnail: null, width: null, height: null };
  }
}
