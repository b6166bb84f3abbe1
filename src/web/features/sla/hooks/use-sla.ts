import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateSlaPolicyBody, LedgerResponse, SlaPolicy, SlaTimer, UpdateSlaPolicyBody } from "../../../../shared/contracts/sla.js";
import { api } from "../../../lib/api-client";

const POLICIES = ["sla-policies"];

/** Both sides' SLA policies. */
export function useSlaPolicies() {
  return useQuery({
    queryKey: POLICIES,
    queryFn: ({ signal }) => api.get<{ items: SlaPolicy[] }>("/sla-policies", undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

/** Adds a policy (a team's own terms, or a marketing target for a segment). */
export function useCreateSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateSlaPolicyBody) => api.post<SlaPolicy>("/sla-policies", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: POLICIES }),
  });
}

/** Changes a policy's name, terms or enabled switch. */
export function useUpdateSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, body }: { id: string; body: UpdateSlaPolicyBody }) => api.patch<SlaPolicy>(`/sla-policies/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: POLICIES }),
  });
}

/** Deletes a policy. */
export function useDeleteSlaPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/sla-policies/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: POLICIES }),
  });
}

/** Both sides' attainment and the breaches for a period (`from` inclusive, `to` exclusive). */
export function useSlaLedger(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ["sla-ledger", range?.from, range?.to],
    queryFn: ({ signal }) => api.get<LedgerResponse>("/sla/ledger", { from: range?.from, to: range?.to }, signal),
    enabled: range !== null,
    placeholderData: (prev) => prev,
  });
}

/** A contact's SLA timers, refreshed every minute while shown. */
export function useContactTimers(contactId: string) {
  return useQuery({
    queryKey: ["sla-timers", "contact", contactId],
    queryFn: ({ signal }) => api.get<{ items: SlaTimer[] }>("/sla-timers", { contactId }, signal),
    select: (d) => d.items,
    refetchInterval: 60_000,
  });
}
