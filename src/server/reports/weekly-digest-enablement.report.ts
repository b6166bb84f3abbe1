import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { DigestContent } from "../../shared/contracts/digests.js";
import { INSIGHT_KIND_LABELS, type InsightKind } from "../../shared/domain/insights.js";
import type { RequestPriority, RequestStatus } from "../../shared/domain/content.js";
import { inPeriod, type ResolvedPeriod } from "./report-scope.js";

/** How many of the week's new insights and content requests the digest lists by name. */
const LISTED = 5;

async function countIn(tx: Queryable, table: "insights" | "content_requests", workspaceId: string, p: ResolvedPeriod): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} x where x.workspace_id = ${workspaceId} and ${inPeriod(sql`x.created_at`, p)}`);
  return res.rows[0]?.n ?? 0;
}

/**
 * The field insights sales submitted in the week (against the week before), the most-voted first: what marketing
 * should read this week. Votes and status are as they stand when the digest is generated.
 */
export async function digestFieldInsights(tx: Queryable, workspaceId: string, week: ResolvedPeriod, previous: ResolvedPeriod): Promise<NonNullable<DigestContent["fieldInsights"]>> {
  const rows = await tx.execute<{ id: string; kind: InsightKind; text: string; status: string; votes: number; submittedByName: string | null; accountName: string | null; personaName: string | null; competitorName: string | null }>(sql`
    select i.id, i.kind, i.text, i.status, i.votes, u.name as "submittedByName", a.name as "accountName", p.name as "personaName", c.name as "competitorName"
    from insights i
    left join users u on u.id = i.submitted_by
    left join accounts a on a.workspace_id = i.workspace_id and a.id = i.account_id
    left join personas p on p.workspace_id = i.workspace_id and p.id = i.persona_id
    left join competitors c on c.workspace_id = i.workspace_id and c.id = i.competitor_id
    where i.workspace_id = ${workspaceId} and ${inPeriod(sql`i.created_at`, week)}
    order by i.votes desc, i.created_at desc, i.id limit ${LISTED}`);
  return {
    total: await countIn(tx, "insights", workspaceId, week),
    previous: await countIn(tx, "insights", workspaceId, previous),
    items: rows.rows.map((r) => ({ ...r, label: INSIGHT_KIND_LABELS[r.kind] ?? r.kind, submittedByName: r.submittedByName ?? "Former member" })),
  };
}

/**
 * The content requests sales opened in the week (against the week before), high priority first, with where each
 * stands now; and how many requests are still waiting for marketing (new, accepted or in progress).
 */
export async function digestContentRequests(tx: Queryable, workspaceId: string, week: ResolvedPeriod, previous: ResolvedPeriod): Promise<NonNullable<DigestContent["contentRequests"]>> {
  const rows = await tx.execute<{ id: string; title: string; priority: RequestPriority; status: RequestStatus; requestedByName: string | null; dealName: string | null; persona: string | null; competitor: string | null }>(sql`
    select r.id, r.title, r.priority, r.status, u.name as "requestedByName", d.name as "dealName", r.persona, r.competitor
    from content_requests r
    left join users u on u.id = r.requested_by
    left join deals d on d.workspace_id = r.workspace_id and d.id = r.deal_id
    where r.workspace_id = ${workspaceId} and ${inPeriod(sql`r.created_at`, week)}
    order by case r.priority when 'high' then 0 when 'medium' then 1 else 2 end, r.created_at desc, r.id limit ${LISTED}`);
  const open = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from content_requests where workspace_id = ${workspaceId} and status in ('new', 'accepted', 'in_progress')`);
  return {
    total: await countIn(tx, "content_requests", workspaceId, week),
    previous: await countIn(tx, "content_requests", workspaceId, previous),
    open: open.rows[0]?.n ?? 0,
    items: rows.rows.map((r) => ({ ...r, requestedByName: r.requestedByName ?? "Former member" })),
  };
}
