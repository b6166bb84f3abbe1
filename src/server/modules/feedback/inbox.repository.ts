import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import type { HandoffContext } from "../../../shared/contracts/routing.js";

export type InboxRow = {
  contact_id: string;
  name: string;
  email: string | null;
  title: string | null;
  account_id: string | null;
  account_name: string | null;
  stage: string;
  stage_entered_at: Date;
  fit_grade: string | null;
  engagement_score: number;
  source: string | null;
  channel: string | null;
  campaign_name: string | null;
  attempts: number;
  handoff_at: Date | null;
  handoff_reason: string | null;
  handoff_context: HandoffContext | null;
};

// The most leads one inbox lists; a rep holding more has a routing problem the ledger shows.
const INBOX_LIMIT = 300;

/** The leads a rep is working: MQLs to accept or reject and accepted leads to reach, with their latest handoff. */
export function createInboxRepository() {
  return {
    /** Open leads (mql, sal) owned by `ownerId`: MQLs first, then accepted leads, each oldest in stage first. */
    async openLeads(tx: Queryable, workspaceId: string, ownerId: string): Promise<InboxRow[]> {
      const res = await tx.execute<InboxRow>(sql`
        select c.id as contact_id,
          coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed contact') as name,
          c.email, c.title, c.account_id, a.name as account_name, c.stage, c.stage_entered_at, c.fit_grade, c.engagement_score,
          c.source, c.channel, k.name as campaign_name,
          (select count(*)::int from touchpoints t where t.workspace_id = c.workspace_id and t.contact_id = c.id and t.category = 'sales'
             and t.occurred_at >= coalesce(c.mql_at, c.stage_entered_at)) as attempts,
          h.created_at as handoff_at, h.reason as handoff_reason, h.context as handoff_context
        from contacts c
        left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
        left join campaigns k on k.workspace_id = c.workspace_id and k.id = c.original_campaign_id
        left join lateral (
          select h.created_at, h.reason, h.context from handoffs h
          where h.workspace_id = c.workspace_id and h.contact_id = c.id order by h.created_at desc limit 1
        ) h on true
        where c.workspace_id = ${workspaceId} and c.owner_id = ${ownerId} and c.stage in ('mql', 'sal')
        -- MQLs waiting for a decision first, so a rep holding many accepted leads still sees every new one.
        order by (c.stage = 'mql') desc, c.stage_entered_at, c.id
        limit ${INBOX_LIMIT}`);
      return res.rows.map((r) => ({ ...r, stage_entered_at: new Date(r.stage_entered_at), handoff_at: r.handoff_at ? new Date(r.handoff_at) : null }));
    },

    /** A member's name and role, or null when they are not in the workspace. */
    async member(tx: Queryable, workspaceId: string, userId: string): Promise<{ name: string; role: string } | null> {
      const res = await tx.execute<{ name: string; role: string }>(sql`
        select u.name, m.role from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspaceId} and m.user_id = ${userId}`);
      return res.rows[0] ?? null;
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
