import { useQuery } from "@tanstack/react-query";
import type { Touchpoint, TouchpointListItem } from "../../../../shared/contracts/touchpoints.js";
import { api, type Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

/** A cursor-paged touchpoint list for the given filters (ListTouchpointsQuery). */
export function useTouchpoints(query: Query, opts?: { enabled?: boolean }) {
  return useCursorList<TouchpointListItem>(["touchpoints", "list"], "/touchpoints", query, opts);
}

/** One touchpoint by id. */
export function useTouchpoint(id: string | null) {
  return useQuery({
    queryKey: ["touchpoints", "detail", id],
    queryFn: ({ signal }) => api.get<Touchpoint>(`/touchpoints/${id}`, undefined, signal),
    enabled: !!id,
  });
}
