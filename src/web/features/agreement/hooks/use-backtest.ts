import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BacktestResultSchema, type BacktestResult, type StartBacktestBody } from "../../../../shared/contracts/backtest.js";
import type { Job } from "../../../../shared/contracts/jobs.js";
import { api } from "../../../lib/api-client";
import { isApiError } from "../../../lib/api-error";
import type { JobView } from "../../../lib/use-job";

/** The newest back-test job of a version, or null when none was run yet. */
export function useLatestBacktest(definitionId: string) {
  return useQuery({
    queryKey: ["lead-definitions", "backtest", definitionId],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Job>(`/lead-definitions/${definitionId}/backtests/latest`, undefined, signal);
      } catch (err) {
        if (isApiError(err, "not_found")) return null;
        throw err;
      }
    },
  });
}

/** Starts a back-test of a version over the last N months; answers with the queued job. */
export function useStartBacktest(definitionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StartBacktestBody) => api.post<Job>(`/lead-definitions/${definitionId}/backtests`, body),
    onSuccess: (job) => qc.setQueryData(["lead-definitions", "backtest", definitionId], job),
  });
}

/** A finished back-test job's result, checked against the contract (null when absent or not of that shape). */
export function backtestResultOf(job: JobView | null | undefined): BacktestResult | null {
  if (!job || job.status !== "succeeded" || !job.result) return null;
  const parsed = BacktestResultSchema.safeParse(job.result);
  return parsed.success ? parsed.data : null;
}
