import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CompetitorDetail, CompetitorListItem, CreateCompetitorBody, EngagedCompetitor, SaveBattlecardBody, UpdateCompetitorBody } from "../../../../shared/contracts/enablement-competitors.js";
import { api } from "../../../lib/api-client";

const KEY = ["competitors"];

/** Every competitor with its record. */
export function useCompetitors() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ items: CompetitorListItem[] }>("/competitors", undefined, signal), select: (d) => d.items });
}

/** One competitor's profile, battlecard, record and deals. */
export function useCompetitor(id: string | undefined) {
  return useQuery({ queryKey: [...KEY, id], queryFn: ({ signal }) => api.get<CompetitorDetail>(`/competitors/${id}`, undefined, signal), enabled: !!id });
}

/** Creates a competitor (no id) or changes its profile. */
export function useSaveCompetitor() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { id?: string; body: CreateCompetitorBody | UpdateCompetitorBody }) =>
      v.id ? api.patch<CompetitorDetail>(`/competitors/${v.id}`, v.body) : api.post<CompetitorDetail>("/competitors", v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Saves a competitor's battlecard (a new version). */
export function useSaveBattlecard(id: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: SaveBattlecardBody) => api.put<CompetitorDetail>(`/competitors/${id}/battlecard`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** The competitors (with battlecards) of a deal or of a contact's deals. */
export function useEngagedCompetitors(kind: "deals" | "contacts", id: string) {
  return useQuery({
    queryKey: [...KEY, kind, id],
    queryFn: ({ signal }) => api.get<{ items: EngagedCompetitor[] }>(`/${kind}/${id}/competitors`, undefined, signal),
    select: (d) => d.items,
  });
}

/** Replaces a deal's competitor tags. */
export function useSetDealCompetitors(dealId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (competitorIds: string[]) => api.put<{ items: EngagedCompetitor[] }>(`/deals/${dealId}/competitors`, { competitorIds }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
