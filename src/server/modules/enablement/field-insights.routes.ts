import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CreateInsightBodySchema,
  CreateRideAlongBodySchema,
  InsightPageSchema,
  InsightSchema,
  ListInsightsQuerySchema,
  ListRideAlongsQuerySchema,
  RideAlongDetailSchema,
  RideAlongInsightBodySchema,
  RideAlongPageSchema,
  TriageInsightBodySchema,
} from "../../../shared/contracts/enablement-insights.js";
import type { FieldInsightsService } from "./field-insights.service.js";
import type { RideAlongsService } from "./ride-alongs.service.js";

/** Field insights (feed, submit, triage, votes) and ride-alongs. */
export const fieldInsightsRoutes: FastifyPluginAsyncZod<{ insights: FieldInsightsService; rideAlongs: RideAlongsService }> = async (app, { insights, rideAlongs }) => {
  const tags = ["enablement"];
  app.get("/insights", { schema: { tags, summary: "Field insights: filtered, newest first or by votes, keyset-paged", querystring: ListInsightsQuerySchema, response: { 200: InsightPageSchema } } }, (req) =>
    insights.listInsights(req.ctx, req.query),
  );
  app.post("/insights", { schema: { tags, summary: "Submit a field insight (the sales side)", body: CreateInsightBodySchema, response: { 201: InsightSchema } } }, async (req, reply) =>
    reply.status(201).send(await insights.submitInsight(req.ctx, req.body)),
  );
  app.get("/insights/:id", { schema: { tags, summary: "One field insight", params: IdParamsSchema, response: { 200: InsightSchema } } }, (req) => insights.getInsight(req.ctx, req.params.id));
  app.post(
    "/insights/:id/triage",
    { schema: { tags, summary: "Triage an insight: new → reviewed → actioned (saying what was done); the submitter is told", params: IdParamsSchema, body: TriageInsightBodySchema, response: { 200: InsightSchema } } },
    (req) => insights.triageInsight(req.ctx, req.params.id, req.body),
  );
  app.put("/insights/:id/vote", { schema: { tags, summary: "Vote for an insight (once per member)", params: IdParamsSchema, response: { 200: InsightSchema } } }, (req) =>
    insights.setVote(req.ctx, req.params.id, true),
  );
  app.delete("/insights/:id/vote", { schema: { tags, summary: "Take your vote back", params: IdParamsSchema, response: { 200: InsightSchema } } }, (req) => insights.setVote(req.ctx, req.params.id, false));

  app.get("/ride-alongs", { schema: { tags, summary: "Ride-alongs, newest first", querystring: ListRideAlongsQuerySchema, response: { 200: RideAlongPageSchema } } }, (req) =>
    rideAlongs.listRideAlongs(req.ctx, req.query),
  );
  app.post("/ride-alongs", { schema: { tags, summary: "Record a ride-along and the insights its notes became (marketing)", body: CreateRideAlongBodySchema, response: { 201: RideAlongDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await rideAlongs.recordRideAlong(req.ctx, req.body)),
  );
  app.get("/ride-alongs/:id", { schema: { tags, summary: "A ride-along with its insights", params: IdParamsSchema, response: { 200: RideAlongDetailSchema } } }, (req) =>
    rideAlongs.getRideAlong(req.ctx, req.params.id),
  );
  app.post(
    "/ride-alongs/:id/insights",
    { schema: { tags, summary: "Add an insight drawn from a ride-along's notes", params: IdParamsSchema, body: RideAlongInsightBodySchema, response: { 201: RideAlongDetailSchema } } },
    async (req, reply) => reply.status(201).send(await rideAlongs.addInsight(req.ctx, req.params.id, req.body)),
  );
};
