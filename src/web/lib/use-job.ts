import { useQuery } from "@tanstack/react-query";
import type { Job } from "../../shared/contracts/jobs.js";
import type { Serialized } from "../../shared/contracts/common.js";
import { api } from "./api-client";

export type JobView = Serialized<Job>;

/** Whether a job has stopped (succeeded or failed). */
export function isJobFinished(job: Pick<JobView, "status"> | null | undefined): boolean {
  return job?.status === "succeeded" || job?.status === "failed";
}

/** One job, polled every second until it succeeds or fails (`initial` shows at once while the first poll runs). */
export function useJob(id: string | null | undefined, initial?: JobView) {
  return useQuery({
    queryKey: ["jobs", "detail", id],
    queryFn: ({ signal }) => api.get<Job>(`/jobs/${id}`, undefined, signal),
    enabled: !!id,
    initialData: initial && initial.id === id ? initial : undefined,
    // Seed data counts as stale so the first poll happens at once.
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : 1000),
    refetchIntervalInBackground: false,
  });
}
