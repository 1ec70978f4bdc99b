import PDFDocument from "pdfkit";
import { findCjkFont } from "./cjkFont";

export type PdfDoc = InstanceType<typeof PDFDocument>;

/**
 * Draws a PDF with the CJK font registered as "cjk" and selected, and returns its bytes. `draw`
 * writes on the document (A4 portrait unless `layout` says otherwise). Shared by every programme's
 * certificates, cards and sheets.
 */
export async function renderPdf(draw: (doc: PdfDoc) => void | Promise<void>, opts: { layout?: "portrait" | "landscape"; title?: string } = {}): Promise<Buffer> {
  const font = findCjkFont();
  const doc = new PDFDocument({ size: "A4", layout: opts.layout ?? "portrait", margin: 56, info: { Title: opts.title ?? "", Producer: "匠心" } });
  if (font.family) doc.registerFont("cjk", font.path, font.family);
  else doc.registerFont("cjk", font.path);
  doc.font("cjk");
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  await draw(doc);
  doc.end();
  return done;
}
