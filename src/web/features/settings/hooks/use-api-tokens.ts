import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiToken, CreateApiTokenBody } from "../../../../shared/contracts/auth.js";
import { api } from "../../../lib/api-client";

type CreatedToken = ApiToken & { token: string };

/** API tokens: yours, or everyone's for admins. */
export function useApiTokens() {
  return useQuery({
    queryKey: ["tokens"],
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>("/tokens", undefined, signal),
    select: (d) => d.items,
  });
}

/** Creates an API token; the response holds the secret, shown once. */
export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateApiTokenBody) => api.post<CreatedToken>("/tokens", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["tokens"] }),
  });
}

/** Revokes an API token. */
export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["tokens"] }),
  });
}
