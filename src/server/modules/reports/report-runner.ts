import type { Database, Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { ReportFilters, ReportPeriod } from "../../../shared/contracts/reports/filters.js";
import { assertFilterIds, periodOf, resolvePeriod, type ResolvedPeriod } from "../../reports/report-scope.js";

/** Runs one report query for a request: one read-only transaction in the workspace, filter ids checked, period resolved. */
export type ReportRunner = <T extends object>(ctx: RequestContext, filters: ReportFilters, query: (tx: Tx, period: ResolvedPeriod) => Promise<T>) => Promise<T & { period: ReportPeriod }>;

/** The runner every report route goes through, so period, time zone and foreign-id handling are the same everywhere. */
export function createReportRunner({ db, clock }: { db: Database; clock: Clock }): ReportRunner {
  return (ctx, filters, query) =>
    db.inWorkspace(ctx.workspaceId, async (tx) => {
      await assertFilterIds(tx, ctx.workspaceId, filters);
      const period = await resolvePeriod(tx, ctx.workspaceId, filters, clock.now());
      const result = await query(tx, period);
      return { ...result, period: periodOf(period) };
    });
}
