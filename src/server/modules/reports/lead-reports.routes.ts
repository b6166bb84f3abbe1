import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { FunnelQuerySchema, FunnelRecordsQuerySchema, FunnelRecordsSchema, FunnelReportSchema } from "../../../shared/contracts/reports/funnel.js";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import { VelocityQuerySchema, VelocityRecordsQuerySchema, VelocityRecordsSchema, VelocityReportSchema } from "../../../shared/contracts/reports/velocity.js";
import { AcceptanceQuerySchema, AcceptanceRecordsQuerySchema, AcceptanceRecordsSchema, AcceptanceReportSchema } from "../../../shared/contracts/reports/acceptance.js";
import { acceptanceRecords, acceptanceReport } from "../../reports/acceptance.report.js";
import { LeadQualityQuerySchema, LeadQualityRecordsQuerySchema, LeadQualityRecordsSchema, LeadQualityReportSchema } from "../../../shared/contracts/reports/lead-quality.js";
import { funnelRecords, funnelReport } from "../../reports/funnel.report.js";
import { leadQualityRecords, leadQualityReport } from "../../reports/lead-quality.report.js";
import { velocityRecords, velocityReport } from "../../reports/velocity.report.js";
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
  app.get(
    "/reports/velocity",
    { schema: { tags, summary: "Stage velocity: median, p25 and p75 hours per stage pair and cohort month", querystring: VelocityQuerySchema, response: { 200: VelocityReportSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => velocityReport(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/velocity/records",
    { schema: { tags, summary: "The contacts behind a velocity number, with their hours", querystring: VelocityRecordsQuerySchema, response: { 200: VelocityRecordsSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => velocityRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/acceptance",
    { schema: { tags, summary: "Lead acceptance of the MQLs handed over, by team, rep, campaign and source, with rejection, recycle and disqualification reasons", querystring: AcceptanceQuerySchema, response: { 200: AcceptanceReportSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => acceptanceReport(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/acceptance/records",
    { schema: { tags, summary: "The leads behind an acceptance rate or a reason", querystring: AcceptanceRecordsQuerySchema, response: { 200: AcceptanceRecordsSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => acceptanceRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/lead-quality",
    { schema: { tags, summary: "Lead quality per campaign, source or vehicle: MQLs, acceptance, conversion, pipeline, revenue, cost per MQL/SQL/won and ROI", querystring: LeadQualityQuerySchema, response: { 200: LeadQualityReportSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => leadQualityReport(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/lead-quality/records",
    { schema: { tags, summary: "The leads or deals behind a lead-quality row", querystring: LeadQualityRecordsQuerySchema, response: { 200: LeadQualityRecordsSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => leadQualityRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
};
