import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AcceptInviteBody, Me } from "../../../../shared/contracts/auth.js";
import { apiRequest, setCsrfToken } from "../../../lib/api-client";
import { ME_QUERY_KEY } from "./use-me";

/** Accepts an invitation with a new password, which also signs the user in. */
export function useAcceptInvite() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: AcceptInviteBody) => apiRequest<Me>("POST", "/auth/accept-invite", { body, skipAuthRedirect: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      qc.setQueryData(ME_QUERY_KEY, me);
    },
  });
}
