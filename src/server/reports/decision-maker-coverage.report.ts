import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { DecisionMakerCoverage, DecisionMakerCoverageRecords, DecisionMakerCoverageRecordsQuery } from "../../shared/contracts/reports/decision-maker-coverage.js";
import { dealScope, inPeriod, pastTheEnd, type ResolvedPeriod } from "./report-scope.js";

type Outcome = "won" | "lost" | "no_decision";

/**
 * Deals closed in the period (`closed`), their decision makers with the first marketing touch each had at or before
 * the close (`dm`: the contact's first marketing touch, which deal_contacts carries — migration 0020 — when it is not
 * after the close), and per deal whether any was reached (`dl`). `personaOnly` keeps only decision makers of one persona (null: those without one).
 */
function coverageCtes(workspaceId: string, period: ResolvedPeriod, f: ReportFilters, personaOnly?: string | null): SQL {
  const personaCond = personaOnly === undefined ? sql`true` : personaOnly === null ? sql`nullif(trim(dc.persona), '') is null` : sql`dc.persona = ${personaOnly}`;
  return sql`with closed as (
      select d.id, d.outcome, d.closed_at from deals d
      where d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, period)} and ${dealScope(f)}
    ), dm as (
      select cl.id as deal_id, cl.outcome, dc.contact_id, nullif(trim(dc.persona), '') as persona,
        case when dc.first_marketing_at <= cl.closed_at then dc.first_marketing_at end as first_at
      from closed cl
      join deal_contacts dc on dc.workspace_id = ${workspaceId} and dc.deal_id = cl.id and dc.role = 'decision_maker' and ${personaCond}
    ), dl as (
      select cl.id, cl.outcome, count(dm.contact_id)::int as dms, coalesce(bool_or(dm.first_at is not null), false) as covered
      from closed cl left join dm on dm.deal_id = cl.id group by cl.id, cl.outcome
    )`;
}

const share = (n: number, d: number) => (d === 0 ? null : n / d);

/** Decision-maker coverage: the share of deals closed in the period whose decision makers marketing reached before the close, by outcome and persona. */
export async function decisionMakerCoverage(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<DecisionMakerCoverage> {
  const ctes = coverageCtes(workspaceId, period, filters);
  const outcomes = await tx.execute<{ outcome: Outcome; closed: number; deals: number; covered: number }>(sql`${ctes}
    select dl.outcome, count(*)::int as closed, count(*) filter (where dl.dms > 0)::int as deals, count(*) filter (where dl.covered)::int as covered
    from dl group by dl.outcome order by dl.outcome`);
  const personas = await tx.execute<{ persona: string; decisionMakers: number; reached: number }>(sql`${ctes}
    select coalesce(dm.persona, 'unknown') as persona, count(*)::int as "decisionMakers", count(*) filter (where dm.first_at is not null)::int as reached
    from dm group by 1 order by count(*) desc, 1`);
  const rows = outcomes.rows;
  const sum = (k: "closed" | "deals" | "covered", only?: Outcome) => rows.filter((r) => !only || r.outcome === only).reduce((s, r) => s + r[k], 0);
  const deals = sum("deals");
  const covered = sum("covered");
  const wonWith = sum("covered", "won");
  const wonDeals = sum("deals", "won");
  return {
    overall: { closed: sum("closed"), deals, covered, share: share(covered, deals), noDecisionMaker: sum("closed") - deals },
    byOutcome: rows.map((r) => ({ outcome: r.outcome, deals: r.deals, covered: r.covered, share: share(r.covered, r.deals) })),
    winRate: { covered: share(wonWith, covered), uncovered: share(wonDeals - wonWith, deals - covered) },
    byPersona: personas.rows.map((r) => ({ ...r, share: share(r.reached, r.decisionMakers) })),
  };
}

type RecordRow = DecisionMakerCoverageRecords["items"][number] & { total: number };

/** The deals behind a coverage figure, with their decision makers and when marketing first reached each. */
export async function decisionMakerCoverageRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: DecisionMakerCoverageRecordsQuery): Promise<DecisionMakerCoverageRecords> {
  const persona = q.coverage === "no_decision_maker" || q.persona === undefined ? undefined : q.persona === "unknown" ? null : q.persona;
  const which = q.coverage === "covered" ? sql`dl.dms > 0 and dl.covered` : q.coverage === "uncovered" ? sql`dl.dms > 0 and not dl.covered` : sql`dl.dms = 0`;
  const res = await tx.execute<RecordRow>(sql`${coverageCtes(workspaceId, period, q, persona)}
    select d.id, d.name, a.name as "accountName", d.outcome, d.amount::float8 as amount, d.closed_at as "closedAt",
      coalesce((select json_agg(json_build_object('contactId', dm.contact_id, 'persona', dm.persona, 'firstMarketingTouchAt', dm.first_at,
          'name', (select coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed') from contacts c where c.workspace_id = ${workspaceId} and c.id = dm.contact_id))
        order by dm.contact_id) from dm where dm.deal_id = d.id), '[]'::json) as "decisionMakers",
      count(*) over ()::int as total
    from dl
    join deals d on d.workspace_id = ${workspaceId} and d.id = dl.id
    join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
    where ${which} ${q.outcome ? sql`and dl.outcome = ${q.outcome}` : sql``}
    order by d.closed_at, d.id limit ${q.limit} offset ${q.offset}`);
  const page = {
    items: res.rows.map(({ total: _t, ...r }) => ({
      ...r,
      closedAt: new Date(r.closedAt),
      decisionMakers: r.decisionMakers.map((m) => ({ ...m, firstMarketingTouchAt: m.firstMarketingTouchAt ? new Date(m.firstMarketingTouchAt) : null })),
    })),
    total: res.rows[0]?.total ?? 0,
  };
  return pastTheEnd(q, page, (first) => decisionMakerCoverageRecords(tx, workspaceId, period, first));
}
