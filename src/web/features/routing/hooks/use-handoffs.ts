import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AssignContactBody, Handoff } from "../../../../shared/contracts/routing.js";
import { api } from "../../../lib/api-client";

/** A contact's handoffs, newest first. */
export function useContactHandoffs(contactId: string) {
  return useQuery({
    queryKey: ["handoffs", "contact", contactId],
    queryFn: ({ signal }) => api.get<{ items: Handoff[] }>(`/contacts/${contactId}/handoffs`, undefined, signal),
    select: (d) => d.items,
  });
}

/** Hands a contact to another rep; the contact and its handoffs reload. */
export function useAssignContact(contactId: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: AssignContactBody) => api.post<Handoff>(`/contacts/${contactId}/assign`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["handoffs"] });
      void qc.invalidateQueries({ queryKey: ["contacts"] });
    },
  });
}
