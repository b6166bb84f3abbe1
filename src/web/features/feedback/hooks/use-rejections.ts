import { useMutation, useQuery } from "@tanstack/react-query";
import type { RejectionsResponse, Suggestion } from "../../../../shared/contracts/feedback.js";
import { api } from "../../../lib/api-client";

export type GroupBy = "campaign" | "source";
type Period = { from: string; to: string } | null;

/** Accepted and rejected MQLs per campaign or source with their rejection reasons, for a period. */
export function useRejections(by: GroupBy, period: Period) {
  return useQuery({
    queryKey: ["feedback", "rejections", by, period?.from, period?.to],
    queryFn: ({ signal }) => api.get<RejectionsResponse>("/feedback/rejections", { by, from: period?.from, to: period?.to }, signal),
    placeholderData: (prev) => prev,
  });
}

/** Recurring rejection reasons turned into proposed negative fit rules. */
export function useSuggestions(by: GroupBy, period: Period) {
  return useQuery({
    queryKey: ["feedback", "suggestions", by, period?.from, period?.to],
    queryFn: ({ signal }) => api.get<{ from: string; to: string; items: Suggestion[] }>("/feedback/suggestions", { by, from: period?.from, to: period?.to }, signal),
    select: (d) => d.items,
  });
}

/** Drafts a new lead definition version carrying a suggestion's rule. */
export function useDraftFromSuggestion() {
  return useMutation({
    mutationFn: (body: { key: string; from?: string; to?: string }) => api.post<{ definitionId: string; version: number }>("/feedback/suggestions/draft", body),
  });
}
