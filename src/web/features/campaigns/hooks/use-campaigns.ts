import { useQuery } from "@tanstack/react-query";
import type { Campaign, CampaignDetail } from "../../../../shared/contracts/campaigns.js";
import type { Page } from "../../../../shared/contracts/common.js";
import { api, type Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

/** A cursor-paged campaign list for the given filters and sort (ListCampaignsQuery). */
export function useCampaigns(query: Query) {
  return useCursorList<Campaign>(["campaigns", "list"], "/campaigns", query);
}

/** One campaign with its cost lines and headline stats. */
export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: ["campaigns", "detail", id],
    queryFn: ({ signal }) => api.get<CampaignDetail>(`/campaigns/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Campaigns matching a search, for pickers (20 at most). */
export function useCampaignOptions(search: string) {
  return useQuery({
    queryKey: ["campaigns", "options", search],
    queryFn: ({ signal }) => api.get<Page<Campaign>>("/campaigns", { q: search || undefined, limit: 20, sort: "-startsOn" }, signal),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}
