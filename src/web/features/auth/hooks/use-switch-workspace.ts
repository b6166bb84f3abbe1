import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Me } from "../../../../shared/contracts/auth.js";
import { api, setCsrfToken } from "../../../lib/api-client";
import { ME_QUERY_KEY } from "./use-me";

/** Switches the session to another workspace and drops every cached record of the old one. */
export function useSwitchWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (workspaceId: string) => api.post<Me>("/auth/switch-workspace", { workspaceId }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(ME_QUERY_KEY, me);
      void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
}
