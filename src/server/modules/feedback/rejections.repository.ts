import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import type { LeadFacts } from "../../../shared/domain/rejection-insights.js";

export type GroupBy = "campaign" | "source";

const GROUP: Record<GroupBy, { key: SQL; label: SQL; campaignId: SQL }> = {
  campaign: { key: sql`coalesce(c.original_campaign_id::text, 'none')`, label: sql`coalesce(k.name, 'No campaign')`, campaignId: sql`c.original_campaign_id` },
  source: { key: sql`coalesce(nullif(lower(btrim(c.source)), ''), 'unknown')`, label: sql`coalesce(nullif(btrim(c.source), ''), 'Unknown source')`, campaignId: sql`null::uuid` },
};

/** Sales' first decision on each MQL decided in [from, to): accepted (→ sal) or rejected, with the reason. */
const decided = (workspaceId: string, from: Date, to: Date) => sql`
  select st.contact_id, st.to_stage, st.reason_code
  from stage_transitions st
  where st.workspace_id = ${workspaceId} and st.from_stage = 'mql' and st.to_stage in ('sal', 'rejected') and st.at >= ${from} and st.at < ${to}`;

export type DecisionCount = { key: string; label: string; campaign_id: string | null; to_stage: "sal" | "rejected"; reason_code: string | null; n: number };
export type DecisionFacts = LeadFacts & { key: string; label: string; to_stage: "sal" | "rejected"; reason_code: string | null };

/** The closed loop's read side: what sales decided about marketing's MQLs, per campaign or source. */
export function createRejectionsRepository() {
  return {
    /** Decisions per group, stage and reason. */
    async decisionCounts(tx: Queryable, workspaceId: string, from: Date, to: Date, by: GroupBy): Promise<DecisionCount[]> {
      const g = GROUP[by];
      const res = await tx.execute<DecisionCount>(sql`
        select ${g.key} as key, ${g.label} as label, ${g.campaignId} as campaign_id, d.to_stage, d.reason_code, count(*)::int as n
        from (${decided(workspaceId, from, to)}) d
        join contacts c on c.workspace_id = ${workspaceId} and c.id = d.contact_id
        left join campaigns k on k.workspace_id = c.workspace_id and k.id = c.original_campaign_id
        group by 1, 2, 3, 4, 5`);
      return res.rows;
    },

    /** Each decided lead's group and the values of the fields a suggestion may test. */
    async decisionFacts(tx: Queryable, workspaceId: string, from: Date, to: Date, by: GroupBy): Promise<DecisionFacts[]> {
      const g = GROUP[by];
      const res = await tx.execute<DecisionFacts>(sql`
        select ${g.key} as key, ${g.label} as label, d.to_stage, d.reason_code,
          c.title as "contact.title", c.seniority as "contact.seniority", c.department as "contact.department", c.persona as "contact.persona",
          c.country as "contact.country", nullif(lower(split_part(c.email, '@', 2)), '') as "contact.email_domain", a.industry as "account.industry", a.region as "account.region",
          a.segment as "account.segment", a.customer_status as "account.customer_status"
        from (${decided(workspaceId, from, to)}) d
        join contacts c on c.workspace_id = ${workspaceId} and c.id = d.contact_id
        left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
        left join campaigns k on k.workspace_id = c.workspace_id and k.id = c.original_campaign_id`);
      return res.rows;
    },

    /** Labels of the workspace's reject reasons by code. */
    async rejectLabels(tx: Queryable, workspaceId: string): Promise<Map<string, string>> {
      const res = await tx.execute<{ code: string; label: string }>(sql`select code, label from reason_codes where workspace_id = ${workspaceId} and kind = 'reject'`);
      return new Map(res.rows.map((r) => [r.code, r.label]));
    },
  };
}

export type RejectionsRepository = ReturnType<typeof createRejectionsRepository>;
