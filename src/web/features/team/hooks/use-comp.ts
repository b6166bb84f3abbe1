import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CompPlan, CompStatement, CreateCompPlanBody, UpdateCompPlanBody, WhatIf } from "../../../../shared/contracts/team.js";
import { api } from "../../../lib/api-client";

/** Commission plans with their reps. */
export function useCompPlans() {
  return useQuery({ queryKey: ["comp-plans"], queryFn: ({ signal }) => api.get<{ items: CompPlan[] }>("/comp-plans", undefined, signal), select: (d) => d.items });
}

/** Creates or changes a plan, then puts exactly the chosen reps on it. */
export function useSaveCompPlan() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: async ({ id, body, userIds }: { id: string | null; body: CreateCompPlanBody | UpdateCompPlanBody; userIds: string[] }) => {
      const plan = id ? await api.patch<CompPlan>(`/comp-plans/${id}`, body) : await api.post<CompPlan>("/comp-plans", body);
      return api.put<CompPlan>(`/comp-plans/${plan.id}/reps`, { userIds });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["comp-plans"] });
      void qc.invalidateQueries({ queryKey: ["comp-statements"] });
    },
  });
}

/** Deletes a plan. */
export function useDeleteCompPlan() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/comp-plans/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ["comp-plans"] }) });
}

/** A month's statements (every rep's for managers, one's own otherwise). */
export function useCompStatements(month: string) {
  return useQuery({ queryKey: ["comp-statements", month], queryFn: ({ signal }) => api.get<{ month: string; items: CompStatement[] }>("/comp-statements", { month }, signal), select: (d) => d.items });
}

/** Freezes a rep's statement of a month. */
export function useFinaliseStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, month }: { userId: string; month: string }) => api.post<CompStatement>(`/comp-statements/${userId}/${month}/finalise`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["comp-statements"] }),
  });
}

/** Both plans on the workspace's history. */
export function useWhatIf(q: { planA: string | null; planB: string | null; from: string; to: string }) {
  return useQuery({
    queryKey: ["comp-what-if", q],
    queryFn: ({ signal }) => api.get<WhatIf>("/comp-what-if", { planA: q.planA!, planB: q.planB!, from: q.from, to: q.to }, signal),
    enabled: !!q.planA && !!q.planB,
  });
}
