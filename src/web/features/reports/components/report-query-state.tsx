import type { ReactNode } from "react";
import { Skeleton } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { QueryError } from "../../../components/query-error";

/** Loading, error and stale states of a report query; renders `children` with the data once there is some. */
export function ReportQueryState<T>({ query, height = 260, children }: { query: Pick<UseQueryResult<T>, "data" | "isError" | "error" | "refetch" | "isPlaceholderData">; height?: number; children: (data: T) => ReactNode }) {
  if (query.isError && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton h={height} radius="md" data-testid="report-loading" />;
  return (
    <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }} data-stale={query.isPlaceholderData ? "true" : "false"}>
      {children(query.data)}
    </div>
  );
}
