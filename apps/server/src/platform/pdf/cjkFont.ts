import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** A font file and, for a collection (.ttc), the face inside it that PDFKit should use. */
export type CjkFont = { path: string; family: string };

const known: CjkFont[] = [
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
  { path: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", family: "NotoSerifCJKsc-Regular" },
  { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYiMicroHei" },
];

let cached: CjkFont | undefined;

/**
 * The Chinese font every generated PDF embeds (PDFKit's built-in fonts have no CJK glyphs and would
 * print empty boxes). Debian's fonts-noto-cjk first (.ci/run installs it), then whatever fontconfig
 * names for zh; JIANGXIN_CJK_FONT=/path[#face] overrides. Throws a message saying what to install.
 */
export function findCjkFont(): CjkFont {
  if (cached) return cached;
  const override = process.env.JIANGXIN_CJK_FONT;
  if (override) {
    const [path, family] = override.split("#");
    if (path && existsSync(path)) return (cached = { path, family: family ?? "" });
  }
  const hit = known.find((f) => existsSync(f.path));
  if (hit) return (cached = hit);
  try {
    const out = execFileSync("fc-match", ["-f", "%{file}", ":lang=zh"], { encoding: "utf8", timeout: 2000 }).trim();
    if (out && existsSync(out) && /\.(ttf|otf)$/i.test(out)) return (cached = { path: out, family: "" });
  } catch {
    // fontconfig absent: fall through to the error below.
  }
  throw new Error("生成PDF需要中文字体：请安装 fonts-noto-cjk (apt-get install fonts-noto-cjk)，或用 JIANGXIN_CJK_FONT=/字体路径 指定");
}
