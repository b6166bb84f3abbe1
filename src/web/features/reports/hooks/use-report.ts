import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type Query } from "../../../lib/api-client";
import { reportQuery, type ReportFilters } from "./report-filters";

/**
 * One report for the filters: `GET /reports/<name>` for the period (and, with comparison on, the previous period in
 * `previous`). `extra` adds the report's own query fields. While new filters load, the last result stays shown.
 */
export function useReport<T>(name: string, filters: ReportFilters, extra: Query = {}) {
  const { range, previous, scope } = filters;
  const current = useQuery({
    queryKey: ["report", name, range, scope, extra],
    queryFn: ({ signal }) => api.get<T>(`/reports/${name}`, { ...reportQuery(range!, scope), ...extra }, signal),
    enabled: range !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const prior = useQuery({
    queryKey: ["report", name, previous, scope, extra],
    queryFn: ({ signal }) => api.get<T>(`/reports/${name}`, { ...reportQuery(previous!, scope), ...extra }, signal),
    enabled: previous !== null,
    staleTime: 60_000,
  });
  return { ...current, previous: previous ? prior.data : undefined, previousLoading: previous !== null && prior.isLoading };
}
