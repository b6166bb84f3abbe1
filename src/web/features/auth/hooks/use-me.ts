import { useQuery } from "@tanstack/react-query";
import type { Me } from "../../../../shared/contracts/auth.js";
import { apiRequest, setCsrfToken } from "../../../lib/api-client";

export const ME_QUERY_KEY = ["me"] as const;

/** The signed-in user, workspace, role and CSRF token; errors with `unauthenticated` when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }) => {
      const me = await apiRequest<Me>("GET", "/auth/me", { signal, skipAuthRedirect: true });
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
