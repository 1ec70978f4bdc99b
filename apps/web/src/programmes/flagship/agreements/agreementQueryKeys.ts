import type { AgreementListQuery } from "@jiangxin/domain";

export const agreementQueryKeys = {
  all: ["agreements"] as const,
  list: (query: AgreementListQuery) => ["agreements", "list", query] as const,
  detail: (id: string) => ["agreements", "detail", id] as const,
};
