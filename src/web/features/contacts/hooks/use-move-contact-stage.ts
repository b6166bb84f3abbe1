import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Contact, MoveStageBody } from "../../../../shared/contracts/contacts.js";
import { api } from "../../../lib/api-client";

/** Moves a contact to another lifecycle stage (with a reason where required) and refreshes its views. */
export function useMoveContactStage(contactId: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: MoveStageBody) => api.post<Contact>(`/contacts/${contactId}/stage`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["contacts"] }),
  });
}
