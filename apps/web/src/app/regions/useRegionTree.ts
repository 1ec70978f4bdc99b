import { useQuery } from "@tanstack/react-query";
import { fetchRegionTree } from "./api";

/** The region tree; `on` absent means today. Region data changes rarely, so it is kept for a while. */
export function useRegionTree(on?: string) {
  return useQuery({
    queryKey: ["regions", "tree", on ?? "today"],
    queryFn: ({ signal }) => fetchRegionTree(on, signal),
    staleTime: 10 * 60_000,
  });
}
