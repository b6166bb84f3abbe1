import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApproveDefinitionBody, CreateDefinitionBody, DefinitionBody, LeadDefinition } from "../../../../shared/contracts/agreement.js";
import { api } from "../../../lib/api-client";

function useInvalidateDefinitions() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["lead-definitions"] });
}

/** Starts a draft: a copy of the active version (the starter rules when none is active), or the given rules. */
export function useCreateDraft() {
  const invalidate = useInvalidateDefinitions();
  return useMutation({
    mutationFn: (body: CreateDefinitionBody) => api.post<LeadDefinition>("/lead-definitions", body),
    onSuccess: invalidate,
  });
}

/** Replaces a draft's or proposal's rules; saving a proposal resets both approvals. */
export function useUpdateDefinition(id: string) {
  const invalidate = useInvalidateDefinitions();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: DefinitionBody) => api.put<LeadDefinition>(`/lead-definitions/${id}`, body),
    onSuccess: invalidate,
  });
}

/** Puts a draft up for approval by both sides. */
export function useProposeDefinition(id: string) {
  const invalidate = useInvalidateDefinitions();
  return useMutation({
    mutationFn: () => api.post<LeadDefinition>(`/lead-definitions/${id}/propose`),
    onSuccess: invalidate,
  });
}

/** Approves a proposal for one side; the second side's approval activates it and queues a full re-score. */
export function useApproveDefinition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApproveDefinitionBody) => api.post<LeadDefinition>(`/lead-definitions/${id}/approve`, body),
    onSuccess: async (d) => {
      await qc.invalidateQueries({ queryKey: ["lead-definitions"] });
      if (d.status === "active") {
        await qc.invalidateQueries({ queryKey: ["jobs"] });
        await qc.invalidateQueries({ queryKey: ["contacts"] });
      }
    },
  });
}

/** Deletes a draft that was never proposed. */
export function useDeleteDraft() {
  const invalidate = useInvalidateDefinitions();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/lead-definitions/${id}`),
    onSuccess: invalidate,
  });
}
