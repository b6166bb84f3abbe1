import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PassedLead, PassedLeads, PassedLeadStatus, Scoreboard } from "../../../../shared/contracts/team.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { api } from "../../../lib/api-client";

/** The SDR scoreboard of a range of months (every SDR for managers, one's own row for an SDR). */
export function useSdrScoreboard(q: { from: string; to: string; podId: string | null }) {
  return useQuery({
    queryKey: ["sdr-scoreboard", q],
    queryFn: ({ signal }) => api.get<Scoreboard>("/sdr-scoreboard", { from: q.from, to: q.to, ...(q.podId ? { podId: q.podId } : {}) }, signal),
  });
}

export type PassedLeadsFilter = { sdrId: string | null; from: string; to: string; status: PassedLeadStatus | null; campaignId: string | null; sla: string | null };

function params(f: PassedLeadsFilter, limit: number, offset: number) {
  const q: Record<string, string | number> = { from: f.from, to: f.to, limit, offset };
  if (f.sdrId) q.sdrId = f.sdrId;
  if (f.status) q.status = f.status;
  if (f.campaignId) q.campaignId = f.campaignId;
  if (f.sla) q.sla = f.sla;
  return q;
}

/** One page of an SDR's passed leads with the counts and the campaign ranking (`enabled` false until an SDR is picked). */
export function usePassedLeads(f: PassedLeadsFilter, page: { limit: number; offset: number }, enabled: boolean) {
  return useQuery({
    queryKey: ["sdr-leads", f, page],
    queryFn: ({ signal }) => api.get<PassedLeads>("/sdr-leads", params(f, page.limit, page.offset), signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every lead matching the filters, page by page (for the CSV export). */
export async function fetchAllPassedLeads(f: PassedLeadsFilter): Promise<Serialized<PassedLead>[]> {
  const out: Serialized<PassedLead>[] = [];
  for (let offset = 0; ; offset += 500) {
    const res = await api.get<Serialized<PassedLeads>>("/sdr-leads", params(f, 500, offset));
    out.push(...res.leads);
    if (res.leads.length < 500 || out.length >= res.total) return out;
  }
}
