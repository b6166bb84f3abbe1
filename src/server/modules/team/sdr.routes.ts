import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PassedLeadsQuerySchema, PassedLeadsSchema, ScoreboardQuerySchema, ScoreboardSchema } from "../../../shared/contracts/team.js";
import type { SdrService } from "./sdr.service.js";

/** The SDR scoreboard and each SDR's passed leads. */
export const sdrRoutes: FastifyPluginAsyncZod<{ sdr: SdrService }> = async (app, { sdr }) => {
  const tags = ["team"];
  app.get(
    "/sdr-scoreboard",
    { schema: { tags, summary: "Per SDR and months: meetings booked and accepted, sourced opportunities, pipeline and won revenue, with ratios (managers see every SDR, an SDR themself)", querystring: ScoreboardQuerySchema, response: { 200: ScoreboardSchema } } },
    (req) => sdr.scoreboard(req.ctx, req.query),
  );
  app.get(
    "/sdr-leads",
    { schema: { tags, summary: "What became of every lead an SDR passed in the months (accepted, rejected and why, SLA, opportunity, won, lost and why) and the campaigns their best leads came from", querystring: PassedLeadsQuerySchema, response: { 200: PassedLeadsSchema } } },
    (req) => sdr.passedLeads(req.ctx, req.query),
  );
};
