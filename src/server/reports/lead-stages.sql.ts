/**
 * SQL fragments the lead-side reports share: the stamp column of each main stage, the consecutive stage pairs of
 * the funnel, and "reached B or a later stage at or after entering A" (DESIGN §6.1: reaching a later stage counts
 * as having passed the earlier ones).
 */
import { sql, type SQL } from "drizzle-orm";
import { MAIN_STAGES, type MainStage } from "../../shared/domain/lifecycle.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import { inPeriod, leadScope, type ResolvedPeriod } from "./report-scope.js";

/** The first stage of each funnel pair (every main stage but the last). */
export const PAIR_STARTS = MAIN_STAGES.slice(0, -1) as readonly MainStage[];
export type PairStart = Exclude<MainStage, "customer">;

const STAMP: Record<MainStage, string> = {
  subscriber: "subscriber_at",
  lead: "lead_at",
  mql: "mql_at",
  sal: "sal_at",
  sql: "sql_at",
  opportunity: "opportunity_at",
  customer: "customer_at",
};

/** The stage after `a` in the main sequence. */
export function nextStage(a: PairStart): MainStage {
  return MAIN_STAGES[MAIN_STAGES.indexOf(a) + 1]!;
}

/** `alias.<stage>_at` (column names come from the fixed table above, never from input). */
export function stamp(stage: MainStage, alias = "c"): SQL {
  return sql.raw(`${alias}.${STAMP[stage]}`);
}

/** The stages from `b` to the end of the sequence. */
function fromStage(b: MainStage): MainStage[] {
  return MAIN_STAGES.slice(MAIN_STAGES.indexOf(b));
}

/** True when the contact reached `b` or any later main stage at or after `since` (a timestamp expression). */
export function reachedSince(b: MainStage, since: SQL, alias = "c"): SQL {
  return sql`(${sql.join(fromStage(b).map((s) => sql`${stamp(s, alias)} >= ${since}`), sql` or `)})`;
}

/** The earliest time at or after `since` the contact reached `b` or a later main stage (null: never). */
export function firstReachedSince(b: MainStage, since: SQL, alias = "c"): SQL {
  // least() ignores nulls; a stamp before `since` belongs to an earlier pass and is nulled out first.
  return sql`least(${sql.join(fromStage(b).map((s) => sql`case when ${stamp(s, alias)} >= ${since} then ${stamp(s, alias)} end`), sql`, `)})`;
}

/** True when the contact passed `b` without entering it: no stamp of `b` since `since`, but a later stage reached. */
export function skippedSince(b: MainStage, since: SQL, alias = "c"): SQL {
  const i = MAIN_STAGES.indexOf(b);
  if (i === MAIN_STAGES.length - 1) return sql`false`;
  return sql`(not coalesce(${stamp(b, alias)} >= ${since}, false) and coalesce(${reachedSince(MAIN_STAGES[i + 1]!, since, alias)}, false))`;
}

/** The cohort of the pair starting at `a`: contacts of the workspace whose entry into `a` falls in the period, filters applied. */
export function pairCohortWhere(workspaceId: string, a: PairStart, period: ResolvedPeriod, filters: ReportFilters): SQL {
  return sql`c.workspace_id = ${workspaceId} and ${inPeriod(stamp(a), period)} and ${leadScope(filters)}`;
}

/**
 * Every move into `mql` in the period with the first move out of mql at or after it (by time, then id) — the
 * decision — if any, for all contacts of the workspace (no lead filters). Columns: `contact_id`, `handed_at`,
 * `decided_at`, `decision` (the decision's to_stage), `reason_code`.
 *
 * Set-based rather than one index probe per hand-over: the entries of the period (`stage_transitions_to_idx`) and the
 * exits from mql since the period's start (`stage_transitions_from_idx`), index-only, in one pass per contact ordered
 * by time with an entry before an exit at the same instant (then by id). `g` counts the exits strictly before a row,
 * so each group (contact, g) holds the entries since the previous exit followed by at most one exit — their decision.
 * Exits before the period's start are left out: they precede every entry, so they only shift `g`.
 */
export function mqlDecisionsSql(workspaceId: string, period: ResolvedPeriod): SQL {
  return sql`
    select g.contact_id, g.at as handed_at, g.decided_at, g.decision, g.reason_code from (
      select n.contact_id, n.at, n.entry,
        max(case when not n.entry then n.at end) over w as decided_at,
        max(case when not n.entry then n.to_stage end) over w as decision,
        max(case when not n.entry then n.reason_code end) over w as reason_code
      from (
        select ev.*, count(*) filter (where not ev.entry) over (partition by ev.contact_id order by ev.at, ev.entry desc, ev.id rows between unbounded preceding and 1 preceding) as g
        from (
          select e.contact_id, e.at, e.id, e.to_stage, e.reason_code, true as entry from stage_transitions e
          where e.workspace_id = ${workspaceId} and e.to_stage = 'mql' and ${inPeriod(sql`e.at`, period)}
          union all
          select x.contact_id, x.at, x.id, x.to_stage, x.reason_code, false from stage_transitions x
          where x.workspace_id = ${workspaceId} and x.from_stage = 'mql' and x.at >= ${period.start.toISOString()}::timestamptz
        ) ev
      ) n
      window w as (partition by n.contact_id, n.g)
    ) g
    where g.entry`;
}

/**
 * The MQL hand-overs of the period: every move into `mql` whose time falls in it (a contact handed over twice counts
 * twice, as in the marketing SLA), with the first move out of mql at or after it — the decision — if any. Columns:
 * `contact_id`, `handed_at`, `outcome` (accepted|rejected|recycled|disqualified|pending), `decided_at`,
 * `reason_code`; the contact's alias `c` is joined so callers can group by its fields.
 */
export function handoversSql(workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): SQL {
  return sql`
    select c.*, o.handed_at, o.decided_at, o.reason_code,
      case o.decision when 'sal' then 'accepted' when 'rejected' then 'rejected' when 'recycled' then 'recycled'
        when 'disqualified' then 'disqualified' else 'pending' end as outcome
    from (${mqlDecisionsSql(workspaceId, period)}) o
    join contacts c on c.workspace_id = ${workspaceId} and c.id = o.contact_id
    where ${leadScope(filters)}`;
}

/** A contact's display name: first and last name, null when both are empty. */
export function contactName(alias = "c"): SQL {
  const c = sql.raw(alias);
  return sql`nullif(trim(concat_ws(' ', ${c}.first_name, ${c}.last_name)), '')`;
}

/** A timestamp column as read through drizzle's `execute` (a string) turned into a Date. */
export function toDate(v: string | Date): Date;
export function toDate(v: string | Date | null): Date | null;
export function toDate(v: string | Date | null): Date | null {
  return v === null ? null : new Date(v);
}
