import QRCode from "qrcode";
import { renderPdf } from "../../../platform/pdf";

/** The check page's address the QR code carries (on the public area, no login). */
export const certificateCheckPath = (no: string, token: string) => `/public/certificates/${encodeURIComponent(no)}?k=${encodeURIComponent(token)}`;

/** 浙江金蓝领 certificate: landscape A4, the winner, the event, the number and a QR code to the public check. */
export async function certificatePdf(c: { certificateNo: string; personName: string; competitionName: string; eventName: string; year: number; place: number; approvedOn: string; checkUrl: string }): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.checkUrl, { type: "png", margin: 1, width: 240, errorCorrectionLevel: "M" });
  return renderPdf(
    (doc) => {
      const w = doc.page.width;
      doc.rect(28, 28, w - 56, doc.page.height - 56).lineWidth(3).stroke("#1f4e9c");
      doc.fillColor("#1f4e9c").fontSize(40).text("浙江金蓝领", 0, 90, { align: "center", width: w });
      doc.fillColor("#000").fontSize(16).text("荣誉证书", 0, 148, { align: "center", width: w, characterSpacing: 8 });
      doc.fontSize(20).text(`${c.personName} 同志：`, 110, 210);
      doc
        .fontSize(16)
        .text(`在${c.year}年${c.competitionName}“${c.eventName}”赛项中获得第${c.place}名，经浙江省总工会审核，认定为“浙江金蓝领”。`, 140, 250, { width: w - 420, lineGap: 10 });
      doc.fontSize(14).text("浙江省总工会", w - 330, 420, { width: 200, align: "center" });
      doc.fontSize(12).text(c.approvedOn, w - 330, 446, { width: 200, align: "center" });
      doc.image(qr, w - 250, 200, { width: 140 });
      doc.fontSize(10).text("扫码查验", w - 250, 344, { width: 140, align: "center" });
      doc.fontSize(11).text(`证书编号：${c.certificateNo}`, 110, 500);
      // The same address as the QR code, for a reader without a scanner.
      doc.fontSize(8).fillColor("#555").text(`查验：${c.checkUrl}`, 110, 520, { width: w - 220 });
    },
    { layout: "landscape", title: `浙江金蓝领证书 ${c.certificateNo}` },
  );
}
