import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";

export type CampaignSummary = {
  touchpoints: number;
  contactsReached: number;
  leadsSourced: number;
  mqls: number;
  dealsSourced: number;
  pipeline: number;
  wonRevenue: number;
};

/** Headline results of one campaign: reach, leads it sourced, MQLs among them, sourced deals, pipeline and won revenue. */
export async function campaignSummary(tx: Queryable, workspaceId: string, campaignId: string): Promise<CampaignSummary> {
  const res = await tx.execute<CampaignSummary>(sql`
    select
      (select count(*)::int from touchpoints t where t.workspace_id = ${workspaceId} and t.campaign_id = ${campaignId}) as "touchpoints",
      (select count(distinct t.contact_id)::int from touchpoints t where t.workspace_id = ${workspaceId} and t.campaign_id = ${campaignId}) as "contactsReached",
      (select count(*)::int from contacts c where c.workspace_id = ${workspaceId} and c.original_campaign_id = ${campaignId}) as "leadsSourced",
      (select count(*)::int from contacts c where c.workspace_id = ${workspaceId} and c.original_campaign_id = ${campaignId}
         and (c.mql_at is not null or c.stage in ('mql','sal','sql','opportunity','customer','rejected','lost','no_decision'))) as "mqls",
      (select count(*)::int from deals d where d.workspace_id = ${workspaceId} and d.source_campaign_id = ${campaignId}) as "dealsSourced",
      (select coalesce(sum(d.amount), 0)::float8 from deals d where d.workspace_id = ${workspaceId} and d.source_campaign_id = ${campaignId}) as "pipeline",
      (select coalesce(sum(d.amount), 0)::float8 from deals d where d.workspace_id = ${workspaceId} and d.source_campaign_id = ${campaignId} and d.outcome = 'won') as "wonRevenue"`);
  const row = res.rows[0];
  return row ?? { touchpoints: 0, contactsReached: 0, leadsSourced: 0, mqls: 0, dealsSourced: 0, pipeline: 0, wonRevenue: 0 };
}
