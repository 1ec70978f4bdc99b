import { z } from "zod";

/**
 * 公众服务: what a programme (or the platform) publishes for people who do not log in — the station
 * finder, results, certificate checks, public indicators. The landing page lists these entries.
 */
export const publicEntrySchema = z.object({
  /** Stable key, `<programme or module id>.<entry>`. */
  key: z.string(),
  /** Who publishes it: a programme's or a module's name (劳模工匠助企行, 职工服务 …). */
  publisher: z.string(),
  title: z.string(),
  summary: z.string(),
  /** A page of the web app's public area (/public/…) or a login-only page (/register). */
  link: z.string(),
});
export type PublicEntry = z.infer<typeof publicEntrySchema>;

export const publicEntryListSchema = z.object({ items: z.array(publicEntrySchema), generatedAt: z.string() });
export type PublicEntryList = z.infer<typeof publicEntryListSchema>;
