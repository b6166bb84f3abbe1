import { useQuery } from "@tanstack/react-query";
import type { ScoreExplanation } from "../../../../shared/contracts/agreement.js";
import { api } from "../../../lib/api-client";

/** Why a contact scores what it does: the fit rules that fire, engagement now, the MQL rule and the points history. */
export function useContactScore(id: string) {
  return useQuery({
    // Under ["contacts"], so whatever refreshes a contact (a touch, a stage move, a re-score) refreshes this too.
    queryKey: ["contacts", "score", id],
    queryFn: ({ signal }) => api.get<ScoreExplanation>(`/contacts/${id}/score`, undefined, signal),
  });
}
