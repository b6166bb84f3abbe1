import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateReferenceBody,
  DealReferences,
  DecideReferenceUseBody,
  ReferenceDetail,
  ReferenceSearchQuery,
  ReferenceSearchResult,
  ReferenceSettings,
  ReferenceUsage,
  ReferenceUse,
  RequestReferenceBody,
  UpdateReferenceBody,
} from "../../../../shared/contracts/enablement-references.js";
import { api } from "../../../lib/api-client";

const KEY = ["references"];
export type ReferenceFilters = Partial<Pick<ReferenceSearchQuery, "q" | "industry" | "size" | "region" | "product" | "useCase" | "available">>;

/** Searches the reference catalogue with facet counts. */
export function useReferenceSearch(filters: ReferenceFilters) {
  return useQuery({
    queryKey: [...KEY, "search", filters],
    queryFn: ({ signal }) => api.get<ReferenceSearchResult>("/references", { ...filters, available: filters.available ? "true" : undefined, limit: 50 }, signal),
    placeholderData: (prev) => prev,
  });
}

/** One reference's profile with its uses. */
export function useReference(id: string) {
  return useQuery({ queryKey: [...KEY, id], queryFn: ({ signal }) => api.get<ReferenceDetail>(`/references/${id}`, undefined, signal) });
}

/** Adds or changes references; every change refreshes the catalogue. */
export function useReferenceMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: KEY });
  return {
    create: useMutation({ meta: { silent: true }, mutationFn: (body: CreateReferenceBody) => api.post<ReferenceDetail>("/references", body), onSuccess: done }),
    update: useMutation({ meta: { silent: true }, mutationFn: ({ id, body }: { id: string; body: UpdateReferenceBody }) => api.patch<ReferenceDetail>(`/references/${id}`, body), onSuccess: done }),
  };
}

/** Asks to use a reference on a deal. */
export function useRequestReference() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ referenceId, body }: { referenceId: string; body: RequestReferenceBody }) => api.post<ReferenceUse>(`/references/${referenceId}/uses`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Approves or declines a reference request. */
export function useDecideReferenceUse() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, body }: { id: string; body: DecideReferenceUseBody }) => api.post<ReferenceUse>(`/reference-uses/${id}/decision`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Requests the caller decides (references they own; every request for managers and admins). */
export function useReferenceRequestsForMe() {
  return useQuery({
    queryKey: [...KEY, "uses", "awaiting-me"],
    queryFn: ({ signal }) => api.get<{ items: ReferenceUse[] }>("/reference-uses", { awaitingMe: "true" }, signal),
    select: (d) => d.items,
  });
}

/** A deal's references and the references suggested for it. */
export function useDealReferences(dealId: string) {
  return useQuery({ queryKey: [...KEY, "deal", dealId], queryFn: ({ signal }) => api.get<DealReferences>(`/deals/${dealId}/references`, undefined, signal) });
}

/** Reference usage per quarter and the most requested references. */
export function useReferenceUsage(range: { from?: string; to?: string }) {
  return useQuery({ queryKey: [...KEY, "usage", range], queryFn: ({ signal }) => api.get<ReferenceUsage>("/reports/reference-usage", range, signal) });
}

/** The workspace's reference cap per quarter. */
export function useReferenceSettings() {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: [...KEY, "settings"], queryFn: ({ signal }) => api.get<ReferenceSettings>("/reference-settings", undefined, signal) });
  const save = useMutation({ mutationFn: (quarterlyCap: number) => api.put<ReferenceSettings>("/reference-settings", { quarterlyCap }), onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
  return { query, save };
}
