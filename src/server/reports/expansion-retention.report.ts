import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ExpansionRetention, ExpansionRetentionQuery, RevenueMix } from "../../shared/contracts/reports/expansion-retention.js";
import { dealScope, inPeriod, type ResolvedPeriod } from "./report-scope.js";

// expansionOther: won deals of the unsplit `expansion` type.
type Sums = Omit<RevenueMix, "expansion" | "renewalBase" | "grossRetention" | "netRetention"> & { expansionOther: number };

function mix(s: Sums): RevenueMix {
  const expansion = s.crossSell + s.upsell + s.expansionOther;
  const renewalBase = s.renewed + s.churned;
  const { expansionOther: _, ...rest } = s;
  return {
    ...rest,
    expansion,
    renewalBase,
    grossRetention: renewalBase === 0 ? null : s.renewed / renewalBase,
    netRetention: renewalBase === 0 ? null : (s.renewed + expansion) / renewalBase,
  };
}

/**
 * New-logo, expansion and renewal revenue of the deals closed in the period (closed_at in the workspace zone), by
 * month or quarter and in total, with gross and net revenue retention over the renewals that came up.
 */
export async function expansionRetention(tx: Queryable, workspaceId: string, p: ResolvedPeriod, q: ExpansionRetentionQuery): Promise<Omit<ExpansionRetention, "period">> {
  const fmt = q.grain === "quarter" ? `YYYY-"Q"Q` : "YYYY-MM";
  const res = await tx.execute<Sums & { period: string | null; grp: number }>(sql`
    with c as (
      select d.type, d.outcome, d.amount::float8 as amount, to_char(d.closed_at at time zone ${p.timezone}, ${fmt}) as period
      from deals d
      where d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, p)} and ${dealScope(q)})
    select grouping(c.period) as grp, c.period,
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type = 'new'), 0)::float8 as "newLogo",
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type = 'cross_sell'), 0)::float8 as "crossSell",
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type = 'upsell'), 0)::float8 as upsell,
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type = 'expansion'), 0)::float8 as "expansionOther",
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type = 'renewal'), 0)::float8 as renewed,
      coalesce(sum(c.amount) filter (where c.outcome <> 'won' and c.type = 'renewal'), 0)::float8 as churned,
      count(*) filter (where c.outcome = 'won' and c.type = 'new')::int as "newLogoDeals",
      count(*) filter (where c.outcome = 'won' and c.type in ('cross_sell', 'upsell', 'expansion'))::int as "expansionDeals",
      count(*) filter (where c.outcome = 'won' and c.type = 'renewal')::int as "renewalsWon",
      count(*) filter (where c.outcome <> 'won' and c.type = 'renewal')::int as "renewalsLost"
    from c group by grouping sets ((), (c.period)) order by c.period nulls first`);
  const empty = { newLogo: 0, crossSell: 0, upsell: 0, expansionOther: 0, renewed: 0, churned: 0, newLogoDeals: 0, expansionDeals: 0, renewalsWon: 0, renewalsLost: 0 };
  const total = res.rows.find((r) => r.grp === 1);
  const strip = ({ grp: _g, period: _p, ...s }: (typeof res.rows)[number]) => s;
  return {
    grain: q.grain,
    totals: mix(total ? strip(total) : empty),
    trend: res.rows.filter((r) => r.grp === 0).map((r) => ({ period: r.period!, ...mix(strip(r)) })),
  };
}
