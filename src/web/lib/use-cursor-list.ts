import { useInfiniteQuery } from "@tanstack/react-query";
import type { Page, Serialized } from "../../shared/contracts/common.js";
import { api, type Query } from "./api-client";

/** A cursor-paged list endpoint as an infinite query: pages of `{items, nextCursor}`, flattened for tables. */
export function useCursorList<T>(key: readonly unknown[], path: string, query: Query, opts: { enabled?: boolean } = {}) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { ...query, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    enabled: opts.enabled ?? true,
    placeholderData: (prev) => prev,
  });
  const items: Serialized<T>[] = result.data?.pages.flatMap((p) => p.items as Serialized<T>[]) ?? [];
  return { ...result, items };
}

type PagedList = { isLoading: boolean; isFetching: boolean; isPlaceholderData: boolean; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** The loading and "Load more" props a DataTable takes from a cursor list; a re-filtered or re-sorted list counts as loading. */
export function pagingProps(list: PagedList) {
  return {
    loading: list.isLoading || (list.isFetching && list.isPlaceholderData),
    hasMore: list.hasNextPage,
    loadingMore: list.isFetchingNextPage,
    onLoadMore: () => void list.fetchNextPage(),
  };
}
