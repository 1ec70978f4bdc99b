import { attachmentMaxBytes } from "@jiangxin/domain";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { checkContent } from "./checkContent";

const jpeg = (width: number, height: number, orientation?: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata(orientation ? { orientation } : {})
    .toBuffer();
/** A Windows program's first bytes: the MZ header and a PE signature where the header points. */
function exe(): Buffer {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}
const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("checkContent: the type is read from the bytes", () => {
  it("accepts a photo and makes a 320-px WebP thumbnail, upright by its EXIF orientation", async () => {
    const checked = await checkContent(await jpeg(1200, 800, 6), "现场.JPG");
    expect(checked).toMatchObject({ mime: "image/jpeg", name: "现场.JPG", isImage: true, width: 800, height: 1200 });
    const thumb = await sharp(checked.thumbnail!).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 213, 320]);
  });

  it("refuses a Windows program renamed .jpg, saying what it is, with a 415", async () => {
    const error = await refusal(checkContent(exe(), "照片.jpg"));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.message).toContain("文件名是 .jpg，但内容是Windows 程序");
    expect(error.fields?.file).toBeTruthy();
  });

  it("refuses text, HTML and SVG whatever their name", async () => {
    for (const [bytes, name] of [
      [Buffer.from("just some words"), "说明.pdf"],
      [Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "图.png"],
    ] as const) {
      expect((await refusal(checkContent(bytes, name))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("accepts PDF and Office documents without a thumbnail, and names a mislabelled file by what it is", async () => {
    expect(await checkContent(pdf, "协议扫描件.pdf")).toMatchObject({ mime: "application/pdf", isImage: false, thumbnail: null });
    const book = new ExcelJS.Workbook();
    book.addWorksheet("成效").addRow(["节约", 12]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect(await checkContent(xlsx, "成效佐证.xlsx")).toMatchObject({ mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    // A PNG sent as .jpg is kept, named .png: the name follows the content.
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } }).png().toBuffer();
    expect((await checkContent(png, "截图.jpg")).name).toBe("截图.png");
  });

  it("refuses an empty file (400) and one over the limit (413) in Chinese", async () => {
    expect((await refusal(checkContent(Buffer.alloc(0), "a.jpg"))).message).toContain("文件是空的");
    const big = Buffer.concat([await jpeg(10, 10), Buffer.alloc(attachmentMaxBytes)]);
    const error = await refusal(checkContent(big, "大.jpg"));
    expect([error.code, error.message]).toEqual(["PAYLOAD_TOO_LARGE", expect.stringContaining("不能超过 10.0 MB")]);
  });

  it("keeps a damaged image without a thumbnail rather than refusing it", async () => {
    const cut = (await jpeg(400, 400)).subarray(0, 300);
    expect(await checkContent(cut, "半张.jpg")).toMatchObject({ mime: "image/jpeg", thumbnail: null });
  });
});
