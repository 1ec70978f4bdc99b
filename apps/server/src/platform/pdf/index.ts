// PDF generation with Chinese text: the font finder and the renderer every programme's documents use.
export { findCjkFont, type CjkFont } from "./cjkFont";
export { renderPdf, type PdfDoc } from "./renderPdf";
