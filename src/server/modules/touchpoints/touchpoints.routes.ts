import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { CreateTouchpointBodySchema, ListTouchpointsQuerySchema, TouchpointPageSchema, TouchpointSchema } from "../../../shared/contracts/touchpoints.js";
import type { TouchpointsService } from "./touchpoints.service.js";

/** The touchpoint log. */
export const touchpointsRoutes: FastifyPluginAsyncZod<{ touchpoints: TouchpointsService }> = async (app, { touchpoints }) => {
  const tags = ["touchpoints"];
  app.get("/touchpoints", { schema: { tags, summary: "List touchpoints", querystring: ListTouchpointsQuerySchema, response: { 200: TouchpointPageSchema } } }, (req) =>
    touchpoints.listTouchpoints(req.ctx, req.query),
  );
  app.post(
    "/touchpoints",
    { schema: { tags, summary: "Record a touchpoint (a repeated clientEventId returns the stored one with 200)", body: CreateTouchpointBodySchema, response: { 200: TouchpointSchema, 201: TouchpointSchema } } },
    async (req, reply) => {
      const { touchpoint, created } = await touchpoints.createTouchpoint(req.ctx, req.body);
      return reply.status(created ? 201 : 200).send(touchpoint);
    },
  );
  app.get("/touchpoints/:id", { schema: { tags, summary: "Get a touchpoint", params: IdParamsSchema, response: { 200: TouchpointSchema } } }, (req) =>
    touchpoints.getTouchpoint(req.ctx, req.params.id),
  );
};
