import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import {
  ContentEffectivenessQuerySchema,
  ContentEffectivenessSchema,
  ContentRoiQuerySchema,
  ContentRoiSchema,
  ContentUnusedQuerySchema,
  ContentUnusedSchema,
  ContentUsageQuerySchema,
  ContentUsageSchema,
} from "../../../shared/contracts/reports/content.js";
import { contentUsageReport } from "../../reports/content-usage.report.js";
import { contentUnusedReport } from "../../reports/content-unused.report.js";
import { contentEffectivenessReport } from "../../reports/content-effectiveness.report.js";
import { contentRoiReport } from "../../reports/content-roi.report.js";
import type { ReportRunner } from "./report-runner.js";

const P = { period: ReportPeriodSchema };

/** Content library reports (docs/ENABLEMENT.md): usage, the unused share, effectiveness and ROI. */
export const contentReportRoutes: FastifyPluginAsyncZod<{ run: ReportRunner }> = async (app, { run }) => {
  const tags = ["reports"];
  app.get("/reports/content-usage", { schema: { tags, summary: "Content use by rep or team: tracked shares, deal attachments, prospect views", querystring: ContentUsageQuerySchema, response: { 200: ContentUsageSchema.extend(P) } } }, (req) =>
    run(req.ctx, req.query, (tx, period) => contentUsageReport(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get("/reports/content-unused", { schema: { tags, summary: "Published content never used or not used in 90 days, and its share of the library", querystring: ContentUnusedQuerySchema, response: { 200: ContentUnusedSchema.extend(P) } } }, (req) =>
    run(req.ctx, req.query, (tx, period) => contentUnusedReport(tx, req.ctx.workspaceId, period)),
  );
  app.get("/reports/content-effectiveness", { schema: { tags, summary: "Content in won vs lost deals, influenced pipeline and revenue", querystring: ContentEffectivenessQuerySchema, response: { 200: ContentEffectivenessSchema.extend(P) } } }, (req) =>
    run(req.ctx, req.query, (tx, period) => contentEffectivenessReport(tx, req.ctx.workspaceId, period)),
  );
  app.get("/reports/content-roi", { schema: { tags, summary: "Content production cost against the revenue of the won deals it was on", querystring: ContentRoiQuerySchema, response: { 200: ContentRoiSchema.extend(P) } } }, (req) =>
    run(req.ctx, req.query, (tx, period) => contentRoiReport(tx, req.ctx.workspaceId, period)),
  );
};
