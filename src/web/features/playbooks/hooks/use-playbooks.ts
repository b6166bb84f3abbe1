import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AdherenceReport, ContactPlaybook, CreatePlaybookBody, Playbook, UpdatePlaybookBody } from "../../../../shared/contracts/playbooks.js";
import { api } from "../../../lib/api-client";

const KEY = ["playbooks"];

/** The playbooks in order. */
export function usePlaybooks() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: Playbook[] }>("/playbooks", undefined, signal),
    select: (d) => d.items,
  });
}

/** Saves a playbook: creates it without an id, changes it with one. */
export function useSavePlaybook() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { id?: string; body: CreatePlaybookBody | UpdatePlaybookBody }) =>
      v.id ? api.patch<Playbook>(`/playbooks/${v.id}`, v.body) : api.post<Playbook>("/playbooks", v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Turns a playbook on or off. */
export function useTogglePlaybook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => api.patch<Playbook>(`/playbooks/${id}`, { enabled }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Deletes a playbook (and the adherence measured against it). */
export function useDeletePlaybook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/playbooks/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Saves a new order (every id, first to last); the list shows it at once. */
export function useReorderPlaybooks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put<{ items: Playbook[] }>("/playbooks/order", { ids }),
    onSuccess: (data) => qc.setQueryData(KEY, data),
  });
}

/** A lead's recommended playbook and its follow-up progress. */
export function useContactPlaybook(contactId: string) {
  return useQuery({
    queryKey: [...KEY, "contact", contactId],
    queryFn: ({ signal }) => api.get<ContactPlaybook>(`/contacts/${contactId}/playbook`, undefined, signal),
  });
}

/** Playbook adherence over a period, per rep or per source. */
export function useAdherenceReport(q: { from: string; to: string; groupBy: "rep" | "source" }) {
  return useQuery({
    queryKey: [...KEY, "adherence", q],
    queryFn: ({ signal }) => api.get<AdherenceReport>("/reports/playbook-adherence", q, signal),
  });
}

/** The ids with the one at `index` moved one place up (−1) or down (+1). */
export function moveId(ids: readonly string[], index: number, by: -1 | 1): string[] {
  const next = [...ids];
  const target = index + by;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
