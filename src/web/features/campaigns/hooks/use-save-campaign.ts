import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Campaign, CampaignCost, CreateCampaignBody, CreateCampaignCostBody, UpdateCampaignBody } from "../../../../shared/contracts/campaigns.js";
import { api } from "../../../lib/api-client";

/** Creates a campaign. */
export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateCampaignBody) => api.post<Campaign>("/campaigns", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["campaigns"] }),
  });
}

/** Updates a campaign. */
export function useUpdateCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: UpdateCampaignBody) => api.patch<Campaign>(`/campaigns/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["campaigns"] }),
  });
}

/** Deletes a campaign. */
export function useDeleteCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/campaigns/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["campaigns"] }),
  });
}

/** Adds a dated cost line; the campaign's actual cost is the sum of its lines. */
export function useAddCampaignCost(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateCampaignCostBody) => api.post<CampaignCost>(`/campaigns/${campaignId}/costs`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["campaigns"] }),
  });
}

/** Deletes a cost line. */
export function useDeleteCampaignCost(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (costId: string) => api.delete(`/campaigns/${campaignId}/costs/${costId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["campaigns"] }),
  });
}
