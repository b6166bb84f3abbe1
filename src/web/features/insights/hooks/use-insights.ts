import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateInsightBody, CreateRideAlongBody, Insight, RideAlong, RideAlongDetail, RideAlongInsightBody, TriageInsightBody } from "../../../../shared/contracts/enablement-insights.js";
import { api, apiRequest, type Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

const KEY = ["insights"];
const RIDES = ["ride-alongs"];

/** The insight feed for the given filters and sort (ListInsightsQuery), cursor-paged. */
export function useInsights(query: Query, opts?: { enabled?: boolean }) {
  return useCursorList<Insight>([...KEY, "list"], "/insights", query, opts);
}

/** Submits, triages and votes on insights; every change refreshes the feeds and ride-alongs. */
export function useInsightMutations() {
  const qc = useQueryClient();
  const done = async () => {
    await qc.invalidateQueries({ queryKey: KEY });
    await qc.invalidateQueries({ queryKey: RIDES });
  };
  return {
    submit: useMutation({ meta: { silent: true }, mutationFn: (body: CreateInsightBody) => api.post<Insight>("/insights", body), onSuccess: done }),
    triage: useMutation({ meta: { silent: true }, mutationFn: ({ id, body }: { id: string; body: TriageInsightBody }) => api.post<Insight>(`/insights/${id}/triage`, body), onSuccess: done }),
    vote: useMutation({ mutationFn: ({ id, on }: { id: string; on: boolean }) => (on ? api.put<Insight>(`/insights/${id}/vote`, {}) : apiRequest<Insight>("DELETE", `/insights/${id}/vote`)), onSuccess: done }),
  };
}

/** Ride-alongs, newest first, cursor-paged. */
export function useRideAlongs(query: Query) {
  return useCursorList<RideAlong>([...RIDES, "list"], "/ride-alongs", query);
}

/** One ride-along with the insights its notes became. */
export function useRideAlong(id: string | undefined) {
  return useQuery({ queryKey: [...RIDES, "detail", id], queryFn: ({ signal }) => api.get<RideAlongDetail>(`/ride-alongs/${id}`, undefined, signal), enabled: !!id });
}

/** Records ride-alongs and adds insights from their notes. */
export function useRideAlongMutations() {
  const qc = useQueryClient();
  const done = async () => {
    await qc.invalidateQueries({ queryKey: RIDES });
    await qc.invalidateQueries({ queryKey: KEY });
  };
  return {
    record: useMutation({ meta: { silent: true }, mutationFn: (body: CreateRideAlongBody) => api.post<RideAlongDetail>("/ride-alongs", body), onSuccess: done }),
    addInsight: useMutation({ meta: { silent: true }, mutationFn: ({ id, body }: { id: string; body: RideAlongInsightBody }) => api.post<RideAlongDetail>(`/ride-alongs/${id}/insights`, body), onSuccess: done }),
  };
}
