import { useEffect, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Job } from "../../../../shared/contracts/jobs.js";
import type { Page } from "../../../../shared/contracts/common.js";
import { api } from "../../../lib/api-client";
import { useJob } from "../../../lib/use-job";

/** The newest training job, polled while it runs; the model, its history and contact scores refresh when it ends. */
export function useTrainingJob(enabled = true) {
  const qc = useQueryClient();
  const latest = useQuery({
    queryKey: ["jobs", "list", { kind: "predictive_train" }],
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Job>>("/jobs", { kind: "predictive_train", limit: 1, sort: "-createdAt" }, signal);
      return page.items[0] ?? null;
    },
    enabled,
  });
  const job = useJob(latest.data?.id, latest.data ?? undefined);
  const status = job.data?.status;
  const seen = useRef(status);
  useEffect(() => {
    if (status === "succeeded" && seen.current && seen.current !== "succeeded") {
      void qc.invalidateQueries({ queryKey: ["predictive"] });
      void qc.invalidateQueries({ queryKey: ["contacts"] });
    }
    seen.current = status;
  }, [status, qc]);
  return job.data ?? latest.data ?? null;
}
