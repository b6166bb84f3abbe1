import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { OutcomeReasons } from "../../shared/contracts/reports/outcome-reasons.js";
import { dealScope, inPeriod, type ResolvedPeriod } from "./report-scope.js";

type ReasonRow = { outcome: "won" | "lost" | "no_decision"; code: string | null; label: string | null; deals: number; amount: number };
type CompetitorRow = { competitor: string; won: number; lost: number; noDecision: number; lostAmount: number };

const KIND = { won: "win", lost: "loss", no_decision: "no_decision" } as const;

/** Reasons of the deals closed in the period, per outcome (most frequent first), and the competitors involved. */
export async function outcomeReasons(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<OutcomeReasons> {
  const closed = sql`d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, period)} and ${dealScope(filters)}`;
  const reasons = await tx.execute<ReasonRow>(sql`
    select d.outcome, d.reason_code as code, max(rc.label) as label, count(*)::int as deals, coalesce(sum(d.amount), 0)::float8 as amount
    from deals d
    left join reason_codes rc on rc.workspace_id = d.workspace_id and rc.code = d.reason_code
      and rc.kind = case d.outcome when 'won' then ${KIND.won} when 'lost' then ${KIND.lost} else ${KIND.no_decision} end
    where ${closed}
    group by d.outcome, d.reason_code
    order by d.outcome, count(*) desc, d.reason_code nulls last`);
  const competitors = await tx.execute<CompetitorRow>(sql`
    select d.competitor, count(*) filter (where d.outcome = 'won')::int as won, count(*) filter (where d.outcome = 'lost')::int as lost,
           count(*) filter (where d.outcome = 'no_decision')::int as "noDecision",
           coalesce(sum(d.amount) filter (where d.outcome = 'lost'), 0)::float8 as "lostAmount"
    from deals d where ${closed} and d.competitor is not null
    group by d.competitor order by count(*) filter (where d.outcome = 'lost') desc, d.competitor`);
  const totals = { won: 0, lost: 0, no_decision: 0 };
  for (const r of reasons.rows) totals[r.outcome] += r.deals;
  return {
    closed: { won: totals.won, lost: totals.lost, noDecision: totals.no_decision },
    reasons: reasons.rows.map((r) => ({
      outcome: r.outcome,
      code: r.code,
      label: r.label ?? r.code ?? "No reason recorded",
      deals: r.deals,
      amount: r.amount,
      share: r.deals / totals[r.outcome],
    })),
    competitors: competitors.rows,
  };
}
