import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LoginBody, Me } from "../../../../shared/contracts/auth.js";
import { apiRequest, setCsrfToken } from "../../../lib/api-client";
import { ME_QUERY_KEY } from "./use-me";

/** Signs in with e-mail and password; stores the session's user and CSRF token. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: LoginBody) => apiRequest<Me>("POST", "/auth/login", { body, skipAuthRedirect: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      qc.setQueryData(ME_QUERY_KEY, me);
    },
  });
}
