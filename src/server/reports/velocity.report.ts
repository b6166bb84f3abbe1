import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { PairStart } from "../../shared/contracts/reports/lead-common.js";
import type { VelocityRecords, VelocityRecordsQuery, VelocityReport } from "../../shared/contracts/reports/velocity.js";
import { localMonth, type ResolvedPeriod } from "./report-scope.js";
import { PAIR_STARTS, contactName, nextStage, pairCohortWhere, skippedSince, stamp, toDate } from "./lead-stages.sql.js";

type StatsRow = { from: PairStart; cohort: string | null; contacts: number; skipped: number; medianHours: number | null; p25Hours: number | null; p75Hours: number | null };

/** Hours from entering A to entering B (null when B was not entered at or after A). */
function hoursBetween(a: PairStart) {
  const b = nextStage(a);
  return sql`case when ${stamp(b)} >= ${stamp(a)} then extract(epoch from ${stamp(b)} - ${stamp(a)})::float8 / 3600 end`;
}

/** Stage velocity: for each consecutive pair, median (with p25, p75) hours from entering A to entering B, per cohort month and over the period. */
export async function velocityReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<VelocityReport> {
  const branches = PAIR_STARTS.map((s) => {
    const a = s as PairStart;
    const b = nextStage(a);
    // Grouping sets give each cohort and the whole period in one pass (percentiles cannot be added up).
    return sql`(select ${a}::text as "from", m.cohort, count(m.hours)::int as contacts, count(*) filter (where m.skipped)::int as skipped,
        percentile_cont(0.5) within group (order by m.hours) as "medianHours",
        percentile_cont(0.25) within group (order by m.hours) as "p25Hours",
        percentile_cont(0.75) within group (order by m.hours) as "p75Hours"
      from (select ${localMonth(stamp(a), period)} as cohort, ${hoursBetween(a)} as hours, ${skippedSince(b, stamp(a))} as skipped
            from contacts c where ${pairCohortWhere(workspaceId, a, period, filters)}
              and (${stamp(b)} >= ${stamp(a)} or ${skippedSince(b, stamp(a))})) m
      group by grouping sets ((m.cohort), ()))`;
  });
  const res = await tx.execute<StatsRow>(sql`${sql.join(branches, sql` union all `)} order by 1, 2 nulls first`);
  const stats = (r: StatsRow | undefined) => ({
    contacts: r?.contacts ?? 0,
    skipped: r?.skipped ?? 0,
    medianHours: r?.medianHours ?? null,
    p25Hours: r?.p25Hours ?? null,
    p75Hours: r?.p75Hours ?? null,
  });
  return {
    pairs: PAIR_STARTS.map((s) => {
      const a = s as PairStart;
      const rows = res.rows.filter((r) => r.from === a);
      return {
        from: a,
        to: nextStage(a),
        ...stats(rows.find((r) => r.cohort === null)),
        cohorts: rows.filter((r) => r.cohort !== null).map((r) => ({ cohort: r.cohort!, ...stats(r) })),
      };
    }),
  };
}

/** The contacts behind a velocity number, with their hours: one pair, one cohort month or the whole period. */
export async function velocityRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: VelocityRecordsQuery): Promise<VelocityRecords> {
  const a = q.stage;
  const b = nextStage(a);
  const conds = [pairCohortWhere(workspaceId, a, period, q), sql`(${stamp(b)} >= ${stamp(a)} or ${skippedSince(b, stamp(a))})`];
  if (q.cohort) conds.push(sql`${localMonth(stamp(a), period)} = ${q.cohort}`);
  const where = sql.join(conds, sql` and `);
  const count = await tx.execute<{ total: number }>(sql`select count(*)::int as total from contacts c where ${where}`);
  type Row = Omit<VelocityRecords["items"][number], "enteredAt" | "reachedAt"> & { enteredAt: string; reachedAt: string | null };
  const items = await tx.execute<Row>(sql`
    select c.id, ${contactName()} as name, c.email, c.stage, ${localMonth(stamp(a), period)} as cohort, ${stamp(a)} as "enteredAt",
      case when ${stamp(b)} >= ${stamp(a)} then ${stamp(b)} end as "reachedAt", ${hoursBetween(a)} as hours, ${skippedSince(b, stamp(a))} as skipped
    from contacts c where ${where}
    order by 8 nulls last, ${stamp(a)}, c.id limit ${q.limit} offset ${q.offset}`);
  return { items: items.rows.map((r) => ({ ...r, enteredAt: toDate(r.enteredAt), reachedAt: toDate(r.reachedAt) })), total: count.rows[0]?.total ?? 0 };
}
