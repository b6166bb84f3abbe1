import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AttributionDealSchema,
  AttributionQuerySchema,
  AttributionRecordsQuerySchema,
  AttributionRecordsSchema,
  AttributionReportSchema,
} from "../../../shared/contracts/reports/attribution.js";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import { notFound } from "../../../shared/errors.js";
import { attributionDeal, attributionRecords, attributionReport } from "../../reports/attribution.report.js";
import type { ReportRunner } from "./report-runner.js";

type Opts = { run: ReportRunner };

const P = { period: ReportPeriodSchema };

/** Attribution of pipeline and revenue under the six models, the deals behind a row, and one deal's touches. */
export const attributionRoutes: FastifyPluginAsyncZod<Opts> = async (app, { run }) => {
  const tags = ["reports"];
  app.get(
    "/reports/attribution",
    { schema: { tags, summary: "Pipeline or revenue credited to campaigns, channels or assets under six attribution models", querystring: AttributionQuerySchema, response: { 200: AttributionReportSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => attributionReport(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/attribution/records",
    { schema: { tags, summary: "The deals behind an attribution row (or the unattributed deals)", querystring: AttributionRecordsQuerySchema, response: { 200: AttributionRecordsSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => attributionRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/attribution/deals/:id",
    { schema: { tags, summary: "One deal's eligible touches with each model's weight and credit", params: IdParamsSchema, response: { 200: AttributionDealSchema.extend(P) } } },
    (req) =>
      run(req.ctx, {}, async (tx) => {
        const deal = await attributionDeal(tx, req.ctx.workspaceId, req.params.id);
        if (!deal) throw notFound("Deal");
        return deal;
      }),
  );
};
