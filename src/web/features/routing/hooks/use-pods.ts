import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatePodBody, Pod, UpdatePodBody } from "../../../../shared/contracts/routing.js";
import { api } from "../../../lib/api-client";

const KEY = ["pods"];

/** SDR pods with their AEs and ratio. */
export function usePods() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: Pod[] }>("/pods", undefined, signal),
    select: (d) => d.items,
  });
}

/** Creates a pod with its SDR and AEs. */
export function useCreatePod() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreatePodBody) => api.post<Pod>("/pods", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Saves an existing pod: name and SDR when they changed, then its AEs. */
export function useSavePod() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: async ({ id, patch, memberIds }: { id: string; patch: UpdatePodBody | null; memberIds: string[] }) => {
      if (patch) await api.patch<Pod>(`/pods/${id}`, patch);
      return api.put<Pod>(`/pods/${id}/members`, { memberIds });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Deletes a pod. */
export function useDeletePod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/pods/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
