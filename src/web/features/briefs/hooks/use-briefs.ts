import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AnswerCheckBody, Brief, CreateBriefBody } from "../../../../shared/contracts/enablement-briefs.js";
import { api } from "../../../lib/api-client";

const KEY = ["briefs"];

/** Briefs with readiness (a rep gets the ones in their scope). */
export function useBriefs() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ items: Brief[] }>("/briefs", undefined, signal), select: (d) => d.items });
}

/** One brief. */
export function useBrief(id: string | undefined) {
  return useQuery({ queryKey: [...KEY, id], queryFn: ({ signal }) => api.get<Brief>(`/briefs/${id}`, undefined, signal), enabled: !!id });
}

/** A campaign's brief; null when it has none. */
export function useCampaignBrief(campaignId: string) {
  return useQuery({
    queryKey: [...KEY, "campaign", campaignId],
    queryFn: ({ signal }) => api.get<Brief>(`/campaigns/${campaignId}/brief`, undefined, signal).catch((e: { status?: number }) => (e.status === 404 ? null : Promise.reject(e))),
  });
}

/** The readiness threshold. */
export function useEnablementSettings() {
  return useQuery({ queryKey: ["enablement-settings"], queryFn: ({ signal }) => api.get<{ readinessThreshold: number }>("/enablement/settings", undefined, signal) });
}

function useBriefMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ meta: { silent: true }, mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

/** Writes a campaign's brief as a draft. */
export const useCreateBrief = () => useBriefMutation((body: CreateBriefBody) => api.post<Brief>("/briefs", body));
/** Publishes a brief to the reps in scope. */
export const usePublishBrief = () => useBriefMutation((id: string) => api.post<Brief>(`/briefs/${id}/publish`));
/** The caller acknowledges a brief. */
export const useAcknowledgeBrief = () => useBriefMutation((id: string) => api.post<Brief>(`/briefs/${id}/acknowledge`));
/** The caller answers a brief's check. */
export const useAnswerCheck = () => useBriefMutation((v: { id: string; body: AnswerCheckBody }) => api.post<{ passed: boolean; correct: number; total: number }>(`/briefs/${v.id}/check`, v.body));
