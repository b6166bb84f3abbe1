import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { FunnelRecords, FunnelRecordsQuery, FunnelReport } from "../../shared/contracts/reports/funnel.js";
import type { PairStart } from "../../shared/contracts/reports/lead-common.js";
import { localMonth, type ResolvedPeriod } from "./report-scope.js";
import { rollupInPeriod, rollupMonth, rollupScope } from "./lead-rollup.sql.js";
import { PAIR_STARTS, contactName, pairCohortWhere, firstReachedSince, nextStage, reachedSince, stamp, toDate } from "./lead-stages.sql.js";

type CohortRow = { from: PairStart; cohort: string; entered: number; converted: number };

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** Funnel conversion by cohort: for each consecutive stage pair, per month of entering the first stage, how many reached the second (or beyond). */
export async function funnelReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<FunnelReport> {
  // The stamps of the period summed from lead_rollup (kind 'stamp', migration 0023): per pair start and cohort month,
  // the leads that entered it and those that reached the next stage or beyond — the per-contact rule of the records.
  const res = await tx.execute<CohortRow>(sql`
    select r.reason_code as "from", ${rollupMonth()} as cohort, sum(r.n)::int as entered, coalesce(sum(r.n) filter (where r.converted), 0)::int as converted
    from lead_rollup r where ${rollupInPeriod(workspaceId, "stamp", period)} and ${rollupScope(filters)}
    group by 1, 2 having sum(r.n) <> 0 order by 1, 2`);
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
