import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateSwotBody, Swot, SwotPage, UpdateSwotBody } from "../../../../shared/contracts/enablement-swots.js";
import { api, type Query } from "../../../lib/api-client";

const KEY = ["swots"];

/** The SWOTs of a campaign or of a deal's proposal, newest analysis first. */
export function useSubjectSwots(kind: "campaign" | "deal", id: string) {
  return useQuery({ queryKey: [...KEY, kind, id], queryFn: ({ signal }) => api.get<{ items: Swot[] }>(`/${kind}s/${id}/swots`, undefined, signal), select: (d) => d.items });
}

/** A page of the workspace's SWOTs (filters: subject kind, status, owner; limit/offset) with the total. */
export function useSwotList(query: Query) {
  return useQuery({ queryKey: [...KEY, "list", query], queryFn: ({ signal }) => api.get<SwotPage>("/swots", query, signal), placeholderData: keepPreviousData });
}

/** Writes a SWOT, or changes one when an id is given. */
export function useSaveSwot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: CreateSwotBody | UpdateSwotBody }) => (v.id ? api.patch<Swot>(`/swots/${v.id}`, v.body) : api.post<Swot>("/swots", v.body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
