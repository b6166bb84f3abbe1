import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { FunnelQuerySchema, FunnelRecordsQuerySchema, FunnelRecordsSchema, FunnelReportSchema } from "../../../shared/contracts/reports/funnel.js";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import { funnelRecords, funnelReport } from "../../reports/funnel.report.js";
import type { ReportRunner } from "./report-runner.js";

type Opts = { run: ReportRunner };

// Every report echoes the period it covered.
const P = { period: ReportPeriodSchema };

/** The lead-side reports of DESIGN §6.5 (funnel, velocity, acceptance, lead quality), each with its drill-down. */
export const leadReportRoutes: FastifyPluginAsyncZod<Opts> = async (app, { run }) => {
  const tags = ["reports"];
  app.get(
    "/reports/funnel",
    { schema: { tags, summary: "Funnel conversion by cohort for each consecutive stage pair", querystring: FunnelQuerySchema, response: { 200: FunnelReportSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => funnelReport(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/funnel/records",
    { schema: { tags, summary: "The contacts behind a funnel number", querystring: FunnelRecordsQuerySchema, response: { 200: FunnelRecordsSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => funnelRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
};
