import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, setCsrfToken } from "../../../lib/api-client";

/** Signs out and forgets every cached query. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: () => api.post<{ ok: true }>("/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}
