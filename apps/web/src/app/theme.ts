import type { ThemeConfig } from "antd";

/**
 * Someone who has asked their system for less motion (an accessibility setting on phones and desktops)
 * gets none: dialogs, dropdowns and messages appear in place instead of zooming and sliding. Read once
 * at start; the setting is rarely changed while a page is open.
 */
const prefersReducedMotion = typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** Union red as the accent; system Chinese fonts only, because nothing may be fetched at run time. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#c41d1d",
    colorLink: "#c41d1d",
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif',
    motion: !prefersReducedMotion,
  },
};
