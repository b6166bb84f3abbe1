import { useMutation } from "@tanstack/react-query";
import type { ChangePasswordBody } from "../../../../shared/contracts/auth.js";
import { api } from "../../../lib/api-client";

/** Changes the signed-in user's password (the server ends their other sessions). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<{ ok: true }>("/auth/password", body),
  });
}
