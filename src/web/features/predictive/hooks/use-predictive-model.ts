import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Job } from "../../../../shared/contracts/jobs.js";
import type { ActiveModelResponse, PredictiveModelSummary, TrainModelBody } from "../../../../shared/contracts/predictive.js";
import { api } from "../../../lib/api-client";

export type ModelSummary = Serialized<PredictiveModelSummary>;

/** The active model with its held-out metrics (null before the first training) and today's outcome counts. */
export function useActiveModel(enabled = true) {
  return useQuery({
    queryKey: ["predictive", "active"],
    queryFn: ({ signal }) => api.get<ActiveModelResponse>("/predictive/models/active", undefined, signal),
    enabled,
  });
}

/** Every trained version, newest first. */
export function useModelHistory(enabled = true) {
  return useQuery({
    queryKey: ["predictive", "history"],
    queryFn: ({ signal }) => api.get<{ items: PredictiveModelSummary[] }>("/predictive/models", { limit: 50 }, signal),
    enabled,
    select: (page) => page.items,
  });
}

/** Starts a training job (or gets the one already waiting); the training-job query picks it up. */
export function useTrainModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainModelBody) => api.post<Job>("/predictive/models", body),
    onSuccess: (job) => qc.setQueryData(["jobs", "list", { kind: "predictive_train" }], job),
  });
}
