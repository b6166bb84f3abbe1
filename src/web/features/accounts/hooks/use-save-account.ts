import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Account, CreateAccountBody, UpdateAccountBody } from "../../../../shared/contracts/accounts.js";
import { api } from "../../../lib/api-client";

/** Creates an account. */
export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateAccountBody) => api.post<Account>("/accounts", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["accounts"] }),
  });
}

/** Updates an account's fields. */
export function useUpdateAccount(id: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: UpdateAccountBody) => api.patch<Account>(`/accounts/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["accounts"] }),
  });
}

/** Deletes an account. */
export function useDeleteAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/accounts/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["accounts"] }),
  });
}
