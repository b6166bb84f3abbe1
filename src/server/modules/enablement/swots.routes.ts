import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { CreateSwotBodySchema, SwotListQuerySchema, SwotListSchema, SwotPageSchema, SwotSchema, UpdateSwotBodySchema } from "../../../shared/contracts/enablement-swots.js";
import type { SwotsService } from "./swots.service.js";

/** SWOT analyses of campaigns and of deals' proposals. */
export const swotsRoutes: FastifyPluginAsyncZod<{ swots: SwotsService }> = async (app, { swots }) => {
  const tags = ["enablement"];
  app.get("/swots", { schema: { tags, summary: "SWOT analyses, newest first (filter by subject kind, status and owner; limit/offset)", querystring: SwotListQuerySchema, response: { 200: SwotPageSchema } } }, (req) => swots.listSwots(req.ctx, req.query));
  app.post("/swots", { schema: { tags, summary: "Write a SWOT of a campaign or of a deal's proposal", body: CreateSwotBodySchema, response: { 201: SwotSchema } } }, async (req, reply) =>
    reply.status(201).send(await swots.createSwot(req.ctx, req.body)),
  );
  app.get("/swots/:id", { schema: { tags, summary: "A SWOT analysis", params: IdParamsSchema, response: { 200: SwotSchema } } }, (req) => swots.getSwot(req.ctx, req.params.id));
  app.patch("/swots/:id", { schema: { tags, summary: "Change a SWOT analysis", params: IdParamsSchema, body: UpdateSwotBodySchema, response: { 200: SwotSchema } } }, (req) => swots.updateSwot(req.ctx, req.params.id, req.body));
  app.delete("/swots/:id", { schema: { tags, summary: "Delete a SWOT analysis", params: IdParamsSchema } }, async (req, reply) => {
    await swots.deleteSwot(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.get("/campaigns/:id/swots", { schema: { tags, summary: "The campaign's SWOT analyses", params: IdParamsSchema, response: { 200: SwotListSchema } } }, (req) => swots.campaignSwots(req.ctx, req.params.id));
  app.get("/deals/:id/swots", { schema: { tags, summary: "The SWOT analyses of the deal's proposal", params: IdParamsSchema, response: { 200: SwotListSchema } } }, (req) => swots.dealSwots(req.ctx, req.params.id));
};
