import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { LeadCampaign } from "../../shared/contracts/team.js";
import { passedLeadRows } from "./sdr-passed-leads.report.js";

export const MIN_DECIDED = 5;

/**
 * The campaigns an SDR's passed leads came from (the lead's original campaign), ranked by how sales took them —
 * accepted ÷ (accepted + rejected), undecided leads left out — then by the revenue their leads won. Campaigns with
 * fewer than `MIN_DECIDED` decided leads rank after the others (one accepted lead of one is not a best source). A
 * lead that went further than acceptance (opportunity, won, lost, no decision) counts as accepted.
 */
export async function sdrLeadCampaigns(tx: Queryable, workspaceId: string, s: Parameters<typeof passedLeadRows>[1]): Promise<LeadCampaign[]> {
  const res = await tx.execute<LeadCampaign>(sql`
    with r as (${passedLeadRows(workspaceId, s)}),
    g as (
      select r.campaign_id, count(*)::int as passed,
             count(*) filter (where r.status not in ('pending', 'rejected'))::int as accepted,
             count(*) filter (where r.status = 'rejected')::int as rejected,
             count(*) filter (where r.status = 'won')::int as won,
             coalesce(sum(r.won_revenue), 0)::float8 as "wonRevenue"
      from r group by r.campaign_id)
    select g.campaign_id as "campaignId", coalesce(cp.name, 'No campaign') as name, g.passed, g.accepted, g.rejected,
           case when g.accepted + g.rejected = 0 then null else g.accepted::float8 / (g.accepted + g.rejected) end as "acceptedRate",
           g.won, g."wonRevenue"
    from g left join campaigns cp on cp.workspace_id = ${workspaceId} and cp.id = g.campaign_id
    order by (g.accepted + g.rejected >= ${MIN_DECIDED}) desc, "acceptedRate" desc nulls last, g."wonRevenue" desc, name`);
  return res.rows;
}
