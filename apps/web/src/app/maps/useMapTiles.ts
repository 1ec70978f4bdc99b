import { mapTilesAnswerSchema, type MapTiles } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { request } from "../request";

/**
 * The tile base map the server is configured with (JIANGXIN_MAP_TILES), or null: then maps draw the
 * county outlines that ship with the app. A failed request counts as null too — the outlines need no
 * network, so a map is still drawn.
 */
export function useMapTiles(): { pending: boolean; tiles: MapTiles | null } {
  const query = useQuery({
    queryKey: ["public", "map-tiles"],
    queryFn: ({ signal }) => request("/api/public/map-tiles", { schema: mapTilesAnswerSchema, signal, expireSessionOn401: false }),
    staleTime: 60 * 60_000,
    retry: 1,
  });
  return { pending: query.isPending, tiles: query.data?.tiles ?? null };
}
