import type { ThemeConfig } from "antd";

/** Union red as the accent; system Chinese fonts only, because nothing may be fetched at run time. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#c41d1d",
    colorLink: "#c41d1d",
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif',
  },
};
