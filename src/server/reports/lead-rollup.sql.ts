/**
 * Reading `lead_rollup` (migration 0019): the hand-overs and exits of a period counted per filter key, summed from
 * month rows for the months the period covers whole and day rows for the days around them. Periods are whole days
 * of the workspace's zone (report-scope.ts) and the buckets are days and months of that zone, so the sums are exact:
 * the same numbers as the per-record definitions of lead-stages.sql.ts (checked in lead-rollup.test.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import { addDays } from "../../shared/domain/report-periods.js";
import type { ResolvedPeriod } from "./report-scope.js";

/** The first day of the month of a `YYYY-MM-DD` day. */
function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month after the one of `day`. */
function nextMonthStart(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** The months the period covers whole, as a half-open range of first days (empty when `start >= end`). */
export function wholeMonths(p: Pick<ResolvedPeriod, "from" | "to">): { start: string; end: string } {
  const start = p.from.endsWith("-01") ? p.from : nextMonthStart(p.from);
  return { start, end: monthStart(addDays(p.to, 1)) };
}

/** Rollup rows (alias `r`) of one kind whose buckets add up to the period: whole months, then the remaining days. */
export function rollupInPeriod(workspaceId: string, kind: "handover" | "exit" | "timer" | "stamp", p: ResolvedPeriod, alias = "r"): SQL {
  const r = sql.raw(alias);
  const { start, end } = wholeMonths(p);
  return sql`${r}.workspace_id = ${workspaceId} and ${r}.kind = ${kind} and (
    (${r}.grain = 'month' and ${r}.bucket >= ${start}::date and ${r}.bucket < ${end}::date)
    or (${r}.grain = 'day' and ${r}.bucket >= ${p.from}::date and ${r}.bucket <= ${p.to}::date
        and (${r}.bucket < ${start}::date or ${r}.bucket >= ${end}::date)))`;
}

/** The month (`YYYY-MM`) a rollup row counts in (its bucket's month: a day row lies inside its month). */
export function rollupMonth(alias = "r"): SQL {
  return sql`to_char(${sql.raw(alias)}.bucket, 'YYYY-MM')`;
}

/** The lead filters of DESIGN §6.5 on rollup rows: the keys the lead carried (segment, source, channel, campaign, owner or the owner's team). */
export function rollupScope(f: ReportFilters, alias = "r"): SQL {
  const r = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.segment) parts.push(sql`${r}.segment = ${f.segment}`);
  if (f.source) parts.push(sql`${r}.source = ${f.source}`);
  if (f.channel) parts.push(sql`${r}.channel = ${f.channel}`);
  if (f.campaignId) parts.push(sql`${r}.campaign_id = ${f.campaignId}`);
  if (f.repId) parts.push(sql`${r}.owner_id = ${f.repId}`);
  if (f.teamId) parts.push(sql`${r}.owner_id in (select m.user_id from memberships m where m.workspace_id = ${r}.workspace_id and m.team_id = ${f.teamId})`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/** The outcome of a hand-over row's decision: accepted (sal), rejected, recycled, disqualified, else pending. */
export function handoverOutcome(alias = "r"): SQL {
  const r = sql.raw(alias);
  return sql`case ${r}.decision when 'sal' then 'accepted' when 'rejected' then 'rejected' when 'recycled' then 'recycled'
    when 'disqualified' then 'disqualified' else 'pending' end`;
}
