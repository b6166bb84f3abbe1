import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import { KpiRecordsQuerySchema, KpiRecordsSchema, KpisQuerySchema, KpisSchema } from "../../../shared/contracts/reports/kpis.js";
import type { Clock } from "../../platform/clock.js";
import { kpiRecords, kpis } from "../../reports/kpis.report.js";
import { SlaAttainmentQuerySchema, SlaAttainmentRecordsQuerySchema, SlaAttainmentRecordsSchema, SlaAttainmentSchema } from "../../../shared/contracts/reports/sla-attainment.js";
import { slaAttainment, slaAttainmentRecords } from "../../reports/sla-attainment.report.js";
import type { ReportRunner } from "./report-runner.js";

type Opts = { run: ReportRunner; clock: Clock };

const withPeriod = <T extends { extend: (s: { period: typeof ReportPeriodSchema }) => unknown }>(s: T) => s.extend({ period: ReportPeriodSchema }) as ReturnType<T["extend"]>;

/** Revenue and alignment reports (DESIGN §6.5): KPIs, SLA attainment, persona drift, decision-maker coverage, revenue by channel, the health index. */
export const alignmentReportRoutes: FastifyPluginAsyncZod<Opts> = async (app, { run, clock }) => {
  const tags = ["reports"];
  app.get(
    "/reports/kpis",
    { schema: { tags, summary: "Sales KPIs: revenue per rep, win rate, cycle, deal size, expansion and renewal revenue, forecast accuracy, MQL→won by source, activities per won deal", querystring: KpisQuerySchema, response: { 200: withPeriod(KpisSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => kpis(tx, req.ctx.workspaceId, period, req.query, clock.now())),
  );
  app.get(
    "/reports/kpis/records",
    { schema: { tags, summary: "The deals or MQLs behind a KPI", querystring: KpiRecordsQuerySchema, response: { 200: withPeriod(KpiRecordsSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => kpiRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/sla-attainment",
    { schema: { tags, summary: "SLA attainment of both sides: sales timers per kind, month, team and rep; marketing's evaluated target periods", querystring: SlaAttainmentQuerySchema, response: { 200: withPeriod(SlaAttainmentSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => slaAttainment(tx, req.ctx.workspaceId, period, req.query, clock.now())),
  );
  app.get(
    "/reports/sla-attainment/records",
    { schema: { tags, summary: "The timers or target periods behind an SLA attainment figure", querystring: SlaAttainmentRecordsQuerySchema, response: { 200: withPeriod(SlaAttainmentRecordsSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => slaAttainmentRecords(tx, req.ctx.workspaceId, period, req.query, clock.now())),
  );
};
