import { MutationCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./ApiError";

export const queryClient: QueryClient = new QueryClient({
  // Any write may raise or close a to-do (docs/inbox.md), so the header's bell and 工作台 refresh after each.
  mutationCache: new MutationCache({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["inbox"] }) }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; only network and server faults are retried.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});
