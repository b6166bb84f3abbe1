import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { MarkReadBody, Notification } from "../../../../shared/contracts/notifications.js";
import { api } from "../../../lib/api-client";

type Feed = { items: Notification[]; nextCursor: string | null; unread: number };
const KEY = ["notifications"] as const;

/** The signed-in user's notification feed (optionally unread only), newest first. */
export function useNotifications(unreadOnly: boolean) {
  const result = useInfiniteQuery({
    queryKey: [...KEY, "feed", unreadOnly],
    queryFn: ({ pageParam, signal }) => api.get<Feed>("/notifications", { unread: unreadOnly ? "true" : undefined, cursor: pageParam ?? undefined, limit: 50 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
  const items: Serialized<Notification>[] = result.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...result, items, unread: result.data?.pages[0]?.unread ?? 0 };
}

/** How many notifications are unread, refreshed every 30 seconds and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, "unread"],
    queryFn: ({ signal }) => api.get<Feed>("/notifications", { unread: "true", limit: 1 }, signal),
    select: (feed) => feed.unread,
    refetchInterval: 30_000,
  });
}

/** Marks some or all of the user's notifications read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadBody) => api.post<{ marked: number; unread: number }>("/notifications/read", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
