import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ContentEffectiveness } from "../../shared/contracts/reports/content.js";
import { inPeriod, type ResolvedPeriod } from "./report-scope.js";
import { assetDealPresence, ratio } from "./content-presence.sql.js";

type Row = {
  asset_id: string | null; title: string | null; buying_stage: "engage" | "convert"; format: ContentEffectiveness["rows"][number]["format"];
  won: number; lost: number; pipeline_deals: number; influenced_pipeline: number; influenced_revenue: number;
};

/**
 * Content in won vs lost deals: per asset, the deals closed won/lost in the period it was on, the pipeline created
 * in the period it was on, and the revenue of those won; beside it the win rate of all closed deals, of those with
 * some content and of those without. An asset's numbers count each of its deals in full (influence, not credit).
 */
export async function contentEffectivenessReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod): Promise<ContentEffectiveness> {
  const res = await tx.execute<Row>(sql`
    with p as (${assetDealPresence(workspaceId)}),
    d as (
      select d.id, d.amount::float8 as amount, d.outcome, ${inPeriod(sql`d.closed_at`, period)} and d.outcome in ('won', 'lost') as closed_in, ${inPeriod(sql`d.created_at`, period)} as created_in
      from deals d where d.workspace_id = ${workspaceId}
    ),
    per_asset as (
      select p.asset_id,
        count(*) filter (where d.closed_in and d.outcome = 'won')::int as won,
        count(*) filter (where d.closed_in and d.outcome = 'lost')::int as lost,
        count(*) filter (where d.created_in)::int as pipeline_deals,
        coalesce(sum(d.amount) filter (where d.created_in), 0)::float8 as influenced_pipeline,
        coalesce(sum(d.amount) filter (where d.closed_in and d.outcome = 'won'), 0)::float8 as influenced_revenue
      from p join d on d.id = p.deal_id group by p.asset_id
    ),
    split as (
      select exists (select 1 from p where p.deal_id = d.id) as with_content,
        count(*) filter (where d.outcome = 'won')::int as won, count(*) filter (where d.outcome = 'lost')::int as lost
      from d where d.closed_in group by 1
    )
    select a.id as asset_id, a.title, a.buying_stage, a.format, x.won, x.lost, x.pipeline_deals, x.influenced_pipeline, x.influenced_revenue
    from per_asset x join assets a on a.workspace_id = ${workspaceId} and a.id = x.asset_id
    where x.won + x.lost + x.pipeline_deals > 0
    union all
    select null, case when s.with_content then 'with' else 'without' end, 'engage', 'other', s.won, s.lost, 0, 0, 0 from split s
    order by 5 desc, 9 desc, 2`);
  const wl = (won: number, lost: number) => ({ won, lost, winRate: ratio(won, won + lost) });
  const part = (name: string) => res.rows.find((r) => r.asset_id === null && r.title === name) ?? { won: 0, lost: 0 };
  const withC = part("with");
  const withoutC = part("without");
  return {
    all: wl(withC.won + withoutC.won, withC.lost + withoutC.lost),
    withContent: wl(withC.won, withC.lost),
    withoutContent: wl(withoutC.won, withoutC.lost),
    rows: res.rows.filter((r) => r.asset_id !== null).map((r) => ({
      assetId: r.asset_id!, title: r.title!, buyingStage: r.buying_stage, format: r.format, ...wl(r.won, r.lost),
      pipelineDeals: r.pipeline_deals, influencedPipeline: r.influenced_pipeline, influencedRevenue: r.influenced_revenue,
    })),
  };
}
