import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { FunnelRecords, FunnelRecordsQuery, FunnelReport } from "../../shared/contracts/reports/funnel.js";
import type { PairStart } from "../../shared/contracts/reports/lead-common.js";
import { localMonth, type ResolvedPeriod } from "./report-scope.js";
import { PAIR_STARTS, contactName, pairCohortWhere, firstReachedSince, nextStage, reachedSince, stamp, toDate } from "./lead-stages.sql.js";

type CohortRow = { from: PairStart; cohort: string; entered: number; converted: number };

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** Funnel conversion by cohort: for each consecutive stage pair, per month of entering the first stage, how many reached the second (or beyond). */
export async function funnelReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<FunnelReport> {
  // One branch per pair, so each range scan can use its own stage stamp (see docs/REPORTS.md for the indexes).
  const branches = PAIR_STARTS.map((a) => {
    const b = nextStage(a as PairStart);
    return sql`(select ${a}::text as "from", ${localMonth(stamp(a), period)} as cohort, count(*)::int as entered,
        count(*) filter (where ${reachedSince(b, stamp(a))})::int as converted
      from contacts c where ${pairCohortWhere(workspaceId, a as PairStart, period, filters)} group by 2)`;
  });
  const res = await tx.execute<CohortRow>(sql`${sql.join(branches, sql` union all `)} order by 1, 2`);
  return {
    pairs: PAIR_STARTS.map((a) => {
      const cohorts = res.rows.filter((r) => r.from === a).map((r) => ({ cohort: r.cohort, entered: r.entered, converted: r.converted, rate: ratio(r.converted, r.entered) }));
      const entered = cohorts.reduce((s, r) => s + r.entered, 0);
      const converted = cohorts.reduce((s, r) => s + r.converted, 0);
      return { from: a as PairStart, to: nextStage(a as PairStart), entered, converted, rate: ratio(converted, entered), cohorts };
    }),
  };
}

/** The contacts behind a funnel number: one pair, one cohort month (or the whole period), converted or not (or both). */
export async function funnelRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: FunnelRecordsQuery): Promise<FunnelRecords> {
  const a = q.stage;
  const b = nextStage(a);
  const conds = [pairCohortWhere(workspaceId, a, period, q)];
  if (q.cohort) conds.push(sql`${localMonth(stamp(a), period)} = ${q.cohort}`);
  if (q.converted !== undefined) conds.push(q.converted ? reachedSince(b, stamp(a)) : sql`not coalesce(${reachedSince(b, stamp(a))}, false)`);
  const where = sql.join(conds, sql` and `);
  const count = await tx.execute<{ total: number }>(sql`select count(*)::int as total from contacts c where ${where}`);
  type Row = Omit<FunnelRecords["items"][number], "enteredAt" | "reachedAt"> & { enteredAt: string; reachedAt: string | null };
  const items = await tx.execute<Row>(sql`
    select c.id, ${contactName()} as name, c.email, c.stage, ${localMonth(stamp(a), period)} as cohort, ${stamp(a)} as "enteredAt",
      ${firstReachedSince(b, stamp(a))} as "reachedAt", coalesce(${reachedSince(b, stamp(a))}, false) as converted
    from contacts c where ${where}
    order by ${stamp(a)}, c.id limit ${q.limit} offset ${q.offset}`);
  return { items: items.rows.map((r) => ({ ...r, enteredAt: toDate(r.enteredAt), reachedAt: toDate(r.reachedAt) })), total: count.rows[0]?.total ?? 0 };
}
