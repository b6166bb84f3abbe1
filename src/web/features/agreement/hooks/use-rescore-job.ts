import { useEffect, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Job } from "../../../../shared/contracts/jobs.js";
import type { Page } from "../../../../shared/contracts/common.js";
import { api } from "../../../lib/api-client";
import { useJob } from "../../../lib/use-job";

/** The newest re-score run for a version (activation queues one), polled while it runs; scores refresh when it ends. */
export function useRescoreJob(definitionId: string | null | undefined) {
  const qc = useQueryClient();
  const latest = useQuery({
    queryKey: ["jobs", "list", { kind: "rescore", subjectId: definitionId }],
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Job>>("/jobs", { kind: "rescore", subjectId: definitionId ?? undefined, limit: 1, sort: "-createdAt" }, signal);
      return page.items[0] ?? null;
    },
    enabled: !!definitionId,
  });
  const job = useJob(latest.data?.id, latest.data ?? undefined);
  const status = job.data?.status;
  const seen = useRef(status);
  useEffect(() => {
    // Contacts shown elsewhere carry scores from before the re-score.
    if (status === "succeeded" && seen.current && seen.current !== "succeeded") void qc.invalidateQueries({ queryKey: ["contacts"] });
    seen.current = status;
  }, [status, qc]);
  return job.data ?? latest.data ?? null;
}
