import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BulkLeadActionBody, InboxResponse, LeadAction } from "../../../../shared/contracts/feedback.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { api } from "../../../lib/api-client";

export type BulkResult = { succeeded: number; failed: number; results: { id: string; ok: boolean; stage: string | null; error: string | null }[] };
export type ReasonedAction = Exclude<LeadAction, "accept">;

/** A rep's inbox (the signed-in user's unless a manager picks `ownerId`), refetched every minute. */
export function useInbox(ownerId: string | null) {
  return useQuery({
    queryKey: ["inbox", ownerId ?? "me"],
    queryFn: ({ signal }) => api.get<InboxResponse>("/inbox", { ownerId }, signal),
    refetchInterval: 60_000,
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === (ownerId ?? "me") ? prev : undefined),
  });
}

function dropFromInbox(qc: ReturnType<typeof useQueryClient>, ids: string[]) {
  const gone = new Set(ids);
  qc.setQueriesData<Serialized<InboxResponse>>({ queryKey: ["inbox"] }, (old) =>
    old ? { ...old, items: old.items.filter((i) => !gone.has(i.contactId)) } : old,
  );
}

/** Accepts, rejects, recycles or disqualifies one lead; a lead that leaves the inbox leaves the list at once. */
export function useLeadAction() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, action, reasonCode, note }: { id: string; action: LeadAction; reasonCode?: string; note?: string }) =>
      api.post<{ id: string; stage: string; ownerId: string | null }>(`/leads/${id}/${action}`, action === "accept" ? { note } : { reasonCode, note }),
    onSuccess: (result, vars) => {
      // Accepting keeps the lead in the inbox as a SAL; every other action takes it out.
      if (vars.action !== "accept") dropFromInbox(qc, [vars.id]);
      void qc.invalidateQueries({ queryKey: ["inbox"] });
      void qc.invalidateQueries({ queryKey: ["contacts"] });
      void qc.invalidateQueries({ queryKey: ["sla-timers"] });
      return result;
    },
  });
}

/** One action on many leads; each succeeds or fails on its own. */
export function useBulkLeadAction() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: BulkLeadActionBody) => api.post<BulkResult>("/leads/bulk", body),
    onSuccess: (result, body) => {
      if (body.action !== "accept") dropFromInbox(qc, result.results.filter((r) => r.ok).map((r) => r.id));
      void qc.invalidateQueries({ queryKey: ["inbox"] });
      void qc.invalidateQueries({ queryKey: ["contacts"] });
    },
  });
}
