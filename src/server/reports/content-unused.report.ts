import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { UNUSED_AFTER_DAYS, type ContentUnused } from "../../shared/contracts/reports/content.js";
import type { ResolvedPeriod } from "./report-scope.js";
import { ratio } from "./content-presence.sql.js";

type Row = { asset_id: string; title: string; buying_stage: "engage" | "convert"; format: ContentUnused["rows"][number]["format"]; last_used_at: Date | null; uses: number; library: number; never_used: number; stale: number };

/**
 * The share of the library nobody uses, as of the period's end: published assets (published before then) never
 * shared, attached or viewed, or not in the last 90 days. Rows list the unused ones, never-used first.
 */
export async function contentUnusedReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod): Promise<ContentUnused> {
  const asOf = period.end;
  const since = new Date(asOf.getTime() - UNUSED_AFTER_DAYS * 86_400_000);
  const res = await tx.execute<Row>(sql`
    with lib as (
      select a.id, a.title, a.buying_stage, a.format from assets a
      where a.workspace_id = ${workspaceId} and a.status = 'published' and coalesce(a.published_at, a.created_at) < ${asOf.toISOString()}::timestamptz
    ), used as (
      select l.*, max(e.at) as last_used_at, count(e.id)::int as uses from lib l
      left join asset_events e on e.workspace_id = ${workspaceId} and e.asset_id = l.id and e.at < ${asOf.toISOString()}::timestamptz
      group by l.id, l.title, l.buying_stage, l.format
    )
    select u.id as asset_id, u.title, u.buying_stage, u.format, u.last_used_at, u.uses,
      count(*) over ()::int as library,
      count(*) filter (where u.last_used_at is null) over ()::int as never_used,
      count(*) filter (where u.last_used_at < ${since.toISOString()}::timestamptz) over ()::int as stale,
      (u.last_used_at is null or u.last_used_at < ${since.toISOString()}::timestamptz) as unused
    from used u
    order by u.last_used_at nulls first, u.title`);
  const first = res.rows[0];
  const library = first?.library ?? 0;
  const neverUsed = first?.never_used ?? 0;
  const stale = first?.stale ?? 0;
  const rows = res.rows.filter((r) => (r as Row & { unused: boolean }).unused);
  return {
    asOf, library, neverUsed, stale, unusedShare: ratio(neverUsed + stale, library),
    rows: rows.map((r) => ({ assetId: r.asset_id, title: r.title, buyingStage: r.buying_stage, format: r.format, lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null, uses: r.uses })),
  };
}
