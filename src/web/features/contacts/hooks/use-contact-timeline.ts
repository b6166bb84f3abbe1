import { useInfiniteQuery } from "@tanstack/react-query";
import type { TimelineEntry } from "../../../../shared/contracts/contacts.js";
import { api } from "../../../lib/api-client";

const PAGE = 30;

/** A contact's touchpoints and stage changes, newest first, paged backwards with `before`. */
export function useContactTimeline(contactId: string | undefined) {
  const result = useInfiniteQuery({
    queryKey: ["contacts", "timeline", contactId],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: TimelineEntry[]; nextBefore: string | null }>(`/contacts/${contactId}/timeline`, { limit: PAGE, before: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore ?? null,
    enabled: !!contactId,
  });
  const entries = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, entries };
}
