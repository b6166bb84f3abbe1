import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateTouchpointBody, Touchpoint } from "../../../../shared/contracts/touchpoints.js";
import { api } from "../../../lib/api-client";

/** Records one touchpoint (e.g. a call or meeting logged by a rep) and refreshes timelines and activity lists. */
export function useCreateTouchpoint() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateTouchpointBody) => api.post<Touchpoint>("/touchpoints", body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["touchpoints"] });
      void qc.invalidateQueries({ queryKey: ["contacts"] });
    },
  });
}
