import { z } from "zod";

// Messages users see come from zod on both server and client, so they must be Chinese everywhere.
// A missing field gets a plain "required" rather than zod's "expected string, received undefined".
z.config(z.locales.zhCN());
z.config({ customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "此项为必填项" : undefined) });
