import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import { KpiRecordsQuerySchema, KpiRecordsSchema, KpisQuerySchema, KpisSchema } from "../../../shared/contracts/reports/kpis.js";
import type { Clock } from "../../platform/clock.js";
import { kpiRecords, kpis } from "../../reports/kpis.report.js";
import { SlaAttainmentQuerySchema, SlaAttainmentRecordsQuerySchema, SlaAttainmentRecordsSchema, SlaAttainmentSchema } from "../../../shared/contracts/reports/sla-attainment.js";
import { slaAttainment, slaAttainmentRecords } from "../../reports/sla-attainment.report.js";
import { PersonaDriftQuerySchema, PersonaDriftRecordsQuerySchema, PersonaDriftRecordsSchema, PersonaDriftSchema } from "../../../shared/contracts/reports/persona-drift.js";
import { personaDrift, personaDriftRecords } from "../../reports/persona-drift.report.js";
import { DecisionMakerCoverageQuerySchema, DecisionMakerCoverageRecordsQuerySchema, DecisionMakerCoverageRecordsSchema, DecisionMakerCoverageSchema } from "../../../shared/contracts/reports/decision-maker-coverage.js";
import { decisionMakerCoverage, decisionMakerCoverageRecords } from "../../reports/decision-maker-coverage.report.js";
import { RevenueByChannelQuerySchema, RevenueByChannelRecordsQuerySchema, RevenueByChannelRecordsSchema, RevenueByChannelSchema } from "../../../shared/contracts/reports/revenue-by-channel.js";
import { revenueByChannel, revenueByChannelRecords } from "../../reports/revenue-by-channel.report.js";
import { AlignmentHealthQuerySchema, AlignmentHealthRecordsQuerySchema, AlignmentHealthRecordsSchema, AlignmentHealthSchema } from "../../../shared/contracts/reports/alignment-health.js";
import { alignmentHealth, alignmentHealthRecords } from "../../reports/alignment-health.report.js";
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
  app.get(
    "/reports/persona-drift",
    { schema: { tags, summary: "Persona drift: targeted (by cost), engaged-MQL and buyer persona mixes and their total-variation distances", querystring: PersonaDriftQuerySchema, response: { 200: withPeriod(PersonaDriftSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => personaDrift(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/persona-drift/records",
    { schema: { tags, summary: "The campaigns or contacts of one persona in one mix", querystring: PersonaDriftRecordsQuerySchema, response: { 200: withPeriod(PersonaDriftRecordsSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => personaDriftRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/decision-maker-coverage",
    { schema: { tags, summary: "Decision-maker coverage: the share of deals closed in the period whose decision makers marketing reached before the close, by outcome and persona", querystring: DecisionMakerCoverageQuerySchema, response: { 200: withPeriod(DecisionMakerCoverageSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => decisionMakerCoverage(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/decision-maker-coverage/records",
    { schema: { tags, summary: "The deals with or without decision-maker coverage", querystring: DecisionMakerCoverageRecordsQuerySchema, response: { 200: withPeriod(DecisionMakerCoverageRecordsSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => decisionMakerCoverageRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/revenue-by-channel",
    { schema: { tags, summary: "Won revenue and pipeline by sourcing channel with shares, partner and alliance deals included", querystring: RevenueByChannelQuerySchema, response: { 200: withPeriod(RevenueByChannelSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => revenueByChannel(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/revenue-by-channel/records",
    { schema: { tags, summary: "The deals behind a channel's revenue or pipeline", querystring: RevenueByChannelRecordsQuerySchema, response: { 200: withPeriod(RevenueByChannelRecordsSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => revenueByChannelRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/alignment-health",
    { schema: { tags, summary: "The alignment health index (0–100) with its parts, and the four symptom trends per month", querystring: AlignmentHealthQuerySchema, response: { 200: withPeriod(AlignmentHealthSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => alignmentHealth(tx, req.ctx.workspaceId, period, req.query, clock.now())),
  );
  app.get(
    "/reports/alignment-health/records",
    { schema: { tags, summary: "The leads or deals behind the acceptance rate, closed-loop completeness or losses to competitors", querystring: AlignmentHealthRecordsQuerySchema, response: { 200: withPeriod(AlignmentHealthRecordsSchema) } } },
    (req) => run(req.ctx, req.query, (tx, period) => alignmentHealthRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
};
