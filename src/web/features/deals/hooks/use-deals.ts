import { useQuery } from "@tanstack/react-query";
import type { DealDetail, DealListItem } from "../../../../shared/contracts/deals.js";
import { api, type Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

/** A cursor-paged deal list for the given filters and sort (ListDealsQuery). */
export function useDeals(query: Query, opts?: { enabled?: boolean }) {
  return useCursorList<DealListItem>(["deals", "list"], "/deals", query, opts);
}

/** One deal with its contacts and roles, and its stage history. */
export function useDeal(id: string | undefined) {
  return useQuery({
    queryKey: ["deals", "detail", id],
    queryFn: ({ signal }) => api.get<DealDetail>(`/deals/${id}`, undefined, signal),
    enabled: !!id,
  });
}
