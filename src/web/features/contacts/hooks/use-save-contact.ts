import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Contact, CreateContactBody, UpdateContactBody } from "../../../../shared/contracts/contacts.js";
import { api } from "../../../lib/api-client";

/** Creates a contact. */
export function useCreateContact() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateContactBody) => api.post<Contact>("/contacts", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["contacts", "list"] }),
  });
}

/** Updates a contact's fields. */
export function useUpdateContact(id: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: UpdateContactBody) => api.patch<Contact>(`/contacts/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["contacts"] }),
  });
}

/** Deletes a contact. */
export function useDeleteContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/contacts/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["contacts"] }),
  });
}
