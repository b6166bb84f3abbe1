import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { CreateTouchpointBodySchema, IngestBatchBodySchema, IngestBatchQuerySchema, IngestBatchResultSchema, ListTouchpointsQuerySchema, TouchpointPageSchema, TouchpointSchema } from "../../../shared/contracts/touchpoints.js";
import type { TouchpointsService } from "./touchpoints.service.js";
import type { IngestService } from "./ingest.service.js";

/** The touchpoint log. */
export const touchpointsRoutes: FastifyPluginAsyncZod<{ touchpoints: TouchpointsService; ingest: IngestService }> = async (app, { touchpoints, ingest }) => {
  const tags = ["touchpoints"];
  app.get("/touchpoints", { schema: { tags, summary: "List touchpoints", querystring: ListTouchpointsQuerySchema, response: { 200: TouchpointPageSchema } } }, (req) =>
    touchpoints.listTouchpoints(req.ctx, req.query),
  );
  app.post(
    "/touchpoints",
    { config: { idempotent: true }, schema: { tags, summary: "Record a touchpoint (a repeated clientEventId returns the stored one with 200)", body: CreateTouchpointBodySchema, response: { 200: TouchpointSchema, 201: TouchpointSchema } } },
    async (req, reply) => {
      const { touchpoint, created } = await touchpoints.createTouchpoint(req.ctx, req.body);
      return reply.status(created ? 201 : 200).send(touchpoint);
    },
  );
  app.post(
    "/touchpoints/batch",
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: "Ingest up to 1,000 events (per-item results; partial=true stores the valid ones; Idempotency-Key replays)",
        querystring: IngestBatchQuerySchema,
        body: IngestBatchBodySchema,
        response: { 200: IngestBatchResultSchema },
      },
    },
    (req) => ingest.ingestBatch(req.ctx, req.body.events, req.body.partial ?? req.query.partial === "true"),
  );
  app.get("/touchpoints/:id", { schema: { tags, summary: "Get a touchpoint", params: IdParamsSchema, response: { 200: TouchpointSchema } } }, (req) =>
    touchpoints.getTouchpoint(req.ctx, req.params.id),
  );
};
