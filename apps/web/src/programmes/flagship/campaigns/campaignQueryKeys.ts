/** One prefix for every campaign query, so creating one refreshes lists and the indicators page's picker. */
export const campaignQueryKeys = {
  all: ["campaigns"] as const,
  list: (year: number | undefined) => ["campaigns", "list", year ?? null] as const,
  detail: (id: string) => ["campaigns", "detail", id] as const,
  regions: (id: string) => ["campaigns", "regions", id] as const,
};
