import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ReportPeriodSchema } from "../../../shared/contracts/reports/filters.js";
import { WinLossQuerySchema, WinLossRecordsQuerySchema, WinLossRecordsSchema, WinLossReportSchema } from "../../../shared/contracts/reports/win-loss.js";
import { winLossRecords, winLossReport } from "../../reports/win-loss.report.js";
import type { ReportsModule } from "../reports/index.js";

const P = { period: ReportPeriodSchema };

/** Win/loss/no-decision analysis and its drill-down to the deals. */
export const winLossRoutes: FastifyPluginAsyncZod<{ run: ReportsModule["run"] }> = async (app, { run }) => {
  const tags = ["reports"];
  app.get(
    "/reports/win-loss",
    { schema: { tags, summary: "Closed deals by outcome, cut by reason, competitor, segment, source, persona or rep, with the trend by month or quarter", querystring: WinLossQuerySchema, response: { 200: WinLossReportSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => winLossReport(tx, req.ctx.workspaceId, period, req.query)),
  );
  app.get(
    "/reports/win-loss/records",
    { schema: { tags, summary: "The closed deals behind a win/loss number", querystring: WinLossRecordsQuerySchema, response: { 200: WinLossRecordsSchema.extend(P) } } },
    (req) => run(req.ctx, req.query, (tx, period) => winLossRecords(tx, req.ctx.workspaceId, period, req.query)),
  );
};
